/**
 * The small part of JSON Schema that n8n's output schemas use (`type`, `properties`, `items`):
 * learnt from sample values, and checked against values.
 */
export type JsonType = 'array' | 'boolean' | 'null' | 'number' | 'object' | 'string';

export interface JsonSchema {
	type: JsonType | JsonType[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

export function typeOf(value: unknown): JsonType {
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return 'array';
	const type = typeof value;
	if (type === 'boolean' || type === 'number' || type === 'string') return type;
	return 'object';
}

const typesOf = (schema: JsonSchema): JsonType[] => ([] as JsonType[]).concat(schema.type);

/** The schema of one value. */
export function schemaOf(value: unknown): JsonSchema {
	const type = typeOf(value);
	if (type === 'array') {
		const items = (value as unknown[]).map(schemaOf);
		return items.length ? { type, items: items.reduce(mergeSchemas) } : { type };
	}
	if (type === 'object') {
		const properties = Object.fromEntries(Object.entries(value as object).map(([key, entry]) => [key, schemaOf(entry)]));
		return { type, properties };
	}
	return { type };
}

/** A schema that every value of `a` and of `b` fits; keys sorted so that a regenerated file only changes where outputs did. */
export function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
	const types = [...new Set([...typesOf(a), ...typesOf(b)])].sort();
	const merged: JsonSchema = { type: types.length === 1 ? types[0] : types };
	if (a.properties || b.properties) {
		const keys = [...new Set([...Object.keys(a.properties ?? {}), ...Object.keys(b.properties ?? {})])].sort();
		merged.properties = Object.fromEntries(
			keys.map((key) => {
				const left = a.properties?.[key];
				const right = b.properties?.[key];
				return [key, left && right ? mergeSchemas(left, right) : (left ?? right)!];
			}),
		);
	}
	if (a.items || b.items) merged.items = a.items && b.items ? mergeSchemas(a.items, b.items) : (a.items ?? b.items);
	return merged;
}

/**
 * Where `value` departs from `schema`: a type the schema does not allow, or a top-level key it does
 * not declare (nested objects may carry more keys, e.g. a contact's fields on another account).
 */
export function departures(schema: JsonSchema, value: unknown, path = '$', topLevel = true): string[] {
	const type = typeOf(value);
	const allowed = typesOf(schema);
	if (!allowed.includes(type)) return [`${path} is ${type}, the schema says ${allowed.join(' or ')}`];
	if (type === 'array' && schema.items) {
		return (value as unknown[]).flatMap((entry, i) => departures(schema.items!, entry, `${path}[${i}]`, false));
	}
	if (type !== 'object' || !schema.properties) return [];
	return Object.entries(value as object).flatMap(([key, entry]) => {
		const declared = schema.properties![key];
		if (declared) return departures(declared, entry, `${path}.${key}`, false);
		return topLevel ? [`${path}.${key} is not in the schema`] : [];
	});
}
