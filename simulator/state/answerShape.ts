import { seededRandom } from './seededRandom';

/**
 * Where the catalogue documents two shapes for one answer (GET /targets?unicity= answers one contact
 * object or an array of it), NP6 may send either: the simulator picks one per answer by a seeded
 * random choice, so a client that reads only one shape fails its tests, reproducibly.
 */
export class AnswerShape {
	private readonly next: () => number;

	constructor(seed = 11) {
		this.next = seededRandom(seed);
	}

	either<T>(one: T, other: T): T {
		return this.next() < 0.5 ? one : other;
	}

	/** The entry itself or a one-entry array. */
	objectOrArray<T>(entry: T): T | T[] {
		return this.either<T | T[]>(entry, [entry]);
	}
}
