import { fail, noContent, ok } from '../core/replies';
import type { SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { FIELD_TYPES, type Field, type FieldType } from '../state/fields';

/** Catalogue section "Field" (docSlug field, deprecated but still needed). */
export function fieldSection(state: Np6State): SectionHandlers {
	const store = state.fields;
	const byPathId = (request: SimRequest) => store.fields.get(Number(request.params.id));

	return {
		'field.list': () => ok([...store.fields.values()]),

		'field.get': (request) => {
			const field = byPathId(request);
			return field ? ok(field) : fail(404);
		},

		'field.create': (request) => {
			const body = parseField(request.body);
			if (!body) return fail(400);
			if (store.byName(body.name)) return fail(409);
			return ok(store.addField(body));
		},

		'field.update': (request) => {
			const field = byPathId(request);
			if (!field) return fail(404);
			const body = parseField(request.body);
			if (!body) return fail(400);
			const sameName = store.byName(body.name);
			if (sameName && sameName.id !== field.id) return fail(409);
			Object.assign(field, body, { id: field.id });
			return ok(field);
		},

		'field.delete': (request) => {
			const field = byPathId(request);
			if (!field) return fail(404);
			store.fields.delete(field.id);
			return noContent();
		},
	};
}

function parseField(body: unknown): Omit<Field, 'id' | 'isCriterion'> & { isCriterion?: boolean } | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const b = body as Record<string, unknown>;
	if (typeof b.name !== 'string' || !b.name.trim()) return undefined;
	if (!FIELD_TYPES.includes(b.type as FieldType)) return undefined;
	const isList = b.type === 'singleSelectList' || b.type === 'multipleSelectList';
	if (isList && typeof b.valueListId !== 'number') return undefined;
	return {
		type: b.type as FieldType,
		name: b.name,
		isUnicity: b.isUnicity === true,
		isMandatory: b.isMandatory === true,
		isCriterion: b.isCriterion === true,
		...(b.constraint && typeof b.constraint === 'object' ? { constraint: b.constraint as Field['constraint'] } : {}),
		...(isList ? { valueListId: b.valueListId as number } : {}),
	};
}
