import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties, type ResourceMapperValue } from 'n8n-workflow';

import { refusedByFieldLists, toFieldValues, type FieldValue } from '../../../shared/np6/contactValues';
import { contactFields, unicityFields, type Np6Field } from '../../../shared/np6/fields';
import { retryWithFreshMetadata, type MetadataPath } from '../../../shared/np6/metadataCache';

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

/** The unicity fields, once every one of them has a value in the item: NP6 identifies contacts by them. */
export function requireUnicityValues(this: IExecuteFunctions, fields: Np6Field[], values: Record<string, FieldValue>, itemIndex: number): Np6Field[] {
	const unicity = unicityFields(fields);
	const missing = unicity.filter((f) => values[f.name] === undefined);
	if (unicity.length === 0 || missing.length > 0) {
		const names = (missing.length ? missing : unicity).map((f) => f.name).join(', ') || 'a unicity field';
		throw new NodeOperationError(this.getNode(), `The parameter "Fields" has no value for ${names}`, {
			itemIndex,
			description: `NP6 identifies contacts by their unicity field (${names}): map a value to it.`,
		});
	}
	return unicity;
}

/**
 * One item's contact write, with the field and value lists as NP6 has them: a field or value unknown
 * to the lists of the process cache, or NP6 refusing a field name (400) or a value (404), re-reads the
 * lists once and writes again. NP6 wrote nothing when it refused, so the write cannot happen twice.
 */
export async function withCurrentFieldLists<T>(context: IExecuteFunctions, write: () => Promise<T>): Promise<T> {
	return await retryWithFreshMetadata(context, FIELD_LISTS, mayComeFromStaleLists, write);
}

/** The lists a contact write is checked against. */
export const FIELD_LISTS: MetadataPath[] = ['/fields', '/valueLists'];

export const mayComeFromStaleLists = (error: unknown): boolean =>
	refusedByFieldLists(error) || (error instanceof NodeApiError && (error.httpCode === '400' || error.httpCode === '404'));
