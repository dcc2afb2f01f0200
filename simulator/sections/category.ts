import { fail, noContent, ok } from '../core/replies';
import type { SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { asObject, pathInteger } from './requestValues';

/** Catalogue section "Category" (older docs; the 8.1.0 pages were not found). The list comes in no promised order (seeded shuffle). */
export function categorySection(state: Np6State): SectionHandlers {
	const categories = state.categories;
	const byPathId = (request: SimRequest) => categories.byId.get(pathInteger(request, 'id') ?? -1);
	const parse = (body: unknown) => {
		const b = asObject(body);
		if (typeof b?.name !== 'string' || !b.name.trim()) return undefined;
		return { name: b.name, description: typeof b.description === 'string' ? b.description : null };
	};

	return {
		'category.list': () => ok(state.answerOrder.shuffle([...categories.byId.values()])),
		'category.get': (request) => {
			const category = byPathId(request);
			return category ? ok(category) : fail(404);
		},
		'category.create': (request) => {
			const body = parse(request.body);
			if (!body) return fail(400);
			const category = categories.create(body.name, body.description);
			return category ? ok(category) : fail(409);
		},
		'category.update': (request) => {
			const category = byPathId(request);
			if (!category) return fail(404);
			const body = parse(request.body);
			if (!body) return fail(400);
			return categories.update(category, body.name, body.description) ? ok(category) : fail(409);
		},
		'category.delete': (request) => (categories.byId.delete(pathInteger(request, 'id') ?? -1) ? noContent() : fail(404)),
	};
}
