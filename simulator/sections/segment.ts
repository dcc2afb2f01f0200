import { fail, noContent, ok } from '../core/replies';
import type { SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { parseDate } from '../state/dates';
import type { SegmentInput, SegmentRule } from '../state/segments';
import { accepts, asInteger, asObject, pathInteger } from './requestValues';

/** NP6 takes at most 50 targets per PUT /segments/{id}/targets. */
const MAX_TARGETS_PER_ADD = 50;
/** Older docs: with this Accept header, the strings of an add are unicity values instead of target ids. */
const UNICITY_VALUES = 'application/vnd.mperf.v8.unicity';

/** Catalogue section "Segment" (docSlug segment, deprecated but still needed, e.g. to fill test segments). */
export function segmentSection(state: Np6State): SectionHandlers {
	const { segments, contacts } = state;
	const byPathId = (request: SimRequest) => segments.get(pathInteger(request, 'id'));

	return {
		'segment.list': () => ok([...segments.byId.values()].map((s) => segments.view(s, { withDescription: false }))),

		'segment.create': (request) => {
			const body = parseSegment(state, request.body);
			if (!body?.type || !body.name) return fail(400);
			const segment = segments.create(body as SegmentInput);
			return segment ? ok(segments.view(segment, { withDescription: true })) : fail(409);
		},

		'segment.get': (request) => {
			const segment = byPathId(request);
			return segment ? ok(segments.view(segment, { withDescription: true })) : fail(404);
		},

		// Partial update. A segment cannot change type (static members vs a dynamic rule).
		'segment.update': (request) => {
			const segment = byPathId(request);
			if (!segment) return fail(404);
			const body = parseSegment(state, request.body);
			if (!body || (body.type !== undefined && body.type !== segment.type)) return fail(400);
			if (!segments.update(segment, body)) return fail(409);
			return ok(segments.view(segment, { withDescription: true }));
		},

		'segment.delete': (request) => {
			const segment = byPathId(request);
			if (!segment) return fail(404);
			segments.delete(segment.id);
			return noContent();
		},

		// Low confidence: only the URL and title are known; the simulator answers counts.
		'segment.informations': () => {
			const all = [...segments.byId.values()];
			return ok({
				segmentsCount: all.length,
				staticCount: all.filter((s) => s.type === 'static').length,
				dynamicCount: all.filter((s) => s.type === 'dynamic').length,
				testCount: all.filter((s) => s.isTest).length,
			});
		},

		'segment.listTargets': (request) => {
			const segment = byPathId(request);
			return segment ? ok(segments.memberIds(segment)) : fail(404);
		},

		// Answers how many contacts were added: unknown contacts and members already in are not counted.
		'segment.addTargets': (request) => {
			const segment = byPathId(request);
			if (!segment) return fail(404);
			const values = request.body;
			if (!Array.isArray(values) || values.length === 0 || values.length > MAX_TARGETS_PER_ADD) return fail(400);
			if (!values.every((v) => typeof v === 'string')) return fail(400);
			if (segment.type === 'dynamic') return fail(409);
			const byUnicity = accepts(request, UNICITY_VALUES);
			let added = 0;
			for (const value of values as string[]) {
				const contact = contacts.find(byUnicity ? { unicity: value } : { id: value });
				if (contact && segments.add(segment, contact.id)) added++;
			}
			return ok(added);
		},

		'segment.clearTargets': (request) => {
			const segment = byPathId(request);
			if (!segment) return fail(404);
			if (segment.type === 'dynamic') return fail(409);
			segments.clear(segment);
			return noContent();
		},
	};
}

/**
 * The writable properties of a segment body (the server fills id, creation and targetsCount); undefined when
 * one is malformed. `rule` is the simulator's stand-in for dynamic criteria (see `SegmentRule`).
 */
function parseSegment(state: Np6State, value: unknown): Partial<SegmentInput> | undefined {
	const body = asObject(value);
	if (!body) return undefined;
	const given = (key: string) => body[key] !== undefined && body[key] !== null;
	const segment: Partial<SegmentInput> = {};
	if (given('type')) {
		if (body.type !== 'static' && body.type !== 'dynamic') return undefined;
		segment.type = body.type;
	}
	for (const key of ['name', 'description'] as const) {
		if (!given(key)) continue;
		const text = body[key];
		if (typeof text !== 'string' || (key === 'name' && !text.trim())) return undefined;
		segment[key] = text;
	}
	if (given('expiration')) {
		segment.expiration = parseDate(body.expiration);
		if (!segment.expiration) return undefined;
	}
	if (given('isTest')) {
		if (typeof body.isTest !== 'boolean') return undefined;
		segment.isTest = body.isTest;
	}
	for (const key of ['parentId', 'searchId'] as const) {
		if (!given(key)) continue;
		segment[key] = asInteger(body[key]);
		if (segment[key] === undefined) return undefined;
	}
	if (given('rule')) {
		segment.rule = parseRule(state, body.rule);
		if (!segment.rule) return undefined;
	}
	return segment;
}

function parseRule(state: Np6State, value: unknown): SegmentRule | undefined {
	const rule = asObject(value);
	const fieldId = asInteger(rule?.fieldId);
	if (fieldId === undefined || !state.fields.fields.has(fieldId)) return undefined;
	const equals = rule?.equals;
	return typeof equals === 'string' || typeof equals === 'number' ? { fieldId, equals: String(equals) } : undefined;
}
