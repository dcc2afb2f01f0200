import { fail, noContent, ok } from '../core/replies';
import type { Handler, SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { ACTION_TYPES, isMessageKind, type Action, type ActionDocument, type ActionType } from '../state/actions';
import { inWindow } from '../state/dates';
import { bounceVerdictOf, eventSubject, hitKindOf, type Np6Event } from '../state/events';
import { asInteger, asObject, queryValue, queryWindow } from './requestValues';

/**
 * Catalogue section "Email & SMS" (docSlug actionmanagement), management half: the actions, their
 * validation state machine (see `ActionStore`), listing, statistics-like exports. Sends and renders
 * are in `actionSending.ts`.
 *
 * A deleted action answers 404 to reads and updates, and 410 ("action gone", older docs) to the calls
 * whose catalogue entry lists 410 (validation, unvalidation, duplication) and to sends.
 */
export function actionSection(state: Np6State): SectionHandlers {
	const { actions, deliveries, events, segments } = state;
	const byPathId = (request: SimRequest) => actions.byId.get(request.params.id);
	const goneOrMissing = (request: SimRequest) => fail(actions.wasDeleted(request.params.id) ? 410 : 404);

	/** The three exports the 8.1.0 reference documents answer 204: the file is delivered out of band. */
	const outOfBandExport: Handler = (request) => (byPathId(request) ? noContent() : fail(404));

	/**
	 * SIMULATOR CHOICE for the undocumented feedback exports: one row per feedback event of the action,
	 * oldest first: `{target, messageId, date}` (bounces add `verdict`).
	 */
	const feedbackExport =
		(type: 'bounce' | 'complaint' | 'hit', keep: (event: Np6Event) => boolean = () => true): Handler =>
		(request) => {
			const action = byPathId(request);
			if (!action) return fail(404);
			const rows = events
				.query({ actionId: action.id, types: [type] })
				.filter(keep)
				.map((event) => {
					const { contactId, messageId } = eventSubject(event);
					const row = { target: contactId, messageId, date: new Date(event.timestamp).toISOString() };
					return type === 'bounce' ? { ...row, verdict: bounceVerdictOf(event) } : row;
				});
			return ok(rows);
		};

	/** The older docs' list shape: a summary, with `monitor.lastSent.at` once something was sent. */
	const summary = (action: Action) => {
		const { type, id, name, creationDate, informations, settings, scheduler } = action;
		const last = deliveries.forAction(id).at(-1);
		return {
			type,
			id,
			name,
			creationDate,
			informations: { ...informations },
			...(settings?.templating ? { settings: { templating: settings.templating } } : {}),
			...(scheduler ? { scheduler } : {}),
			...(last ? { monitor: { lastSent: { at: new Date(last.at).toISOString() } } } : {}),
		};
	};

	return {
		'action.create': (request) => {
			const document = parseAction(state, request.body);
			return typeof document === 'number' ? fail(document) : ok(actions.create(document));
		},

		'action.get': (request) => {
			const action = byPathId(request);
			return action ? ok(action) : fail(404);
		},

		// Full replacement; the type of an action cannot change.
		'action.update': (request) => {
			const action = byPathId(request);
			if (!action) return fail(404);
			const document = parseAction(state, request.body);
			if (typeof document === 'number') return fail(document);
			if (document.type !== action.type) return fail(400);
			return ok(actions.replace(action, document));
		},

		'action.delete': (request) => (actions.delete(request.params.id) ? noContent() : fail(404)),

		// `type` (meaning undocumented) is checked but has no effect; `folder` files the copy.
		'action.duplicate': (request) => {
			const action = byPathId(request);
			if (!action) return goneOrMissing(request);
			const [type, folder] = ['type', 'folder'].map((name) => queryValue(request, name));
			if ((type !== undefined && asInteger(type) === undefined) || (folder !== undefined && asInteger(folder) === undefined)) {
				return fail(400);
			}
			return ok(actions.duplicate(action, asInteger(folder)));
		},

		'action.list': (request) => {
			const window = queryWindow(request, 'creation_start', 'creation_end');
			if (!window) return fail(400);
			const listed = [...actions.byId.values()].filter((a) => inWindow(Date.parse(a.creationDate), window));
			return ok(listed.map(summary));
		},

		/**
		 * Phase 1 `{fortest: true, testSegments}` runs the test send (30, then 38); phase 2 `{fortest: false}`
		 * validates for production (38 -> 50). Both answer 204. SIMULATOR CHOICE: phase 1 needs a test
		 * audience, `testSegments` naming existing static segments flagged isTest, or `mediaForTest`;
		 * anything else is a 400.
		 */
		'action.validate': (request) => {
			const action = byPathId(request);
			if (!action) return goneOrMissing(request);
			const body = asObject(request.body);
			const fortest = body?.fortest;
			if (!body || (fortest !== undefined && fortest !== null && typeof fortest !== 'boolean')) return fail(400);
			if (fortest !== true) return actions.validate(action) ? noContent() : fail(409);
			if (!hasTestAudience(state, body)) return fail(400);
			return actions.startTest(action) ? noContent() : fail(409);
		},

		// Live notes: DELETE with a `{}` body, reported as required (400 without one).
		'action.unvalidate': (request) => {
			const action = byPathId(request);
			if (!action) return goneOrMissing(request);
			if (!asObject(request.body)) return fail(400);
			return actions.unvalidate(action) ? noContent() : fail(409);
		},

		/**
		 * SIMULATOR CHOICE (response undocumented): `{count}`, the distinct contacts a message kind was sent
		 * to, or the members of a campaign's selected segments minus its excluded ones.
		 */
		'action.countRecipients': (request) => {
			const action = byPathId(request);
			if (!action) return fail(404);
			if (isMessageKind(action.type)) {
				return ok({ count: new Set(deliveries.forAction(action.id).map((d) => d.contactId)).size });
			}
			const members = (key: 'selected' | 'excluded') => {
				const ids = asObject(action.scheduler?.segments)?.[key];
				const segmentIds = Array.isArray(ids) ? ids.map(asInteger) : [];
				return new Set(segmentIds.flatMap((id) => {
					const segment = segments.get(id);
					return segment ? segments.memberIds(segment) : [];
				}));
			};
			const excluded = members('excluded');
			return ok({ count: [...members('selected')].filter((id) => !excluded.has(id)).length });
		},

		'action.exportRecipients': outOfBandExport,
		'action.exportOpens': outOfBandExport,
		'action.exportClicks': outOfBandExport,
		'action.exportBounces': feedbackExport('bounce'),
		'action.exportComplaints': feedbackExport('complaint'),
		'action.exportUnsubscribes': feedbackExport('hit', (event) => hitKindOf(event) === 'unsubscribe'),
	};
}

/**
 * An action body: `type` one of the four kinds, a `name`; the server fills id, creation date and state.
 * 400 for a wrong shape (`content.headers.from` must be an object), 404 for an unknown `settings.field`
 * (NP6's misleading 404, observed live).
 */
function parseAction(state: Np6State, value: unknown): ActionDocument | 400 | 404 {
	const body = asObject(value);
	if (!body || !ACTION_TYPES.includes(body.type as ActionType)) return 400;
	if (typeof body.name !== 'string' || !body.name.trim()) return 400;
	const parts = ['informations', 'settings', 'content', 'scheduler'] as const;
	if (parts.some((key) => body[key] !== undefined && body[key] !== null && !asObject(body[key]))) return 400;
	const headers = asObject(body.content)?.headers;
	if (headers !== undefined && !isHeaders(headers)) return 400;
	const field = asObject(body.settings)?.field;
	if (field !== undefined && field !== null && !state.fields.fields.has(Number(field))) return 404;
	const { id: _id, creationDate: _creationDate, monitor: _monitor, ...document } = body;
	return document as ActionDocument;
}

/** Message headers `{from?: {prefix?, domain?, label?}, reply?}`: `from` as a string is NP6's 400. */
export function isHeaders(value: unknown): boolean {
	const headers = asObject(value);
	if (!headers) return false;
	const { from, reply } = headers;
	if (reply !== undefined && reply !== null && typeof reply !== 'string') return false;
	if (from === undefined || from === null) return true;
	const sender = asObject(from);
	return sender !== undefined && ['prefix', 'domain', 'label'].every((key) => sender[key] === undefined || typeof sender[key] === 'string');
}

function hasTestAudience(state: Np6State, body: Record<string, unknown>): boolean {
	const { testSegments, mediaForTest } = body;
	if (Array.isArray(testSegments) && testSegments.length > 0) {
		return testSegments.every((id) => {
			const segment = state.segments.get(asInteger(id));
			return segment?.type === 'static' && segment.isTest;
		});
	}
	const emptySegments = testSegments === undefined || testSegments === null || (Array.isArray(testSegments) && testSegments.length === 0);
	return emptySegments && typeof mediaForTest === 'string' && mediaForTest.trim() !== '';
}
