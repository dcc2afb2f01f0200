import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { contactFields, isListField, valueLists } from '../../shared/np6/fields';
import { hasCredential } from '../../shared/transport/runContext';

const TYPES: Record<string, FieldType> = {
	numeric: 'number',
	date: 'dateTime',
	singleSelectList: 'options',
	multipleSelectList: 'array',
};

/** The account's contact fields, for mapping values onto them; the unicity field is marked. */
export async function getContactFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	if (!(await hasCredential(this))) return { fields: [], emptyFieldsNotice: 'Choose an NP6 credential to load the contact fields' };
	const fields = await contactFields.call(this);
	const lists = fields.some(isListField) ? await valueLists.call(this) : [];
	return {
		fields: fields.map((field): ResourceMapperField => {
			const list = lists.find((l) => l.id === field.valueListId);
			return {
				id: field.name,
				displayName: field.isUnicity ? `${field.name} (unicity)` : field.name,
				required: Boolean(field.isUnicity || field.isMandatory),
				defaultMatch: Boolean(field.isUnicity),
				canBeUsedToMatch: Boolean(field.isUnicity),
				display: true,
				type: field.type === 'singleSelectList' && !list ? 'string' : (TYPES[field.type] ?? 'string'),
				...(field.type === 'singleSelectList' && list ? { options: list.values.map((v) => ({ name: v.value, value: v.value })) } : {}),
			};
		}),
		emptyFieldsNotice: 'This NP6 account has no contact fields',
	};
}
