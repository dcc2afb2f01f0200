import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { contactFields } from '../../shared/np6/fields';

const TYPES: Record<string, FieldType> = {
	numeric: 'number',
	date: 'dateTime',
	multipleSelectList: 'array',
};

/** The account's contact fields, for mapping values onto them; the unicity field is marked. */
export async function getContactFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const fields = await contactFields.call(this);
	return {
		fields: fields.map(
			(field): ResourceMapperField => ({
				id: field.name,
				displayName: field.isUnicity ? `${field.name} (unicity)` : field.name,
				required: Boolean(field.isUnicity || field.isMandatory),
				defaultMatch: Boolean(field.isUnicity),
				canBeUsedToMatch: Boolean(field.isUnicity),
				display: true,
				type: TYPES[field.type] ?? 'string',
			}),
		),
		emptyFieldsNotice: 'This NP6 account has no contact fields',
	};
}
