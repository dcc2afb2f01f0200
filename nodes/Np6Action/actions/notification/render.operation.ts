import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { ID_PATTERNS, requiredString } from '../../../shared/operations/parameters';
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

type ForContact = 'none' | 'id' | 'unicity' | 'hash';

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
	{
		displayName: 'For Contact',
		name: 'forContact',
		type: 'options',
		noDataExpression: true,
		default: 'none',
		description: 'Whose data personalises the preview',
		options: [
			{ name: 'None', value: 'none', description: 'Render without a contact' },
			{ name: 'By ID', value: 'id', description: 'NP6 contact ID, such as 000PKXK4' },
			{ name: 'By Unicity', value: 'unicity', description: 'Value of the unicity field, usually the email address' },
			{ name: 'By Hash', value: 'hash', description: 'MD5 of the unicity value (32 hexadecimal characters)' },
		],
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '000PKXK4',
		displayOptions: { show: { forContact: ['id'] } },
	},
	{
		displayName: 'Unicity Value',
		name: 'unicity',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'alice@example.com',
		description: "The value of the contact's unicity field, usually its email address",
		displayOptions: { show: { forContact: ['unicity'] } },
	},
	{
		displayName: 'Hash',
		name: 'hash',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3858f62230ac3c915f300c664312c63f',
		displayOptions: { show: { forContact: ['hash'] } },
	},
	...toProperties(context),
];

export const description = updateDisplayOptions({ show: { resource: ['notification'], operation: ['render'] } }, properties);

/**
 * Render: previews the master or a given version (`.../versions/{version}/render`) for a contact named
 * by ID (GET .../render/contact/{contact}), unicity or hash (GET .../render/contact?unicity=|hash=, which
 * NP6 routes on the query key). Without a contact, or with Related/Stamp, it is POST .../render, the
 * contact then going in the body as `receiver`. Nothing is sent.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const notificationId = readParameter.call(this, notificationSpec, itemIndex) as number;
	const version = this.getNodeParameter('version', itemIndex) as 'master' | 'specific';
	const versionId =
		version === 'specific' ? requiredString.call(this, 'versionId', 'Version ID', itemIndex, ID_PATTERNS.uuid).toLowerCase() : undefined;
	const forContact = this.getNodeParameter('forContact', itemIndex) as ForContact;
	let contact: string | undefined;
	if (forContact === 'id') contact = requiredString.call(this, 'contactId', 'Contact ID', itemIndex, ID_PATTERNS.contact);
	if (forContact === 'unicity') contact = requiredString.call(this, 'unicity', 'Unicity Value', itemIndex);
	if (forContact === 'hash') contact = requiredString.call(this, 'hash', 'Hash', itemIndex, ID_PATTERNS.hash).toLowerCase();

	const extras = Object.fromEntries(
		context.map((spec) => [spec.name, readParameter.call(this, spec, itemIndex)]).filter(([, value]) => value !== undefined),
	) as IDataObject;

	const base = `/notifications/${notificationId}${versionId ? `/versions/${versionId}` : ''}/render`;
	const inBody = forContact === 'none' || Object.keys(extras).length > 0;
	const request = inBody
		? { method: 'POST' as const, path: base, body: { ...(contact ? { receiver: { [forContact]: contact } } : {}), ...extras } }
		: forContact === 'id'
			? { method: 'GET' as const, path: `${base}/contact/${encodeURIComponent(contact!)}` }
			: { method: 'GET' as const, path: `${base}/contact`, query: { [forContact]: contact! } };
	const { body } = await np6ApiRequest.call(this, {
		...request,
		meanings: {
			400: 'NP6 could not read the render request (a render may need a contact: set "For Contact")',
			404: versionId
				? 'NP6 has no such notification, version or contact'
				: forContact === 'none'
					? 'NP6 has no notification with this ID'
					: 'NP6 has no such notification or contact',
		},
		itemIndex,
	});
	return (body ?? {}) as IDataObject;
}
