import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { readableContact } from '../../../shared/np6/contactOutput';
import { keyedById } from '../../../shared/np6/contactValues';
import { contactIdProperty } from '../../../shared/operations/contactAddress';
import { ID_PATTERNS, requiredString } from '../../../shared/operations/parameters';
import { lowConfidenceHint } from '../../../shared/operations/resource';
import type { ItemResult } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';
import { contactFieldsProperty, mappedFieldValues, withCurrentFieldLists } from './contactFieldsMapping';

export const catalogue = ['target.update'];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, [
	{
		displayName: lowConfidenceHint('a PUT with values keyed by field ID'),
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	contactIdProperty,
	{ ...contactFieldsProperty, description: 'The values to change; fields left empty keep their value' },
]);

/** Update by ID: PUT /targets/{id} with the changed values keyed by field id. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await withCurrentFieldLists(this, async () => await update.call(this, itemIndex));
}

async function update(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = requiredString.call(this, 'contactId', 'Contact ID', itemIndex, ID_PATTERNS.contact);
	const { fields, values } = await mappedFieldValues.call(this, itemIndex);
	if (Object.keys(values).length === 0) {
		throw new NodeOperationError(this.getNode(), 'The parameter "Fields" has no value to update', { itemIndex });
	}
	const { body } = await np6ApiRequest.call(this, {
		method: 'PUT',
		path: `/targets/${encodeURIComponent(id)}`,
		body: keyedById(values, fields),
		answers: 'object',
		meanings: { 404: 'NP6 has no contact with this ID, or refused a value', 409: 'Another contact already has this unicity value' },
		itemIndex,
	});
	return (await readableContact.call(this, body)) as IDataObject;
}
