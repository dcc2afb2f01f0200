import { seededRandom } from './seededRandom';

/**
 * NP6 promises no order for the entries of a batched answer (sends, renders): the simulator answers
 * them in a seeded random order, so a client that pairs by position fails its tests.
 */
export class AnswerOrder {
	private readonly next: () => number;

	constructor(seed = 7) {
		this.next = seededRandom(seed);
	}

	shuffle<T>(entries: T[]): T[] {
		const shuffled = [...entries];
		for (let i = shuffled.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
		}
		return shuffled;
	}
}
