import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { ID_PATTERNS, requiredString } from '../../../shared/operations/parameters';
import type { ItemResult } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'Find Contact By',
		name: 'findBy',
		type: 'options',
		noDataExpression: true,
		default: 'unicity',
		options: [
			{ name: 'Hash', value: 'hash', description: 'MD5 of the unicity value (32 hexadecimal characters)' },
			{ name: 'ID', value: 'id', description: 'NP6 contact ID, such as 000PKXK4' },
			{ name: 'Unicity', value: 'unicity', description: 'Value of the unicity field, usually the email address' },
		],
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '000PKXK4',
		displayOptions: { show: { findBy: ['id'] } },
	},
	{
		displayName: 'Unicity Value',
		name: 'unicity',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'alice@example.com',
		description: 'The value of the contact\'s unicity field, usually its email address',
		displayOptions: { show: { findBy: ['unicity'] } },
	},
	{
		displayName: 'Hash',
		name: 'hash',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3858f62230ac3c915f300c664312c63f',
		displayOptions: { show: { findBy: ['hash'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

const MEANINGS = { 404: 'NP6 has no contact with this ID, unicity value or hash' };

/** Get: GET /targets/{id}, or GET /targets?unicity= / ?hash= (NP6 routes on the query key). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const findBy = this.getNodeParameter('findBy', itemIndex) as 'id' | 'unicity' | 'hash';
	if (findBy === 'id') {
		const id = requiredString.call(this, 'contactId', 'Contact ID', itemIndex, ID_PATTERNS.contact);
		const { body } = await np6ApiRequest.call(this, { method: 'GET', path: `/targets/${id}`, meanings: MEANINGS, itemIndex });
		return body as IDataObject;
	}
	const value =
		findBy === 'hash'
			? requiredString.call(this, 'hash', 'Hash', itemIndex, ID_PATTERNS.hash).toLowerCase()
			: requiredString.call(this, 'unicity', 'Unicity Value', itemIndex);
	const { body } = await np6ApiRequest.call(this, {
		method: 'GET',
		path: '/targets',
		query: { [findBy]: value },
		meanings: MEANINGS,
		itemIndex,
	});
	return (Array.isArray(body) ? body : [body]) as IDataObject[];
}
