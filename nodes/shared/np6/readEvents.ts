import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { np6ApiRequest, type Np6Context } from '../transport/request';
import type { EventFeed } from './eventFeeds';

export interface EventRead {
	feed: EventFeed;
	/** Fills `{id}` in the feed's path (action, notification, contact, content or campaign). */
	id?: string;
	/** The contact, where the feed names it in the query (`contactQuery`). */
	contact?: string;
	/** The window on the event's time (a reactivity's own time), epoch ms: `from` inclusive, `to` exclusive. */
	from: number;
	to: number;
	/** Reactivities only: when the messages reacted to were sent, epoch ms, half-open too. */
	sentFrom?: number;
	sentTo?: number;
	sort: 'asc' | 'desc';
	/** Read the window in parts of this length (NP6 streams each whole answer at once). */
	partMs?: number;
	classification?: string;
	/** The query of a POST feed (campaign events). */
	body?: IDataObject;
	/** Stop reading parts once this many events are in. */
	limit?: number;
	itemIndex?: number;
}

/** More parts than this is a window far too long for its part length: the user is asked to change one. */
export const MAX_PARTS = 1000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The feed's events in [from, to), read part by part in the order asked (oldest part first for
 * `asc`), each part sorted by NP6, concatenated. Without `sort` NP6's order is undefined, so it is
 * always sent.
 */
export async function readEvents(this: Np6Context, read: EventRead): Promise<IDataObject[]> {
	const parts = windowParts(this, read);
	const events: IDataObject[] = [];
	for (const [start, end] of parts) {
		const query: IDataObject = { sort: read.sort };
		if (read.feed.window === 'reactivity') {
			Object.assign(query, { reactivityStart: iso(start), reactivityEnd: iso(end) });
			if (read.sentFrom !== undefined) query.activationStart = iso(read.sentFrom);
			if (read.sentTo !== undefined) query.activationEnd = iso(read.sentTo);
		} else {
			Object.assign(query, { start: iso(start), end: iso(end) });
		}
		if (read.classification) query.classification = read.classification;
		if (read.feed.contactQuery) query[read.feed.contactQuery] = read.contact;
		const path = read.feed.path.replace('{id}', encodeURIComponent(read.id ?? ''));
		const { body } = await np6ApiRequest.call(this, {
			method: read.feed.method,
			path,
			query,
			body: read.feed.method === 'POST' ? (read.body ?? {}) : undefined,
			readOnly: true,
			answers: 'list',
			itemIndex: read.itemIndex,
		});
		events.push(...asEvents(body));
		if (read.limit !== undefined && events.length >= read.limit) break;
	}
	return events;
}

function windowParts(context: Np6Context, read: EventRead): Array<[number, number]> {
	const { from, to } = read;
	if (!(to > from)) return [];
	const length = read.partMs && read.partMs > 0 ? read.partMs : to - from;
	const count = Math.ceil((to - from) / length);
	if (count > MAX_PARTS) {
		throw new NodeOperationError(context.getNode(), `The date range would take ${count} requests of ${length / 3_600_000} hours each`, {
			itemIndex: read.itemIndex,
			description: `Shorten the date range or raise "Read In Parts Of (Hours)" so that it takes at most ${MAX_PARTS} parts.`,
		});
	}
	const parts: Array<[number, number]> = [];
	for (let start = from; start < to; start += length) parts.push([start, Math.min(start + length, to)]);
	return read.sort === 'desc' ? parts.reverse() : parts;
}

/** NP6 answers an array; nothing to list may also come back empty (204). */
function asEvents(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body.filter((e): e is IDataObject => e !== null && typeof e === 'object');
	return body !== null && typeof body === 'object' ? [body as IDataObject] : [];
}
