import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { ID_PATTERNS } from '../../../shared/operations/parameters';

/** Who a send or a render is for: one contact per input item. */
export const recipientProperties: INodeProperties[] = [
	{
		displayName: 'Find Recipient By',
		name: 'recipientBy',
		type: 'options',
		noDataExpression: true,
		default: 'unicity',
		options: [
			{ name: 'Hash', value: 'hash', description: 'MD5 of the unicity value' },
			{ name: 'ID', value: 'id', description: 'NP6 contact ID, such as 000PKXK4' },
			{ name: 'Unicity', value: 'unicity', description: 'Value of the unicity field, usually the email address' },
		],
	},
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.email }}',
		description: 'The contact to send to, for each input item. NP6 never creates contacts on send: create them first (NP6 Contact → Create or Update).',
	},
];

/** NP6's Recipient object; a unicity value is always an array (a plain string gives 400). */
export function readRecipient(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const way = this.getNodeParameter('recipientBy', itemIndex) as 'id' | 'unicity' | 'hash';
	const value = String(this.getNodeParameter('recipient', itemIndex, '') ?? '').trim();
	const invalid = (problem: string, description: string) =>
		new NodeOperationError(this.getNode(), `The parameter "Recipient" ${problem}`, { itemIndex, description });
	if (!value) throw invalid('is empty', `Give the contact's ${way === 'id' ? 'ID' : way} for item ${itemIndex + 1}.`);
	if (way === 'id' && !ID_PATTERNS.contact.test.test(value)) throw invalid(`is not a contact ID: "${value}"`, `It must be ${ID_PATTERNS.contact.expected}.`);
	if (way === 'hash' && !ID_PATTERNS.hash.test.test(value)) throw invalid(`is not a contact hash: "${value}"`, `It must be ${ID_PATTERNS.hash.expected}.`);
	return way === 'unicity' ? { type: 'unicity', value: [value] } : { type: way, value: way === 'hash' ? value.toLowerCase() : value };
}
