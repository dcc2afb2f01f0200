import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { ID_PATTERNS } from '../operations/parameters';
import { isListField, valueLists, type Np6Field } from './fields';

export type FieldValue = string | number | string[];

/** Refusals that a stale field or value list could explain: the field or value may have been added since. */
const unknownToLists = new WeakSet<object>();

export const refusedByFieldLists = (error: unknown): boolean => typeof error === 'object' && error !== null && unknownToLists.has(error);

function unknownToList<E extends Error>(error: E): E {
	unknownToLists.add(error);
	return error;
}

/**
 * Converts mapped values (keyed by field name) to what NP6 stores for each field's type, and refuses
 * unknown fields, unconvertible values and values missing from a field's value list before anything
 * is sent (NP6 would answer a misleading 404).
 */
export async function toFieldValues(
	this: IExecuteFunctions,
	itemIndex: number,
	mapped: IDataObject,
	fields: Np6Field[],
): Promise<Record<string, FieldValue>> {
	const node = this.getNode();
	const values: Record<string, FieldValue> = {};
	for (const [name, raw] of Object.entries(mapped)) {
		// A value of spaces is no value: NP6 would store it, or take it as an empty unicity value.
		if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) continue;
		const field = fields.find((f) => f.name === name);
		if (!field) {
			throw unknownToList(
				new NodeOperationError(node, `The field "${name}" does not exist in this NP6 account`, {
					itemIndex,
					description: `Known fields: ${fields.map((f) => f.name).join(', ')}. Refresh the field list of the "Fields" parameter.`,
				}),
			);
		}
		const invalid = (expected: string) =>
			new NodeOperationError(node, `The value of field "${field.name}" is not ${expected}: ${JSON.stringify(raw)}`, {
				itemIndex,
				description: `"${field.name}" is a ${field.type} field in NP6, which would refuse the value (with a misleading 404).`,
			});
		values[name] = convert(field, raw, invalid);
		if (isListField(field)) values[name] = await inValueList.call(this, field, values[name], invalid);
	}
	return values;
}

function convert(field: Np6Field, raw: unknown, invalid: (expected: string) => Error): FieldValue {
	switch (field.type) {
		case 'numeric': {
			const number = typeof raw === 'number' ? raw : Number(String(raw).trim());
			if (!Number.isFinite(number)) throw invalid('a number');
			return number;
		}
		case 'date': {
			const time = raw instanceof Date ? raw.getTime() : Date.parse(String(raw));
			if (Number.isNaN(time)) throw invalid('a date');
			return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
		}
		case 'email':
		case 'phone': {
			const pattern = field.type === 'email' ? ID_PATTERNS.email : ID_PATTERNS.phone;
			const text = String(raw).trim();
			if (typeof raw === 'object' || !pattern.test.test(text)) throw invalid(pattern.expected);
			return text;
		}
		case 'multipleSelectList':
			return (Array.isArray(raw) ? raw : String(raw).split(',')).map((v) => String(v).trim()).filter(Boolean);
		default:
			if (typeof raw === 'object') throw invalid('text');
			return String(raw).trim();
	}
}

/** Value lists are case-insensitive in NP6; the value is sent as the list spells it. */
async function inValueList(
	this: IExecuteFunctions,
	field: Np6Field,
	value: FieldValue,
	invalid: (expected: string) => Error,
): Promise<FieldValue> {
	const list = (await valueLists.call(this)).find((l) => l.id === field.valueListId);
	if (!list) return value;
	const canonical = (v: string) => list.values.find((entry) => entry.value.toLowerCase() === v.toLowerCase())?.value;
	const wanted = Array.isArray(value) ? value : [String(value)];
	const found = wanted.map(canonical);
	if (found.some((v) => v === undefined)) {
		throw unknownToList(invalid(`in the value list "${list.name}" (${list.values.map((v) => v.value).join(', ')})`));
	}
	return Array.isArray(value) ? (found as string[]) : found[0]!;
}

/** NP6 creates with values keyed by field NAME (observed live) ... */
export function keyedByName(values: Record<string, FieldValue>): IDataObject {
	return { ...values };
}

/** ... and, per the older docs (low confidence), updates with values keyed by field ID. */
export function keyedById(values: Record<string, FieldValue>, fields: Np6Field[]): IDataObject {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(values)) {
		const field = fields.find((f) => f.name === name);
		if (field) body[String(field.id)] = value;
	}
	return body;
}
