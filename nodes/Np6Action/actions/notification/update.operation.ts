import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readParameter, setPath, toProperties, type ParameterSpec } from '../../../shared/operations/parameterSpec';
import type { ItemResult } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';
import { NOTIFICATION_NOT_FOUND, notificationProperty, notificationSpec, settingsSpecs } from './notificationParameters';

export const catalogue = ['notification.get', 'notification.update'];

const changes: ParameterSpec[] = [
	{ name: 'name', label: 'Name', in: 'body', optional: true },
	{
		name: 'application',
		label: 'Application',
		in: 'body',
		optional: true,
		picker: { searchMethod: 'searchApplications', idFormat: 'uuid', idPlaceholder: '2b22d485-f04e-492b-b364-e14f8506726a' },
		description: 'The mobile application whose subscribers receive the notification',
	},
	...settingsSpecs,
];

const properties: INodeProperties[] = [
	notificationProperty,
	{
		displayName:
			'NP6 replaces the whole notification on update: the node reads it first and sends it back with your changes, so fields you leave out keep their values',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	...toProperties(changes),
];

export const description = updateDisplayOptions({ show: { resource: ['notification'], operation: ['update'] } }, properties);

/**
 * Update: PUT /notifications/{id} replaces the notification, so the current one is read
 * (GET /notifications/{id}) and sent back with the given fields changed.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const notificationId = readParameter.call(this, notificationSpec, itemIndex) as number;
	const given = changes
		.map((spec) => ({ spec, value: readParameter.call(this, spec, itemIndex) }))
		.filter(({ value }) => value !== undefined);
	if (given.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No field to update', {
			itemIndex,
			description: 'Add at least one field under "Additional Fields".',
		});
	}
	const path = `/notifications/${notificationId}`;
	const { body: current } = await np6ApiRequest.call(this, { method: 'GET', path, meanings: NOTIFICATION_NOT_FOUND, itemIndex });
	// The server owns the id and the lifecycle stamp: they are not sent back.
	const document = { ...((current ?? {}) as IDataObject) };
	delete document.id;
	delete document.stamp;
	for (const { spec, value } of given) setPath(document, spec.key ?? spec.name, value);
	const { body } = await np6ApiRequest.call(this, {
		method: 'PUT',
		path,
		body: document,
		meanings: { 404: 'NP6 has no such notification or application' },
		itemIndex,
	});
	return body as IDataObject;
}
