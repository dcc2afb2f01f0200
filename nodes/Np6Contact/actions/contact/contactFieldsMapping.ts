import type { IDataObject, IExecuteFunctions, INodeProperties, ResourceMapperValue } from 'n8n-workflow';

import { toFieldValues, type FieldValue } from '../../../shared/np6/contactValues';
import { contactFields, type Np6Field } from '../../../shared/np6/fields';

/** The "Fields" resource mapper of Create or Update and Update, fed by the account's field list. */
export const contactFieldsProperty: INodeProperties = {
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
	description: "The contact's values, by NP6 field. The unicity field (usually Email) identifies the contact.",
};

/** The mapped values of one item, converted to each field's type and checked against the field list. */
export async function mappedFieldValues(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<{ fields: Np6Field[]; values: Record<string, FieldValue> }> {
	const fields = await contactFields.call(this);
	const mapping = this.getNodeParameter('fields', itemIndex) as ResourceMapperValue;
	const mapped = (mapping.mappingMode === 'autoMapInputData' ? this.getInputData()[itemIndex].json : mapping.value) ?? {};
	const values = await toFieldValues.call(this, itemIndex, mapped as IDataObject, fields);
	return { fields, values };
}
