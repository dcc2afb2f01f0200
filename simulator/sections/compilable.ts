import { fail, ok } from '../core/replies';
import type { SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { CompilableStore, type CompilableDocument } from '../state/compilables';
import { fits, type Shape } from '../state/jsonShape';
import { asObject } from './requestValues';

/** A compilable as the catalogue lists its fields (id and stamp are the server's). */
const COMPILABLE: Shape = {
	fields: {
		id: 'string',
		name: 'string',
		description: 'string',
		state: 'string',
		stamp: 'object',
		value: {
			fields: { type: 'string', source: 'object', cursors: { array: 'object' }, parameters: { array: 'object' }, preview: 'object' },
		},
	},
};

const isCompilable = (value: unknown): value is CompilableDocument => fits(value, COMPILABLE);

/**
 * Catalogue section "Compilable" (docSlug scriptingcompilable): create, flaws, duplication, execution
 * and preview; NP6 documents no list, get, update or delete.
 *
 * SIMULATOR CHOICES (not documented): a compilable needs a `name`; flaws are derived from the
 * definition (see `CompilableStore.flaws`) and listed in no promised order; NP6 transforms data the
 * simulator does not hold, so an execution answers the catalogue's example shape `{type: "success",
 * arguments, value: {}}` with the arguments given, and a preview the same with the definition's
 * `value.preview` arguments.
 */
export function compilableSection(state: Np6State): SectionHandlers {
	const { compilables } = state;
	// The router has already answered 404 for an id that is not a uuid.
	const byPathId = (request: SimRequest) => compilables.byId.get(request.params.id.toLowerCase());

	return {
		'compilable.create': (request) => {
			const document = request.body;
			if (!isCompilable(document) || typeof document.name !== 'string' || document.name.trim() === '') return fail(400);
			return ok(compilables.create(document));
		},

		'compilable.getFlaws': (request) => {
			const compilable = byPathId(request);
			return compilable ? ok(state.answerOrder.shuffle(CompilableStore.flaws(compilable))) : fail(404);
		},

		'compilable.duplicate': (request) => {
			const compilable = byPathId(request);
			return compilable ? ok(compilables.duplicate(compilable)) : fail(404);
		},

		'compilable.execute': (request) => {
			if (!byPathId(request)) return fail(404);
			const args = asObject(request.body);
			return args ? ok({ type: 'success', arguments: args, value: {} }) : fail(400);
		},

		'compilable.preview': (request) => {
			if (!byPathId(request)) return fail(404);
			const definition = asObject(request.body)?.value;
			if (!isCompilable(definition)) return fail(400);
			return ok({ type: 'success', arguments: definition.value?.preview ?? {}, value: {} });
		},
	};
}
