import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import type { Np6Field } from './fields';

export type FieldValue = string | number | string[];

/**
 * Converts mapped values (keyed by field name) to what NP6 stores for each field's type, and refuses
 * unknown fields and unconvertible values before anything is sent.
 */
export function toFieldValues(
	node: INode,
	itemIndex: number,
	mapped: IDataObject,
	fields: Np6Field[],
): Record<string, FieldValue> {
	const values: Record<string, FieldValue> = {};
	for (const [name, raw] of Object.entries(mapped)) {
		if (raw === undefined || raw === null || raw === '') continue;
		const field = fields.find((f) => f.name === name);
		if (!field) {
			throw new NodeOperationError(node, `The field "${name}" does not exist in this NP6 account`, {
				itemIndex,
				description: `Known fields: ${fields.map((f) => f.name).join(', ')}. Refresh the field list of the "Fields" parameter.`,
			});
		}
		values[name] = convert(node, itemIndex, field, raw);
	}
	return values;
}

function convert(node: INode, itemIndex: number, field: Np6Field, raw: unknown): FieldValue {
	const invalid = (expected: string) =>
		new NodeOperationError(node, `The value of field "${field.name}" is not ${expected}: ${JSON.stringify(raw)}`, {
			itemIndex,
			description: `"${field.name}" is a ${field.type} field in NP6. NP6 would refuse the value (with a misleading 404).`,
		});
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
		case 'multipleSelectList':
			return (Array.isArray(raw) ? raw : String(raw).split(',')).map((v) => String(v).trim()).filter(Boolean);
		default:
			if (typeof raw === 'object') throw invalid('text');
			return String(raw).trim();
	}
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
