/**
 * The rows of the fault matrix: what the simulator does to the requests of the operation under test.
 * Each row also says what kind of fault it is, which is all the README's rules need to predict the outcome.
 */
import type { FaultRule } from '../../simulator/core/faults';

/**
 * - `refused`: NP6 refused the request (429) and did nothing: it is waited for and repeated.
 * - `lost`: the answer is lost or unreadable (5xx, timeout, reset, malformed JSON): NP6 may have acted.
 * - `rejected`: NP6 refused for good (4xx other than 429): the item fails, nothing is repeated.
 * - `wrongShape`: NP6 answered 200 (so it acted) with valid JSON of a type the operation never answers.
 */
export type FaultNature = 'refused' | 'lost' | 'rejected' | 'wrongShape';

/** The answer types of the operations: a wrong-shape row answers the other type, or a bare string. */
export type AnswerType = 'object' | 'list';

export interface FaultRow {
	key: string;
	/** Row heading in the printed table. */
	label: string;
	nature: FaultNature;
	/** How many requests of each targeted operation the fault hits; `every`: all of them. */
	hits: number | 'every';
	/** `after`: NP6 carried the request out before the fault; `before`: it never reached NP6's logic. */
	phase: 'before' | 'after';
	/** The simulator's rule, made when the cell starts (dates are relative to then); none for the baseline. */
	rule?(answerType: AnswerType): Omit<FaultRule, 'operation' | 'times' | 'phase'>;
}

/** A 429 storm: the first 3 requests of each targeted operation are refused. */
const STORM = 3;
/** Longer than the matrix's client timeout (see MATRIX_REQUEST_OPTIONS). */
export const HELD_ANSWER_MS = 2_500;

const storm = (key: string, label: string, headers: () => Record<string, string>): FaultRow => ({
	key,
	label,
	nature: 'refused',
	hits: STORM,
	phase: 'before',
	rule: () => ({ kind: 'status', status: 429, headers: headers() }),
});

export const FAULT_ROWS: FaultRow[] = [
	// The baseline: the request plan of each operation, unhindered.
	{ key: 'none', label: 'no fault', nature: 'refused', hits: 0, phase: 'before' },
	storm('retryAfterSeconds', '429 ×3, Retry-After: 1 (seconds)', () => ({ 'Retry-After': '1' })),
	storm('retryAfterDate', '429 ×3, Retry-After: HTTP date', () => ({ 'Retry-After': new Date(Date.now() + 1_000).toUTCString() })),
	storm('resetEpochMs', '429 ×3, X-RateLimit-Reset: epoch ms', () => ({
		'X-RateLimit-Remaining': '0',
		'X-RateLimit-Reset': String(Date.now() + 300),
	})),
	storm('resetEpochSeconds', '429 ×3, X-RateLimit-Reset: epoch s', () => ({
		'X-RateLimit-Remaining': '0',
		'X-RateLimit-Reset': String(Math.ceil((Date.now() + 500) / 1000)),
	})),
	storm('resetDelaySeconds', '429 ×3, X-RateLimit-Reset: seconds to wait', () => ({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '1' })),
	storm('noHeader', '429 ×3, no rate-limit header', () => ({})),
	{
		key: 'endless429',
		label: '429 on every attempt (beyond the wait budget)',
		nature: 'refused',
		hits: 'every',
		phase: 'before',
		rule: () => ({ kind: 'status', status: 429, headers: { 'Retry-After': '0' } }),
	},
	{ key: 'status500', label: '500 once, after NP6 acted', nature: 'lost', hits: 1, phase: 'after', rule: () => ({ kind: 'status', status: 500 }) },
	{ key: 'status502', label: '502 once, before NP6 acted', nature: 'lost', hits: 1, phase: 'before', rule: () => ({ kind: 'status', status: 502 }) },
	{ key: 'status503', label: '503 on every attempt', nature: 'lost', hits: 'every', phase: 'before', rule: () => ({ kind: 'status', status: 503 }) },
	{
		key: 'timeout',
		label: 'timeout once (answer held), after NP6 acted',
		nature: 'lost',
		hits: 1,
		phase: 'after',
		rule: () => ({ kind: 'delay', delayMs: HELD_ANSWER_MS }),
	},
	{ key: 'resetBefore', label: 'connection reset once, before NP6 acted', nature: 'lost', hits: 1, phase: 'before', rule: () => ({ kind: 'reset' }) },
	{ key: 'resetAfter', label: 'connection reset once, after NP6 acted', nature: 'lost', hits: 1, phase: 'after', rule: () => ({ kind: 'reset' }) },
	{ key: 'empty409', label: 'empty 409 once', nature: 'rejected', hits: 1, phase: 'before', rule: () => ({ kind: 'status', status: 409 }) },
	{ key: 'malformed', label: 'malformed JSON once, after NP6 acted', nature: 'lost', hits: 1, phase: 'after', rule: () => ({ kind: 'malformed' }) },
	{
		key: 'otherType',
		label: '200 with an array for an object (an object for a list), once',
		nature: 'wrongShape',
		hits: 1,
		phase: 'after',
		rule: (answerType) => ({ kind: 'body', body: answerType === 'object' ? [{ unexpected: true }] : { unexpected: true } }),
	},
	{
		key: 'bareString',
		label: '200 with a bare JSON string, once',
		nature: 'wrongShape',
		hits: 1,
		phase: 'after',
		rule: () => ({ kind: 'body', body: 'OK' }),
	},
];
