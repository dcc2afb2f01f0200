import { fail, ok } from '../core/replies';
import type { SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { sameListValue, withIndexes, type ValueList, type ValueListInput } from '../state/fields';
import { asObject, pathInteger } from './requestValues';

/** Catalogue section "Enumeration" (docSlug enumeration, deprecated): the value lists of select fields. */
export function valueListSection(state: Np6State): SectionHandlers {
	const store = state.fields;
	const byPathId = (request: SimRequest) => {
		const id = pathInteger(request, 'id');
		return id === undefined ? undefined : store.valueLists.get(id);
	};
	const nameTaken = (name: string | undefined, except?: ValueList) => {
		const sameName = name === undefined ? undefined : store.valueListByName(name);
		return sameName !== undefined && sameName !== except;
	};

	return {
		'valueList.list': () => ok([...store.valueLists.values()].map(view)),

		'valueList.get': (request) => {
			const list = byPathId(request);
			return list ? ok(view(list)) : fail(404);
		},

		'valueList.create': (request) => {
			const body = parseValueList(request.body);
			if (!body?.name) return fail(400);
			if (nameTaken(body.name)) return fail(409);
			return ok(view(store.addValueList(body.name, body.values ?? [], body.ordered)));
		},

		// A partial update; values, when sent, replace the list's values.
		'valueList.update': (request) => {
			const list = byPathId(request);
			if (!list) return fail(404);
			const body = parseValueList(request.body);
			if (!body) return fail(400);
			if (nameTaken(body.name, list)) return fail(409);
			const { values, ...rest } = body;
			Object.assign(list, rest, values ? { values: withIndexes(values) } : {});
			return ok(view(list));
		},
	};
}

/** Values are listed in creation order, or alphabetically when the list is `ordered`. */
function view(list: ValueList): ValueList {
	const values = list.ordered ? [...list.values].sort((a, b) => a.value.localeCompare(b.value)) : list.values;
	return { ...list, values: values.map((v) => ({ ...v })) };
}

interface ValueListBody {
	name?: string;
	ordered?: boolean;
	values?: ValueListInput[];
}

/**
 * `{name?, ordered?, values?: [{index?, value}]}`; undefined when malformed, including two values that
 * only differ by case (NP6 values are case-insensitive) or two values with the same index.
 */
function parseValueList(value: unknown): ValueListBody | undefined {
	const body = asObject(value);
	if (!body) return undefined;
	const { name, ordered, values } = body;
	if (name !== undefined && (typeof name !== 'string' || !name.trim())) return undefined;
	if (ordered !== undefined && ordered !== null && typeof ordered !== 'boolean') return undefined;
	const parsed: ValueListBody = {
		...(name !== undefined ? { name } : {}),
		...(typeof ordered === 'boolean' ? { ordered } : {}),
	};
	if (values === undefined) return parsed;
	if (!Array.isArray(values)) return undefined;
	const inputs: Array<{ index?: number; value: string }> = [];
	for (const item of values) {
		const entry = asObject(item);
		if (!entry || typeof entry.value !== 'string' || !entry.value.trim()) return undefined;
		const { index } = entry;
		if (index === undefined || index === null) inputs.push({ value: entry.value });
		else if (typeof index === 'number' && Number.isInteger(index) && index > 0) inputs.push({ index, value: entry.value });
		else return undefined;
	}
	const indexes = inputs.flatMap((v) => (v.index === undefined ? [] : [v.index]));
	const duplicateValue = inputs.some((v, i) => inputs.findIndex((w) => sameListValue(v.value, w.value)) !== i);
	if (duplicateValue || new Set(indexes).size !== indexes.length) return undefined;
	return { ...parsed, values: inputs };
}
