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

export interface ValueList {
	id: number;
	name: string;
	values: Array<{ index: number; value: string }>;
}

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

	addValueList(name: string, values: string[]): ValueList {
		const list: ValueList = {
			id: this.valueListIds.take(),
			name,
			values: values.map((value, index) => ({ index, value })),
		};
		this.valueLists.set(list.id, list);
		return list;
	}

	byName(name: string): Field | undefined {
		return [...this.fields.values()].find((f) => f.name === name);
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

	private inValueList(field: Field, values: string[]): boolean {
		const list = field.valueListId === undefined ? undefined : this.valueLists.get(field.valueListId);
		if (!list) return false;
		return values.every((v) => list.values.some((entry) => entry.value === v || String(entry.index) === v));
	}
}
