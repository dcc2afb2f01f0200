import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { ID_PATTERNS } from './parameters';

/** A picker: a resourceLocator fed by a listSearch method, with a "By ID" fallback. */
export interface PickerSpec {
	searchMethod: string;
	/** What the ID looks like, for the "By ID" mode. */
	idFormat: keyof typeof ID_PATTERNS;
	idPlaceholder: string;
}

/** One parameter of a declared operation, and where its value goes in the request. */
export interface ParameterSpec {
	/** Node parameter name. */
	name: string;
	/** Shown to the user as the parameter's display name. */
	label: string;
	in: 'path' | 'query' | 'body';
	/** Name in the catalogue path/query/body; dotted for nested bodies. Defaults to `name`. */
	key?: string;
	type?: 'string' | 'number' | 'boolean' | 'options' | 'dateTime' | 'json' | 'list';
	/** A `json` value must be this kind of JSON (checked before any request). */
	jsonType?: 'array' | 'object';
	options?: INodePropertyOptions[];
	default?: string | number | boolean;
	/** Optional parameters are gathered under "Additional Fields" (body) or "Filters" (query). */
	optional?: boolean;
	format?: keyof typeof ID_PATTERNS;
	picker?: PickerSpec;
	description?: string;
	placeholder?: string;
	/** Turns the checked value into NP6's shape, e.g. a list of names into [{index, value}]. */
	transform?: (value: unknown) => unknown;
}

const collectionName = (spec: ParameterSpec) => (spec.in === 'query' ? 'filters' : 'additionalFields');

/** The n8n property for one parameter (pickers become resource locators). */
export function toProperty(spec: ParameterSpec): INodeProperties {
	const base = { displayName: spec.label, name: spec.name, description: spec.description, placeholder: spec.placeholder };
	if (spec.picker) {
		const pattern = ID_PATTERNS[spec.picker.idFormat];
		return {
			...base,
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: !spec.optional,
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: spec.picker.searchMethod, searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: spec.picker.idPlaceholder,
					validation: [
						{ type: 'regex', properties: { regex: pattern.test.source, errorMessage: `Must be ${pattern.expected}` } },
					],
				},
			],
		};
	}
	const type = spec.type ?? 'string';
	const defaults: Record<string, string | number | boolean> = { number: 0, boolean: false, json: '{}' };
	return {
		...base,
		type: type === 'list' ? 'string' : type,
		default: spec.default ?? defaults[type] ?? '',
		required: !spec.optional && type !== 'boolean',
		...(spec.options ? { options: spec.options } : {}),
		...(type === 'list' && !spec.description ? { description: 'Comma-separated values, or an array from an expression' } : {}),
	};
}

/** Required parameters stand alone; optional ones are grouped in their collection. */
export function toProperties(specs: ParameterSpec[]): INodeProperties[] {
	const properties = specs.filter((s) => !s.optional).map(toProperty);
	for (const collection of ['filters', 'additionalFields'] as const) {
		const members = specs.filter((s) => s.optional && collectionName(s) === collection);
		if (members.length === 0) continue;
		properties.push({
			displayName: collection === 'filters' ? 'Filters' : 'Additional Fields',
			name: collection,
			type: 'collection',
			placeholder: collection === 'filters' ? 'Add Filter' : 'Add Field',
			default: {},
			options: members.map((m) => ({ ...toProperty(m), required: false })).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		});
	}
	return properties;
}

/**
 * Reads a parameter for one item and converts it to what NP6 takes; refuses bad input before any
 * request, naming the parameter. Returns undefined for an absent optional value.
 */
export function readParameter(this: IExecuteFunctions, spec: ParameterSpec, itemIndex: number): unknown {
	const value = checkedValue.call(this, spec, itemIndex);
	return value === undefined || !spec.transform ? value : spec.transform(value);
}

function checkedValue(this: IExecuteFunctions, spec: ParameterSpec, itemIndex: number): unknown {
	const node = this.getNode();
	const raw: unknown = spec.optional
		? locatorValue((this.getNodeParameter(collectionName(spec), itemIndex, {}) as IDataObject)[spec.name])
		: this.getNodeParameter(spec.name, itemIndex, undefined, { extractValue: true });
	const invalid = (expected: string) =>
		new NodeOperationError(node, `The parameter "${spec.label}" is not valid: ${JSON.stringify(raw)}`, {
			itemIndex,
			description: `"${spec.label}" must be ${expected}.`,
		});
	// A list of nothing (e.g. an expression yielding []) is as empty as no value.
	const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (spec.type === 'list' && toList(raw).length === 0);
	if (empty) {
		if (spec.optional || spec.type === 'boolean') return undefined;
		throw new NodeOperationError(node, `The parameter "${spec.label}" is empty`, {
			itemIndex,
			description: `Give "${spec.label}" a value (or an expression that yields one) for item ${itemIndex + 1}.`,
		});
	}
	switch (spec.type) {
		case 'number': {
			const number = Number(raw);
			if (!Number.isFinite(number)) throw invalid('a number');
			return number;
		}
		case 'boolean':
			return raw === true || raw === 'true';
		case 'dateTime': {
			const time = Date.parse(String(raw));
			if (Number.isNaN(time)) throw invalid('a date');
			return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
		}
		case 'json': {
			let parsed: unknown = raw;
			if (typeof raw !== 'object') {
				try {
					parsed = JSON.parse(String(raw));
				} catch {
					throw invalid('valid JSON');
				}
			}
			if (spec.jsonType && jsonTypeOf(parsed) !== spec.jsonType) throw invalid(`a JSON ${spec.jsonType}${spec.placeholder ? `, such as ${spec.placeholder}` : ''}`);
			return parsed;
		}
		case 'list':
			return toList(raw);
		case 'options':
			// An expression can yield anything; only the listed values may reach NP6 (some go into the path).
			if (spec.options && !spec.options.some((option) => option.value === raw)) {
				throw invalid(`one of ${spec.options.map((option) => JSON.stringify(option.value)).join(', ')}`);
			}
			return raw;
		default: {
			const value = String(raw).trim();
			const format = spec.format ?? spec.picker?.idFormat;
			if (format && !ID_PATTERNS[format].test.test(value)) throw invalid(ID_PATTERNS[format].expected);
			return format === 'integer' ? Number(value) : value;
		}
	}
}

function jsonTypeOf(value: unknown): 'object' | 'array' | 'other' {
	if (Array.isArray(value)) return 'array';
	return value !== null && typeof value === 'object' ? 'object' : 'other';
}

/** A picker inside a collection keeps its {mode, value} object: its value is what counts. */
function locatorValue(raw: unknown): unknown {
	return raw && typeof raw === 'object' && !Array.isArray(raw) && 'mode' in raw ? (raw as { value?: unknown }).value : raw;
}

/** "a, b" or ["a","b"] or a single value → ["a","b"] */
export function toList(raw: unknown): string[] {
	const values = Array.isArray(raw) ? raw : String(raw).split(/[\n,;]/);
	return values.map((v) => String(v).trim()).filter(Boolean);
}

/** Sets `value` at a dotted path: setPath(body, "constraint.operator", 4). */
export function setPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as IDataObject;
	node[keys[keys.length - 1]] = value as IDataObject[string];
}
