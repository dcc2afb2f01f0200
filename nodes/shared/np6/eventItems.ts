import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { applyLimit, readLimit } from '../operations/parameters';
import type { EventFeed } from './eventFeeds';
import { passes } from './eventFilters';
import { eventItem } from './eventOutput';
import { HOURS, readDateRange, readTime, type EventOptions } from './eventParameters';
import { readEvents } from './readEvents';

/** Reads a feed for one item with the node's date range, options and Limit, and outputs one item per event. */
export async function readEventItems(
	this: IExecuteFunctions,
	itemIndex: number,
	target: { feed: EventFeed; id?: string; contact?: string; body?: IDataObject },
): Promise<IDataObject[]> {
	const { from, to } = readDateRange.call(this, itemIndex);
	const options = this.getNodeParameter('eventOptions', itemIndex, {}) as EventOptions;
	const sentFrom = readTime.call(this, options.sentAfter, 'Sent After', itemIndex);
	const sentTo = readTime.call(this, options.sentBefore, 'Sent Before', itemIndex);
	const verdict = options.bounceVerdict && options.bounceVerdict !== 'any' ? options.bounceVerdict : undefined;
	const keep = (event: IDataObject) => passes(event, { verdict, excludeBots: options.excludeBots });
	const limit = readLimit.call(this, itemIndex);
	const events = await readEvents.call(this, {
		...target,
		from,
		to,
		sentFrom,
		sentTo,
		sort: options.sort ?? 'asc',
		partMs: (options.partHours ?? 24) * HOURS,
		classification: target.feed.classification && options.classification?.length ? options.classification.join(',') : undefined,
		// Filtering happens after reading: only without filters does a full Limit mean "stop reading".
		limit: verdict || options.excludeBots ? undefined : limit,
		itemIndex,
	});
	return applyLimit(events.map(eventItem).filter(keep), limit);
}
