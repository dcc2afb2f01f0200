import { fail, noContent, ok } from '../core/replies';
import type { Handler, SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { ContactStore, joinUnicity, splitUnicity, type Contact, type ContactWrite, type RedlistEntry, type RedlistMedium } from '../state/contacts';
import { parseDate } from '../state/dates';
import { accepts, asInteger, asObject, pathInteger, queryUnicity, queryValue, queryWindow } from './requestValues';

const EXPERIMENTAL = 'application/vnd.np6.experimental+json';

/** Catalogue section "Contact" (docSlug contactmanagement): the /targets endpoints. */
export function contactSection(state: Np6State): SectionHandlers {
	const { contacts, segments } = state;
	const written = (result: ContactWrite) =>
		result.ok ? ok(ContactStore.view(result.contact)) : fail(result.status);

	const redlist =
		(medium: RedlistMedium): Handler =>
		(request) => {
			if (!contacts.find({ id: request.params.id })) return fail(404);
			const entry = redlistEntry(request.body ?? {});
			if (!entry) return fail(400);
			contacts.redlist(request.params.id, medium, entry);
			return noContent();
		};

	// 8.1.0 documents "No Content", the older docs an array: nothing to list is either a 204 or [].
	const listRedlisted =
		(medium: RedlistMedium): Handler =>
		(request) => {
			const window = queryWindow(request, 'startDate', 'endDate');
			if (!window) return fail(400);
			const entries = contacts.redlisted(medium, window);
			return entries.length > 0 ? ok(entries) : state.answerShape.either(noContent(), ok([]));
		};

	/** The contact and the segment a /targets/{targetId}/segments/{segmentId} path names. */
	const membership = (request: SimRequest) => ({
		contact: contacts.find({ id: request.params.targetId }),
		segment: segments.get(pathInteger(request, 'segmentId')),
	});

	return {
		// Live-observed write shape: flat, keyed by field NAME. A `fields` wrapper cannot be identified.
		'target.create': (request) => {
			const body = asObject(request.body);
			if (!body || 'fields' in body) return fail(400);
			const values = keyByFieldId(state, body, 'name');
			return values ? written(contacts.create(values)) : fail(400);
		},

		// Older docs: flat body keyed by field ID; the contact named by ?unicity= is updated, or created
		// with that unicity.
		'target.upsertByUnicity': (request) => {
			const unicity = queryUnicity(request);
			const body = asObject(request.body);
			const values = body && keyByFieldId(state, body, 'id');
			if (unicity === undefined || !values) return fail(400);
			const existing = contacts.find({ unicity });
			if (existing) return written(contacts.update(existing.id, values));
			const unicityValues = contacts.valuesOfUnicity(unicity);
			return unicityValues ? written(contacts.create({ ...unicityValues, ...values })) : fail(400);
		},

		'target.get': (request) => {
			const contact = contacts.find({ id: request.params.id });
			return contact ? ok(ContactStore.view(contact)) : fail(404);
		},

		// GET /targets?unicity= | ?hash= answers one contact, as an object or a one-entry array (the catalogue
		// tells clients to read both); without either key, older docs list them all.
		'target.search': (request) => {
			const unicity = queryUnicity(request);
			const hash = queryValue(request, 'hash');
			if (unicity === undefined && hash === undefined) {
				return ok([...contacts.byId.values()].map(ContactStore.view), EXPERIMENTAL);
			}
			const contact = contacts.find({ unicity, hash });
			return contact ? ok(state.answerShape.objectOrArray(ContactStore.view(contact)), EXPERIMENTAL) : fail(404);
		},

		// Older docs (low confidence): flat body keyed by field ID.
		'target.update': (request) => {
			const body = asObject(request.body);
			if (!body) return fail(400);
			const values = keyByFieldId(state, body, 'id');
			return values ? written(contacts.update(request.params.id, values)) : fail(400);
		},

		'target.delete': (request) => (contacts.delete(request.params.id) ? noContent() : fail(404)),

		// 8.1.0 answers 204; the older docs, asked with Accept: application/vnd.np6.cm.v1, list what was deleted.
		'target.deleteBulk': (request) => {
			const targets = bulkTargets(state, request.body);
			if (!targets) return fail(400);
			if (targets.length === 0) return fail(404);
			targets.forEach((contact) => contacts.delete(contact.id));
			const listed = accepts(request, 'application/vnd.np6.cm.v1') || accepts(request, 'application/vnd.np6.cm.v1+json');
			return listed ? ok(targets.map((c) => ({ id: c.id, unicity: splitUnicity(c.unicity) }))) : noContent();
		},

		'target.count': () => ok({ targetsCount: contacts.byId.size }),

		'target.redlistMail': redlist('mail'),
		'target.redlistSms': redlist('sms'),
		'target.listRedlistedMail': listRedlisted('mail'),
		'target.listRedlistedSms': listRedlisted('sms'),

		'target.addToSegment': (request) => {
			const { contact, segment } = membership(request);
			if (!contact || !segment) return fail(404);
			if (segment.type === 'dynamic') return fail(409);
			return segments.add(segment, contact.id) ? noContent() : fail(409);
		},

		// Removing a contact that is not a member answers 404, like an unknown contact.
		'target.removeFromSegment': (request) => {
			const { contact, segment } = membership(request);
			if (!contact || !segment) return fail(404);
			if (segment.type === 'dynamic') return fail(409);
			return segments.remove(segment, contact.id) ? noContent() : fail(404);
		},

		'target.listSegments': (request) => {
			const contact = contacts.find({ id: request.params.id });
			if (!contact) return fail(404);
			return ok(segments.segmentsOf(contact.id).map((s) => segments.view(s, { withDescription: false })));
		},
	};
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

/** Redlisting body `{timestamp?, origin?, detail?}`; undefined when malformed. Origin defaults to 1, "Listed by API". */
function redlistEntry(value: unknown): RedlistEntry | undefined {
	const body = asObject(value);
	if (!body) return undefined;
	const timestamp = body.timestamp === undefined || body.timestamp === null ? new Date() : parseDate(body.timestamp);
	const origin = body.origin ?? 1;
	const detail = asObject(body.detail ?? {});
	const knownOrigin = typeof origin === 'number' && Number.isInteger(origin) && origin >= 0 && origin <= 9;
	if (!timestamp || !knownOrigin || !detail) return undefined;
	return { timestamp: timestamp.toISOString(), origin, detail };
}

/**
 * The contacts a bulk delete names: `{type:"id", value:[ids]}`, `{type:"unicity", value:[[criteria...] | "unicity"]}`
 * or `{type:"segment", value:<segment id>}`. Unknown ones are left out; undefined when the body is malformed.
 */
function bulkTargets(state: Np6State, value: unknown): Contact[] | undefined {
	const body = asObject(value);
	const { contacts, segments } = state;
	if (body?.type === 'segment') {
		const id = asInteger(body.value);
		if (id === undefined) return undefined;
		const segment = segments.get(id);
		return segment ? segments.memberIds(segment).map((memberId) => contacts.byId.get(memberId)!) : [];
	}
	if (!Array.isArray(body?.value) || body.value.length === 0) return undefined;
	let found: Array<Contact | undefined>;
	if (body.type === 'id' && body.value.every((v) => typeof v === 'string')) {
		found = body.value.map((id: string) => contacts.find({ id }));
	} else if (body.type === 'unicity' && body.value.every(isUnicityValue)) {
		found = body.value.map((v: string | string[]) => contacts.find({ unicity: Array.isArray(v) ? joinUnicity(v) : v }));
	} else {
		return undefined;
	}
	return [...new Set(found.filter((c): c is Contact => c !== undefined))];
}

const isUnicityValue = (v: unknown) =>
	typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((p) => typeof p === 'string'));
