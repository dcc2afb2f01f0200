/** How the matrix names what happened to an item, and how it reads that from an error's text. */

/**
 * - `ok`: the item succeeded.
 * - `mayHaveActed`: it failed with an error saying NP6 may or may not have carried the request out.
 * - `refused`: it failed with NP6's 4xx: NP6 did not carry the request out.
 * - `safeToRepeat`: an idempotent request failed after its retries; the error says how often it was tried.
 * - `unexpectedAnswer`: NP6 answered 2xx with a body of a type the operation never answers.
 * - `other`: any other error (never expected: a test failure names it).
 */
export type ItemEnd = 'ok' | 'mayHaveActed' | 'refused' | 'safeToRepeat' | 'unexpectedAnswer' | 'other';

export const END_LABELS: Record<ItemEnd, string> = {
	ok: 'ok',
	mayHaveActed: 'fails: may have acted',
	refused: 'fails: refused',
	safeToRepeat: 'fails: safe to repeat',
	unexpectedAnswer: 'fails: unexpected answer',
	other: 'fails: other error',
};

/** Reads an item's end from the error it failed with (message and description together). */
export function endOfError(text: string): ItemEnd {
	if (/may or may not have/i.test(text)) return 'mayHaveActed';
	if (/answered HTTP 2\d\d with (an array|an object|a string|a number|a boolean|null)/i.test(text)) return 'unexpectedAnswer';
	if (/^NP6 4\d\d:/.test(text)) return 'refused';
	if (/Tried \d+ times/.test(text)) return 'safeToRepeat';
	return 'other';
}

/** One cell's summary, as printed: "ok, 3 req", "2 ok, 2 fails: may have acted, 4 req". */
export function describeCell(ends: ItemEnd[], requests: number): string {
	const counts = new Map<ItemEnd, number>();
	for (const end of Object.keys(END_LABELS) as ItemEnd[]) {
		const n = ends.filter((e) => e === end).length;
		if (n > 0) counts.set(end, n);
	}
	const parts = [...counts].map(([end, n]) => (counts.size === 1 ? END_LABELS[end] : `${n} ${END_LABELS[end]}`));
	return `${parts.join(', ')}, ${requests} req`;
}
