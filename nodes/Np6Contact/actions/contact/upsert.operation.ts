import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type ResourceMapperValue,
} from 'n8n-workflow';

import { keyedById, keyedByName, toFieldValues } from '../../../shared/np6/contactValues';
import { contactFields, unicityFields } from '../../../shared/np6/fields';
import type { ItemResult } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			resourceMapper: {
				resourceMapperMethod: 'getContactFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		description: 'The contact\'s values, by NP6 field. The unicity field (usually Email) identifies the contact.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['upsert'] } }, properties);

const MEANINGS = {
	400: 'NP6 could not identify the contact: the unicity field is missing, or a field name is unknown',
	404: 'NP6 refused a value: it is not valid for its field (NP6 answers 404 for that)',
};

/**
 * Create or Update: POST /targets with values keyed by field name; 409 means the contact exists,
 * so it is looked up by unicity and updated by id. Outputs the contact as NP6 stores it.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const fields = await contactFields.call(this);
	const mapping = this.getNodeParameter('fields', itemIndex) as ResourceMapperValue;
	const mapped = (mapping.mappingMode === 'autoMapInputData' ? this.getInputData()[itemIndex].json : mapping.value) ?? {};
	const values = toFieldValues(this.getNode(), itemIndex, mapped as IDataObject, fields);

	const unicity = unicityFields(fields);
	const missing = unicity.filter((f) => values[f.name] === undefined);
	if (unicity.length === 0 || missing.length > 0) {
		const names = (missing.length ? missing : unicity).map((f) => f.name).join(', ') || 'a unicity field';
		throw new NodeOperationError(this.getNode(), `The parameter "Fields" has no value for ${names}`, {
			itemIndex,
			description: `NP6 identifies contacts by their unicity field (${names}): map a value to it.`,
		});
	}

	const created = await np6ApiRequest.call(this, {
		method: 'POST',
		path: '/targets',
		body: keyedByName(values),
		expectedStatuses: [409],
		meanings: MEANINGS,
		itemIndex,
	});
	if (created.status !== 409) return created.body as IDataObject;

	const unicityValues = unicity.map((f) => String(values[f.name]));
	const existing = await np6ApiRequest.call(this, {
		method: 'GET',
		path: '/targets',
		query: { unicity: unicityValues.length === 1 ? unicityValues[0] : unicityValues },
		itemIndex,
	});
	const contact = (Array.isArray(existing.body) ? existing.body[0] : existing.body) as IDataObject | undefined;
	if (!contact?.id) {
		throw new NodeOperationError(this.getNode(), `NP6 said the contact ${unicityValues.join(', ')} exists but did not return it`, {
			itemIndex,
		});
	}
	const changes = Object.fromEntries(Object.entries(values).filter(([name]) => !unicity.some((f) => f.name === name)));
	if (Object.keys(changes).length === 0) return contact;

	const updated = await np6ApiRequest.call(this, {
		method: 'PUT',
		path: `/targets/${encodeURIComponent(String(contact.id))}`,
		body: keyedById(changes, fields),
		meanings: MEANINGS,
		itemIndex,
	});
	return (updated.body as IDataObject | undefined) ?? contact;
}
