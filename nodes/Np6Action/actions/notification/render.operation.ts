import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { ID_PATTERNS, requiredString } from '../../../shared/operations/parameters';
import { contactAddressProperties, readContactAddress } from '../../../shared/operations/contactAddress';
import { readParameter, toProperties, type ParameterSpec } from '../../../shared/operations/parameterSpec';
import type { ItemResult } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';
import { notificationProperty, notificationSpec } from './notificationParameters';

export const catalogue = [
	'notification.renderMaster',
	'notification.renderMasterForContactId',
	'notification.renderMasterForContactUnicity',
	'notification.renderMasterForContactHash',
	'notification.renderVersion',
	'notification.renderVersionForContactId',
	'notification.renderVersionForContactUnicity',
	'notification.renderVersionForContactHash',
];


/** Only the POST forms take these; giving one sends the contact as `receiver` in the body. */
const context: ParameterSpec[] = [
	{ name: 'related', label: 'Related (JSON)', in: 'body', type: 'json', optional: true, description: 'The "related" object of the render request' },
	{ name: 'stamp', label: 'Stamp (JSON)', in: 'body', type: 'json', optional: true, description: 'The "stamp" object of the render request: {"time", "id", "thread", "set"}' },
];

const properties: INodeProperties[] = [
	notificationProperty,
	{
		displayName: 'Version',
		name: 'version',
		type: 'options',
		noDataExpression: true,
		default: 'master',
		options: [
			{ name: 'Master', value: 'master', description: 'The master version of the notification' },
			{ name: 'Specific Version', value: 'specific', description: 'A version given by its ID' },
		],
	},
	{
		displayName: 'Version ID',
		name: 'versionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '8b898373-21c7-4028-b85f-cc5068e68df9',
		displayOptions: { show: { version: ['specific'] } },
	},
	...contactAddressProperties(),
	...toProperties(context),
];

export const description = updateDisplayOptions({ show: { resource: ['notification'], operation: ['render'] } }, properties);

/**
 * Render: previews the master or a given version (`.../versions/{version}/render`) for a contact named
 * by ID (GET .../render/contact/{contact}), unicity or hash (GET .../render/contact?unicity=|hash=, which
 * NP6 routes on the query key). With Related or Stamp it is POST .../render, the contact then going in
 * the body as `receiver`. Nothing is sent.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const notificationId = readParameter.call(this, notificationSpec, itemIndex) as number;
	const version = this.getNodeParameter('version', itemIndex) as 'master' | 'specific';
	const versionId =
		version === 'specific' ? requiredString.call(this, 'versionId', 'Version ID', itemIndex, ID_PATTERNS.uuid).toLowerCase() : undefined;
	const { way, value: contact } = readContactAddress.call(this, itemIndex);

	const extras = Object.fromEntries(
		context.map((spec) => [spec.name, readParameter.call(this, spec, itemIndex)]).filter(([, value]) => value !== undefined),
	) as IDataObject;

	const base = `/notifications/${notificationId}${versionId ? `/versions/${versionId}` : ''}/render`;
	const request =
		Object.keys(extras).length > 0
			? { method: 'POST' as const, path: base, body: { receiver: { [way]: contact }, ...extras } }
			: way === 'id'
				? { method: 'GET' as const, path: `${base}/contact/${encodeURIComponent(contact)}` }
				: { method: 'GET' as const, path: `${base}/contact`, query: { [way]: contact } };
	const { body } = await np6ApiRequest.call(this, {
		...request,
		meanings: {
			404: versionId ? 'NP6 has no such notification, version or contact' : 'NP6 has no such notification or contact',
		},
		itemIndex,
	});
	return (body ?? {}) as IDataObject;
}
