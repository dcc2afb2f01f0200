import { randomUUID } from 'crypto';
import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { contactAddressProperties, readContactAddress } from '../../../shared/operations/contactAddress';
import { readParameter, toProperties, type ParameterSpec } from '../../../shared/operations/parameterSpec';
import type { ItemResult } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';
import { PICKERS } from '../../../shared/methods/pickers';

export const catalogue = ['subscription.upsert'];

const parameters: ParameterSpec[] = [
	{
		name: 'application',
		label: 'Application',
		in: 'body',
		picker: PICKERS.application,
		description: 'The mobile application the contact subscribes to',
	},
	{ name: 'providerType', label: 'Provider', in: 'body', key: 'provider.type', default: 'firebase', description: 'Push provider, e.g. firebase' },
	{ name: 'token', label: 'Device Token', in: 'body', key: 'provider.token', description: "The provider's token for the device" },
	{
		name: 'subscriptionId',
		label: 'Subscription ID',
		in: 'body',
		key: 'id',
		optional: true,
		format: 'uuid',
		description: 'Give the ID of an existing subscription to update it; leave empty to create one (the node then chooses its ID, so a repeated request cannot create it twice)',
	},
];

const properties: INodeProperties[] = [...contactAddressProperties(), ...toProperties(parameters)];

export const description = updateDisplayOptions({ show: { resource: ['subscription'], operation: ['upsert'] } }, properties);

/**
 * PUT /subscriptions: the contact named by ID, unicity or hash subscribes an app install to push. NP6
 * creates a subscription for a PUT without `id`, so the node always sends one (a new UUID when none is
 * given): the request helper may repeat a PUT whose answer was lost, and must not create two.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const contact = readContactAddress.call(this, itemIndex);
	const [application, type, token, id] = parameters.map((p) => readParameter.call(this, p, itemIndex));
	const { body } = await np6ApiRequest.call(this, {
		method: 'PUT',
		path: '/subscriptions',
		body: {
			id: id || randomUUID(),
			application,
			provider: { type, token },
			contact: { type: contact.way, value: contact.value },
		} as IDataObject,
		meanings: { 404: 'NP6 has no such contact or application' },
		itemIndex,
	});
	return body as IDataObject;
}
