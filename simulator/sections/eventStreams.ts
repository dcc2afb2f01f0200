import { fail, ok } from '../core/replies';
import type { Handler, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { HIT_CLASSIFICATIONS, REACTION_TYPES, type EventQuery, type EventType, type HitKind, type Np6Event } from '../state/events';

/**
 * What every events and reactivity endpoint shares (catalogue "Events (pull only)"): half-open windows
 * (start inclusive, end exclusive) given as ISO dates or epoch-ms timestamps, `sort=asc|desc` on the
 * timestamp, `classification` on hit endpoints, no pagination. Each endpoint is then data: which events
 * (`selection`) about what (`scope`).
 */

export type SortOrder = 'asc' | 'desc';

/** Which query key bounds which time: reactivity endpoints have two windows, the others one. */
const WINDOW_KEYS: Partial<Record<string, 'start' | 'end' | 'activationStart' | 'activationEnd'>> = {
	start: 'start',
	end: 'end',
	reactivityStart: 'start',
	reactivityEnd: 'end',
	activationStart: 'activationStart',
	activationEnd: 'activationEnd',
};

/** What the catalogue lets a caller ask of one events endpoint. */
export interface StreamRequest {
	filter: EventQuery;
	/** Undefined: NP6 promises no order. */
	sort?: SortOrder;
}

/**
 * The windows, order and classifications a request asks for, read from the query keys its catalogue
 * operation documents (other keys are ignored); undefined (400) for an unreadable or repeated value.
 */
export function streamRequest(request: SimRequest): StreamRequest | undefined {
	const asked: StreamRequest = { filter: {} };
	for (const { name } of request.operation.queryParams) {
		const value = request.query[name];
		if (value === undefined) continue;
		if (Array.isArray(value)) return undefined;
		const bound = WINDOW_KEYS[name];
		if (bound) {
			const time = eventTime(value);
			if (time === undefined) return undefined;
			asked.filter[bound] = time;
		} else if (name === 'sort') {
			if (value !== 'asc' && value !== 'desc') return undefined;
			asked.sort = value;
		} else if (name === 'classification') {
			const classifications = value.split(',');
			if (!classifications.every((c) => (HIT_CLASSIFICATIONS as readonly string[]).includes(c))) return undefined;
			// SIMULATOR CONVENTION: a "robot-classification filter" keeps only the hits classified so (humans' hits have no classification); other events pass.
			asked.filter.classifications = classifications;
		}
	}
	return asked;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A filter's time in epoch ms: digits are a timestamp, otherwise an ISO-8601 date or date-time (UTC when
 * it names no offset). Undefined for anything else, an impossible date ("2026-02-30") included.
 */
export function eventTime(text: string): number | undefined {
	if (/^\d{1,15}$/.test(text)) return Number(text);
	const parts = ISO_DATE.exec(text);
	if (!parts) return undefined;
	const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((part) => Number(part ?? 0));
	const millis = Number((parts[7] ?? '').padEnd(3, '0').slice(0, 3));
	const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
	const read = [utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds()];
	if (read.some((value, i) => value !== [year, month, day, hour, minute, second][i])) return undefined;
	const offset = parts[8] && parts[8] !== 'Z' ? /^([+-])(\d{2}):?(\d{2})$/.exec(parts[8]) : null;
	if (!offset) return utc.getTime();
	const [, sign, hours, minutes] = offset;
	if (Number(hours) > 23 || Number(minutes) > 59) return undefined;
	return utc.getTime() - (sign === '+' ? 1 : -1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}

/**
 * The events in the asked order. Without `sort` NP6 promises none ("may differ between two calls"): the
 * simulator answers a seeded shuffle (`state.answerOrder`), so a client relying on an order fails its tests.
 */
export function inOrder(state: Np6State, events: Np6Event[], sort: SortOrder | undefined): Np6Event[] {
	if (sort === 'asc') return [...events].sort((a, b) => a.timestamp - b.timestamp);
	if (sort === 'desc') return [...events].sort((a, b) => b.timestamp - a.timestamp);
	return state.answerOrder.shuffle(events);
}

/** What an endpoint is about, from its path or query (an action, a contact...); undefined when it names nothing (404). */
export type Scope = (request: SimRequest) => EventQuery | undefined;

/** A GET endpoint answering the `selection` of events about its `scope`, filtered and ordered as asked; `[]` when none. */
export function eventStream(state: Np6State, selection: EventQuery, scope: Scope = () => ({})): Handler {
	return (request) => {
		const about = scope(request);
		if (!about) return fail(404);
		const asked = streamRequest(request);
		if (!asked) return fail(400);
		return ok(inOrder(state, state.events.query({ ...selection, ...about, ...asked.filter }), asked.sort));
	};
}

/** Selections, as endpoint titles name them. */
export const only = (...types: EventType[]): EventQuery => ({ types });
/** Hits of these link types; every hit without any. */
export const hits = (...kinds: HitKind[]): EventQuery => ({ kinds: [{ type: 'hit', ...(kinds.length > 0 ? { subtypes: kinds } : {}) }] });
/** Every reaction to an activation (reactivity endpoints "of all kinds"): no execution, activation or cancellation. */
export const reactions: EventQuery = { types: REACTION_TYPES };
