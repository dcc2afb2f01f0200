import { np6ApiRequest, type Np6Context } from '../transport/request';

export interface Np6Field {
	id: number;
	name: string;
	type: string;
	isUnicity?: boolean;
	isMandatory?: boolean;
	valueListId?: number;
}

export interface Np6ValueList {
	id: number;
	name: string;
	values: Array<{ index: number; value: string }>;
}

const perRun = new WeakMap<object, Map<string, Promise<unknown>>>();

/** One GET per node run for lists every item needs (fields, value lists). */
function oncePerRun<T>(context: Np6Context, path: string): Promise<T[]> {
	const cache = perRun.get(context) ?? new Map<string, Promise<unknown>>();
	perRun.set(context, cache);
	let list = cache.get(path) as Promise<T[]> | undefined;
	if (!list) {
		list = np6ApiRequest.call(context, { method: 'GET', path }).then(({ body }) => (Array.isArray(body) ? (body as T[]) : []));
		cache.set(path, list);
		list.catch(() => cache.delete(path));
	}
	return list;
}

/** The account's contact fields (GET /fields), fetched once per node run. */
export function contactFields(this: Np6Context): Promise<Np6Field[]> {
	return oncePerRun<Np6Field>(this, '/fields');
}

/** The account's value lists (GET /valueLists), fetched once per node run. */
export function valueLists(this: Np6Context): Promise<Np6ValueList[]> {
	return oncePerRun<Np6ValueList>(this, '/valueLists');
}

export function unicityFields(fields: Np6Field[]): Np6Field[] {
	return fields.filter((f) => f.isUnicity);
}

export const isListField = (field: Np6Field) => field.type === 'singleSelectList' || field.type === 'multipleSelectList';
