/**
 * NP6 promises no order for the entries of a batched answer (sends, renders): the simulator answers
 * them in a seeded random order, so a client that pairs by position fails its tests.
 */
export class AnswerOrder {
	constructor(private seed = 7) {}

	shuffle<T>(entries: T[]): T[] {
		const shuffled = [...entries];
		for (let i = shuffled.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
		}
		return shuffled;
	}

	/** mulberry32: small, deterministic for a seed. */
	private next(): number {
		this.seed = (this.seed + 0x6d2b79f5) | 0;
		let t = this.seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
}
