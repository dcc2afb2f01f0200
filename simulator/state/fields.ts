import { Sequence } from './ids';

export const FIELD_TYPES = [
	'singleSelectList',
	'multipleSelectList',
	'email',
	'phone',
	'textArea',
	'numeric',
	'textField',
	'date',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export interface Field {
	type: FieldType;
	id: number;
	name: string;
	isUnicity: boolean;
	isMandatory: boolean;
	isCriterion: boolean;
	constraint?: { operator: number; value: string };
	valueListId?: number;
}

export interface ValueListEntry {
	index: number;
	value: string;
}

export interface ValueList {
	id: number;
	name: string;
	/** Shown in alphabetical order rather than creation order. */
	ordered: boolean;
	values: ValueListEntry[];
}

/** A value as a client sends it: the index (the value's id) is optional. */
export type ValueListInput = string | { index?: number; value: string };

/** Gives values sent without an index the next free one, counting from 1. */
export function withIndexes(values: ValueListInput[]): ValueListEntry[] {
	let next = Math.max(0, ...values.map((v) => (typeof v === 'string' ? 0 : (v.index ?? 0)))) + 1;
	return values.map((v) =>
		typeof v === 'string' ? { index: next++, value: v } : { index: v.index ?? next++, value: v.value },
	);
}

/** NP6 value list values are not case-sensitive. */
export const sameListValue = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export class FieldStore {
	readonly fields = new Map<number, Field>();
	readonly valueLists = new Map<number, ValueList>();
	private readonly fieldIds = new Sequence(728);
	private readonly valueListIds = new Sequence(31);

	addField(field: Omit<Field, 'id' | 'isCriterion'> & { isCriterion?: boolean }): Field {
		const created: Field = { id: this.fieldIds.take(), isCriterion: false, ...field };
		this.fields.set(created.id, created);
		return created;
	}

	addValueList(name: string, values: ValueListInput[], ordered = false): ValueList {
		const list: ValueList = { id: this.valueListIds.take(), name, ordered, values: withIndexes(values) };
		this.valueLists.set(list.id, list);
		return list;
	}

	byName(name: string): Field | undefined {
		return [...this.fields.values()].find((f) => f.name === name);
	}

	valueListByName(name: string): ValueList | undefined {
		return [...this.valueLists.values()].find((l) => l.name === name);
	}

	unicityFields(): Field[] {
		return [...this.fields.values()].filter((f) => f.isUnicity);
	}

	/** Whether a value is acceptable for a field; NP6 answers a misleading 404 when it is not. */
	accepts(field: Field, value: unknown): boolean {
		if (value === null || value === '') return !field.isMandatory;
		const text = Array.isArray(value) ? undefined : String(value);
		switch (field.type) {
			case 'numeric':
				return text !== undefined && text.trim() !== '' && Number.isFinite(Number(text));
			case 'date':
				return text !== undefined && !Number.isNaN(Date.parse(text));
			case 'email':
				return text !== undefined && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text);
			case 'singleSelectList':
				return text !== undefined && this.inValueList(field, [text]);
			case 'multipleSelectList':
				return this.inValueList(field, (Array.isArray(value) ? value : [value]).map(String));
			default:
				return text !== undefined;
		}
	}

	/** A value list entry matches by its value (case-insensitively, as NP6 documents) or by its index. */
	private inValueList(field: Field, values: string[]): boolean {
		const list = field.valueListId === undefined ? undefined : this.valueLists.get(field.valueListId);
		if (!list) return false;
		return values.every((v) =>
			list.values.some((entry) => sameListValue(entry.value, v) || String(entry.index) === v),
		);
	}
}
