/**
 * What the README's rules ("Speed, rate limits, retries and errors") predict for one cell, worked out
 * from the operation's request plan and the fault's nature alone, never from a run:
 * - a 429 is waited for (at least 100 ms, doubling with each 429 of the request) and repeated, until
 *   the request's wait budget would be exceeded: then the item fails with the 429. The wait holds every
 *   request of the credential, so a pause a failed request did not wait out is the next one's to wait;
 * - after a 5xx, a timeout, a reset or an unreadable answer, GET/PUT/DELETE (and read-only POSTs) are
 *   repeated up to 3 more times; a POST is not repeated and its error says NP6 may have acted;
 * - another 4xx fails the item at once;
 * - a 2xx answer of a type the operation never answers fails the item (its error says so); a batched
 *   send without a result for a recipient says NP6 may or may not have sent.
 */
import type { FaultRow } from './faultRows';
import type { ItemEnd } from './outcomes';

/** One request of an operation, in the order made: the matrix's operations make them one after the other (a run's first batch goes alone). */
export interface PlannedRequest {
	/** Catalogue key, e.g. "target.get". */
	operation: string;
	/** GET, PUT, DELETE, or a POST that only reads. */
	idempotent: boolean;
	/** Whether the row's fault applies to this operation. */
	targeted: boolean;
	/**
	 * The input items this request serves, when its failure fails only them (a batch); absent: the
	 * request is one step of all items, and its failure ends the operation.
	 */
	items?: number[];
	/**
	 * For a wrong-shape answer: what the item gets (a batch without results: "may have acted"), or
	 * `proceed` for a lookup that reads an answer naming no contact as "not found".
	 */
	onWrongShape?: ItemEnd | 'proceed';
}

export interface Prediction {
	ends: ItemEnd[];
	requests: number;
}

/** Tries after an ambiguous failure before an idempotent request gives up. */
const RETRIES_AFTER_FAILURE = 3;
const FIRST_WAIT_AFTER_429_MS = 100;

export function predict(row: FaultRow, plan: PlannedRequest[], itemCount: number, waitBudgetMs: number): Prediction {
	const ends: ItemEnd[] = new Array<ItemEnd>(itemCount).fill('ok');
	const hitsLeft = new Map<string, number>();
	const hits = (operation: string) => (row.hits === 'every' ? Infinity : (hitsLeft.get(operation) ?? row.hits));
	let requests = 0;
	/** The pause after the last 429, when the request it was for gave up instead of waiting it out. */
	let pendingPauseMs = 0;

	for (const step of plan) {
		let refusals = 0;
		let waitedMs = pendingPauseMs;
		pendingPauseMs = 0;
		let failures = 0;
		let end: ItemEnd = 'ok';
		for (;;) {
			requests++;
			if (!step.targeted || hits(step.operation) <= 0) break;
			hitsLeft.set(step.operation, hits(step.operation) - 1);
			if (row.nature === 'refused') {
				refusals++;
				// The headers of the storm rows ask for no more than the doubling floor (or a few hundred ms).
				const pauseMs = FIRST_WAIT_AFTER_429_MS * 2 ** (refusals - 1);
				waitedMs += pauseMs;
				if (waitedMs > waitBudgetMs) {
					pendingPauseMs = pauseMs;
					end = 'refused';
					break;
				}
				continue;
			}
			if (row.nature === 'rejected') {
				end = 'refused';
				break;
			}
			if (row.nature === 'wrongShape') {
				if (step.onWrongShape !== 'proceed') end = step.onWrongShape ?? 'unexpectedAnswer';
				break;
			}
			if (step.idempotent && failures < RETRIES_AFTER_FAILURE) {
				failures++;
				continue;
			}
			end = step.idempotent ? 'safeToRepeat' : 'mayHaveActed';
			break;
		}
		if (end === 'ok') continue;
		if (step.items) {
			for (const item of step.items) ends[item] = end;
			continue;
		}
		ends.fill(end);
		break;
	}
	return { ends, requests };
}
