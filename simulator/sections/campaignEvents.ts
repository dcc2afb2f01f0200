import { fail, ok } from '../core/replies';
import type { SectionHandlers } from '../core/types';
import type { Np6State } from '../state';
import { actionIdsOf } from '../state/campaigns';
import { EVENT_SUBTYPES, EVENT_TYPES, type EventKind, type EventSource, type EventType, type Np6Event } from '../state/events';
import { inOrder, streamRequest } from './eventStreams';
import { asObject } from './requestValues';

/** One entry of `itemsEvents`: the kinds of events wanted from some items of one channel. */
interface ItemsEvents {
	source: EventSource;
	kinds: EventKind[];
	items: string[];
}

/** SIMULATOR CONVENTION: campaigns hold actions, so the only channel is the one their events name, "email" (email and SMS actions). */
const CHANNELS: Partial<Record<string, EventSource>> = { email: 'email' };

/**
 * Catalogue section "Campaign" events (docSlug campaignevent): `POST /campaigns/{id}/events`, a read
 * whose body picks, per channel, event kinds and the campaign items to read them from, e.g.
 * `{itemsEvents: [{type: "email", events: [{type: "hit", subtypes: ["open"]}], items: ["000A01"]}]}`;
 * `start`, `end` and `sort` as on every events endpoint. An event several entries select comes once.
 *
 * SIMULATOR CONVENTIONS where the catalogue shows only its example: items are action ids, as strings
 * or numbers; an item the campaign does not hold is a 404, like an unknown campaign; subtypes exist for
 * hit (link types), bounce (verdicts) and reply (stop, other), and when given must be a non-empty list
 * of known ones (absent: every subtype); any other shape of the body is a 400.
 */
export function campaignEventsSection(state: Np6State): SectionHandlers {
	return {
		'campaignEvent.query': (request) => {
			const campaign = state.campaigns.byId.get(request.params.id);
			if (!campaign) return fail(404);
			const wanted = itemsEvents(request.body);
			const asked = streamRequest(request);
			if (!wanted || !asked) return fail(400);
			if (wanted.some((entry) => entry.items.some((item) => !actionIdsOf(campaign).includes(item)))) return fail(404);
			const found = new Map<string, Np6Event>();
			for (const { source, kinds, items } of wanted) {
				for (const actionId of items) {
					for (const event of state.events.query({ ...asked.filter, sourceType: source, kinds, actionId })) found.set(event.id, event);
				}
			}
			return ok(inOrder(state, [...found.values()], asked.sort));
		},
	};
}

/** The body's `itemsEvents`; undefined when missing, empty or malformed. */
function itemsEvents(body: unknown): ItemsEvents[] | undefined {
	const entries = asObject(body)?.itemsEvents;
	if (!Array.isArray(entries) || entries.length === 0) return undefined;
	const parsed = entries.map((value): ItemsEvents | undefined => {
		const entry = asObject(value);
		const source = typeof entry?.type === 'string' ? CHANNELS[entry.type] : undefined;
		const kinds = nonEmpty(entry?.events)?.map(eventKind);
		const items = nonEmpty(entry?.items)?.map(itemId);
		if (!source || !kinds?.every((k) => k !== undefined) || !items?.every((i) => i !== undefined)) return undefined;
		return { source, kinds: kinds as EventKind[], items: items as string[] };
	});
	return parsed.every((entry) => entry !== undefined) ? (parsed as ItemsEvents[]) : undefined;
}

function eventKind(value: unknown): EventKind | undefined {
	const kind = asObject(value);
	if (!kind || !(EVENT_TYPES as readonly unknown[]).includes(kind.type)) return undefined;
	const type = kind.type as EventType;
	if (kind.subtypes === undefined) return { type };
	const known = EVENT_SUBTYPES[type];
	const subtypes = nonEmpty(kind.subtypes);
	if (!known || !subtypes?.every((s) => typeof s === 'string' && known.includes(s))) return undefined;
	return { type, subtypes: subtypes as string[] };
}

/** "Schema says int32 but the docs example sends strings": both, as the action id's text. */
function itemId(value: unknown): string | undefined {
	if (typeof value === 'string' && value !== '') return value;
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
}

function nonEmpty(value: unknown): unknown[] | undefined {
	return Array.isArray(value) && value.length > 0 ? value : undefined;
}
