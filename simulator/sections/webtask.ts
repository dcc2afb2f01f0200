import { fail, ok } from '../core/replies';
import type { SectionHandlers } from '../core/types';
import type { Np6State } from '../state';
import { fits, type Shape } from '../state/jsonShape';
import { asObject, pathInteger } from './requestValues';

/** The fields of the catalogue's PATCH sample; `scripting`'s lists may be null, as in the sample. */
const WEBTASK_CHANGES: Shape = {
	fields: {
		id: 'integer',
		name: 'string',
		description: 'string',
		creationDate: 'string',
		scripting: {
			fields: {
				version: 'string',
				environment: 'object',
				imports: { nullable: { array: 'object' } },
				initializers: { nullable: { array: 'object' } },
				filters: { nullable: { array: 'object' } },
			},
		},
		settings: 'object',
		value: 'string',
	},
};

/**
 * Catalogue section "Webtask" (docSlug scriptingwebtask): only PATCH /scripting/webtasks/{id} is known.
 *
 * SIMULATOR CHOICE: the body is a (partial) webtask object, as the catalogue's curl sample sends; the
 * schema panel's "Array [ object ]" is not modelled, so an array is refused with 400, as is a body of
 * the wrong field types. The answer is the updated webtask.
 */
export function webtaskSection(state: Np6State): SectionHandlers {
	return {
		'webtask.patch': (request) => {
			const id = pathInteger(request, 'id');
			const webtask = id === undefined ? undefined : state.webtasks.byId.get(id);
			if (!webtask) return fail(404);
			const changes = asObject(request.body);
			if (!changes || !fits(changes, WEBTASK_CHANGES)) return fail(400);
			return ok(state.webtasks.patch(webtask, changes));
		},
	};
}
