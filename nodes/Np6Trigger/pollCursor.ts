/**
 * Where the trigger stands in a feed, kept in the workflow's static data (which n8n persists across
 * polls and restarts). Each poll reads [cursor − late allowance, now − lag) at most one catch-up
 * window long; events read again in the allowance are recognised by id, so each is emitted once.
 */
export interface PollCursor {
	/** The configuration the cursor belongs to: another feed or filter starts afresh. */
	feed: string;
	/** Epoch ms: everything before it was read (and emitted). */
	cursor: number;
	/** Where the trigger started: nothing before it is read, not even again. */
	floor: number;
	/** Ids of emitted events that a later read can meet again, with their timestamps. */
	seen: Record<string, number>;
}

export interface PollWindow {
	from: number;
	to: number;
}

/** More ids than this are never remembered; the oldest go first. */
export const MAX_SEEN = 20_000;

export interface PollTiming {
	now: number;
	lagMs: number;
	allowanceMs: number;
	maxWindowMs: number;
}

/** The next window to read, or undefined when the cursor is already at now − lag. */
export function nextWindow(state: PollCursor, timing: PollTiming): PollWindow | undefined {
	const end = timing.now - timing.lagMs;
	if (end <= state.cursor) return undefined;
	return { from: Math.max(state.floor, state.cursor - timing.allowanceMs), to: Math.min(end, state.cursor + timing.maxWindowMs) };
}

/**
 * After a successful read of `window`: the events to emit (not seen before, in read order) and the
 * state to keep. Only events the next read can meet again are remembered.
 */
export function advance<T extends { id?: unknown; timestamp?: unknown }>(
	state: PollCursor,
	window: PollWindow,
	events: T[],
	allowanceMs: number,
): { emit: T[]; next: PollCursor } {
	const seen = { ...state.seen };
	const emit: T[] = [];
	for (const event of events) {
		const id = String(event.id);
		if (id in seen) continue;
		seen[id] = typeof event.timestamp === 'number' ? event.timestamp : window.to;
		emit.push(event);
	}
	const keepFrom = window.to - allowanceMs;
	const kept = Object.entries(seen)
		.filter(([, timestamp]) => timestamp >= keepFrom)
		.sort(([, a], [, b]) => b - a)
		.slice(0, MAX_SEEN);
	return { emit, next: { ...state, cursor: window.to, seen: Object.fromEntries(kept) } };
}
