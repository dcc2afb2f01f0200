export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const windowOf = (at: number, windowMs: number) => Math.floor(at / windowMs);

/**
 * Runs a burst of requests inside one fixed limiter window (windows are aligned on the epoch), so what
 * it counts is not split by a window boundary. A burst that straddled two windows runs again: it must
 * therefore set up the limiter state it relies on itself, or not depend on what an earlier try consumed.
 */
export async function inOneWindow<T>(windowMs: number, burst: () => Promise<T>): Promise<T> {
	const room = Math.min(windowMs / 2, 2000);
	for (let attempt = 0; attempt < 5; attempt++) {
		const left = windowMs - (Date.now() % windowMs);
		if (left < room) await sleep(left + 5);
		const startedIn = windowOf(Date.now(), windowMs);
		const result = await burst();
		if (windowOf(Date.now(), windowMs) === startedIn) return result;
	}
	throw new Error(`could not fit the burst in one ${windowMs} ms window`);
}
