import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { ID_PATTERNS } from '../../../shared/operations/parameters';
import { readParameter, toList } from '../../../shared/operations/parameterSpec';
import type { ItemResult } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';
import { segmentPicker } from '../segment/segmentParameters';

export const catalogue = ['target.deleteBulk'];

const properties: INodeProperties[] = [
	{
		displayName: 'Delete By',
		name: 'deleteBy',
		type: 'options',
		noDataExpression: true,
		default: 'id',
		options: [
			{ name: 'Contact IDs', value: 'id' },
			{ name: 'Segment (All Its Contacts)', value: 'segment' },
			{ name: 'Unicity Values', value: 'unicity' },
		],
	},
	{
		displayName: 'Contact IDs',
		name: 'ids',
		type: 'string',
		default: '',
		required: true,
		placeholder: '000PKXK4, 000PKXK5',
		description: 'Comma-separated contact IDs, or an array from an expression',
		displayOptions: { show: { deleteBy: ['id'] } },
	},
	{
		displayName: 'Unicity Values',
		name: 'unicityValues',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'alice@example.com, bob@example.com',
		description: 'Comma-separated unicity values (usually email addresses), or an array from an expression',
		displayOptions: { show: { deleteBy: ['unicity'] } },
	},
	{ ...segmentPicker.property, displayOptions: { show: { deleteBy: ['segment'] } } },
	{
		displayName: 'Delete Every Contact of This Segment',
		name: 'confirmSegmentDeletion',
		type: 'boolean',
		default: false,
		description: "Whether you really mean it: this deletes the contacts themselves from the account, not only from the segment. NP6 can't undo it.",
		displayOptions: { show: { deleteBy: ['segment'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['deleteMany'] } }, properties);

/** Delete Many: DELETE /targets with {type, value}; deleting a whole segment needs explicit confirmation. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const deleteBy = this.getNodeParameter('deleteBy', itemIndex) as 'id' | 'unicity' | 'segment';
	let value: unknown;
	if (deleteBy === 'segment') {
		value = readParameter.call(this, segmentPicker.spec, itemIndex);
		if (!this.getNodeParameter('confirmSegmentDeletion', itemIndex, false)) {
			throw new NodeOperationError(this.getNode(), 'Deleting all contacts of a segment needs "Delete Every Contact of This Segment" turned on', {
				itemIndex,
				description: 'This deletes the contacts from the NP6 account, not only from the segment. Turn the parameter on to confirm.',
			});
		}
	} else {
		const name = deleteBy === 'id' ? 'ids' : 'unicityValues';
		const list = toList(this.getNodeParameter(name, itemIndex, ''));
		if (list.length === 0) {
			throw new NodeOperationError(this.getNode(), `The parameter "${deleteBy === 'id' ? 'Contact IDs' : 'Unicity Values'}" is empty`, { itemIndex });
		}
		const badId = deleteBy === 'id' ? list.find((id) => !ID_PATTERNS.contact.test.test(id)) : undefined;
		if (badId !== undefined) {
			throw new NodeOperationError(this.getNode(), `The parameter "Contact IDs" holds an invalid contact ID: "${badId}"`, {
				itemIndex,
				description: `Contact IDs are ${ID_PATTERNS.contact.expected}. Nothing was deleted.`,
			});
		}
		// NP6 takes unicity values as one array per contact (one string per unicity criterion).
		value = deleteBy === 'unicity' ? list.map((v) => [v]) : list;
	}
	await np6ApiRequest.call(this, {
		method: 'DELETE',
		path: '/targets',
		body: { type: deleteBy, value } as IDataObject,
		meanings: { 404: 'NP6 found none of these contacts' },
		itemIndex,
	});
	return { success: true, deleteBy, ...(Array.isArray(value) ? { requested: value.length } : { segmentId: value as number }) };
}
