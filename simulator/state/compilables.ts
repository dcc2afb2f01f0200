import { randomUUID } from 'node:crypto';

import { isoSeconds } from './dates';

/** What a client writes; the server owns id and stamp (other properties are kept as given). */
export interface CompilableDocument {
	name: string;
	description?: string;
	state?: string;
	/** The scriptable value: `type` (discriminator), `source`, `cursors`, `parameters`, `preview`. */
	value?: Record<string, unknown>;
	[property: string]: unknown;
}

export interface Compilable extends CompilableDocument {
	id: string;
	stamp: { creation: string; modification: string };
}

/** A flaw NP6 reports on a compilable: only the `type` discriminator is documented. */
export interface Flaw {
	type: string;
	[property: string]: unknown;
}

/** Scripting compilables (data transformations), keyed by uuid. */
export class CompilableStore {
	readonly byId = new Map<string, Compilable>();

	create(document: CompilableDocument, now = new Date()): Compilable {
		const { id: _id, stamp: _stamp, ...given } = document;
		const stamp = isoSeconds(now);
		const compilable: Compilable = { ...given, name: document.name, id: randomUUID(), stamp: { creation: stamp, modification: stamp } };
		this.byId.set(compilable.id, compilable);
		return compilable;
	}

	/** SIMULATOR CHOICE, as older NP6 docs name a duplicated action: the copy is "<name>(1)". */
	duplicate(compilable: Compilable, now = new Date()): Compilable {
		const { id: _id, stamp: _stamp, ...document } = structuredClone(compilable);
		return this.create({ ...document, name: `${compilable.name}(1)` }, now);
	}

	/**
	 * SIMULATOR CHOICE (NP6 documents no flaw kind): a definition without a value, without a
	 * `value.type` or without a `value.source` has a flaw of that name.
	 */
	static flaws(compilable: CompilableDocument): Flaw[] {
		if (!compilable.value) return [{ type: 'missingValue' }];
		const flaws: Flaw[] = [];
		if (compilable.value.type === undefined) flaws.push({ type: 'missingType' });
		if (compilable.value.source === undefined) flaws.push({ type: 'missingSource' });
		return flaws;
	}
}
