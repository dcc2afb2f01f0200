import { fail, noContent, ok } from '../core/replies';
import type { SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { ContactStore, type ContactWrite } from '../state/contacts';

const EXPERIMENTAL = 'application/vnd.np6.experimental+json';

/** Catalogue section "Contact" (docSlug contactmanagement): the /targets endpoints. */
export function contactSection(state: Np6State): SectionHandlers {
	const contacts = state.contacts;
	const written = (result: ContactWrite) =>
		result.ok ? ok(ContactStore.view(result.contact)) : fail(result.status);

	return {
		// Live-observed write shape: flat, keyed by field NAME. A `fields` wrapper cannot be identified.
		'target.create': (request) => {
			const body = flatObject(request.body);
			if (!body || 'fields' in body) return fail(400);
			const values = keyByFieldId(state, body, 'name');
			return values ? written(contacts.create(values)) : fail(400);
		},

		'target.get': (request) => {
			const contact = contacts.find({ id: request.params.id });
			return contact ? ok(ContactStore.view(contact)) : fail(404);
		},

		// GET /targets?unicity= | ?hash= answers one contact; without either, older docs list them all.
		'target.search': (request) => {
			const unicity = firstValues(request, 'unicity');
			const hash = firstValue(request, 'hash');
			if (unicity === undefined && hash === undefined) {
				return ok([...contacts.byId.values()].map(ContactStore.view), EXPERIMENTAL);
			}
			const contact = contacts.find({ unicity: unicity?.join('|'), hash });
			return contact ? ok(ContactStore.view(contact), EXPERIMENTAL) : fail(404);
		},

		// Older docs (low confidence): flat body keyed by field ID.
		'target.update': (request) => {
			const body = flatObject(request.body);
			if (!body) return fail(400);
			const values = keyByFieldId(state, body, 'id');
			return values ? written(contacts.update(request.params.id, values)) : fail(400);
		},

		'target.delete': (request) => (contacts.delete(request.params.id) ? noContent() : fail(404)),

		'target.count': () => ok(contacts.byId.size),
	};
}

function flatObject(body: unknown): Record<string, unknown> | undefined {
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

/** Converts a flat body keyed by field name (or id) to values keyed by field id; undefined if a key is unknown. */
function keyByFieldId(
	state: Np6State,
	body: Record<string, unknown>,
	keyedBy: 'name' | 'id',
): Record<string, unknown> | undefined {
	const values: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(body)) {
		const field = keyedBy === 'name' ? state.fields.byName(key) : state.fields.fields.get(Number(key));
		if (!field) return undefined;
		values[String(field.id)] = value;
	}
	return values;
}

function firstValues(request: SimRequest, name: string): string[] | undefined {
	const value = request.query[name];
	return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}

function firstValue(request: SimRequest, name: string): string | undefined {
	return firstValues(request, name)?.[0];
}
