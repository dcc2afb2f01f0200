/**
 * A small description of a JSON document, as the catalogue lists a body's fields (`nodes.type`,
 * `capping.period.unit`...), and the check a simulated NP6 runs before accepting it (400 otherwise).
 * Every field is optional (the catalogue marks none required); fields it does not name are allowed.
 */
export type Shape =
	| 'string'
	| 'integer'
	| 'boolean'
	/** Any JSON object. */
	| 'object'
	| { enum: readonly unknown[] }
	| { array: Shape }
	| { fields: Record<string, Shape> }
	| { nullable: Shape };

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether the value has the shape; an absent field (undefined) of an object always fits. */
export function fits(value: unknown, shape: Shape): boolean {
	if (shape === 'string') return typeof value === 'string';
	if (shape === 'integer') return Number.isSafeInteger(value);
	if (shape === 'boolean') return typeof value === 'boolean';
	if (shape === 'object') return isObject(value);
	if ('enum' in shape) return shape.enum.includes(value);
	if ('array' in shape) return Array.isArray(value) && value.every((entry) => fits(entry, shape.array));
	if ('nullable' in shape) return value === null || fits(value, shape.nullable);
	return isObject(value) && Object.entries(shape.fields).every(([name, field]) => value[name] === undefined || fits(value[name], field));
}
