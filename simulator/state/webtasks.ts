import { isoSeconds } from './dates';
import { Sequence } from './ids';

/** A scripting webtask (catalogue model Webtask; only its PATCH is known). */
export interface Webtask {
	id: number;
	name: string;
	description: string;
	creationDate: string;
	scripting: Record<string, unknown>;
	settings: Record<string, unknown>;
	/** The script body. */
	value: string;
	[property: string]: unknown;
}

/**
 * Webtasks, keyed by int id. NP6 documents no way to create or list them, so they come from the seed
 * (or a test's `add`).
 */
export class WebtaskStore {
	readonly byId = new Map<number, Webtask>();
	private readonly ids = new Sequence(501);

	add(webtask: Pick<Webtask, 'name' | 'value'> & Partial<Webtask>, now = new Date()): Webtask {
		const stored: Webtask = {
			description: '',
			scripting: { version: '7.0.0', imports: null, initializers: null, filters: null },
			settings: {},
			...webtask,
			id: this.ids.take(),
			creationDate: isoSeconds(now),
		};
		this.byId.set(stored.id, stored);
		return stored;
	}

	/** The given properties replace the webtask's; id and creation date are the server's. */
	patch(webtask: Webtask, changes: Record<string, unknown>): Webtask {
		const { id: _id, creationDate: _creation, ...given } = changes;
		Object.assign(webtask, given);
		return webtask;
	}
}
