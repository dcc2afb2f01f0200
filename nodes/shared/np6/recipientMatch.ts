import type { IDataObject } from 'n8n-workflow';

/** What a recipient, footprint or rendered address says about a contact; absent keys are unknown. */
export interface ContactKeys {
	id?: string;
	unicity?: string;
	hash?: string;
	address?: string;
}

/**
 * The keys of anything NP6 uses to name a contact: a Recipient we sent (`{type: id|unicity|hash,
 * value}` or a notification's `{type: "contact", value: {id?, unicity?, hash?}}`) or a Footprint it
 * answers (`{type: "footprint", id, unicity, hash}`).
 */
export function contactKeys(reference: unknown): ContactKeys {
	if (reference === null || typeof reference !== 'object') return {};
	const { type, value } = reference as IDataObject;
	const text = (v: unknown) => (v === undefined || v === null ? undefined : Array.isArray(v) ? v.map(String).join('|') : String(v));
	if (type === 'footprint' || type === undefined) {
		const { id, unicity, hash } = reference as IDataObject;
		return { id: text(id), unicity: text(unicity), hash: text(hash) };
	}
	if (type === 'contact') return contactKeys({ type: 'footprint', ...(value as IDataObject) });
	if (type === 'id') return { id: text(value) };
	if (type === 'unicity') return { unicity: text(value) };
	if (type === 'hash') return { hash: text(value) };
	return {};
}

/** Whether two contact references agree on a key both know (unicity and hash compared case-insensitively). */
export function sameContact(a: ContactKeys, b: ContactKeys): boolean {
	const equal = (x?: string, y?: string, fold = false) => x !== undefined && y !== undefined && (fold ? x.toLowerCase() === y.toLowerCase() : x === y);
	return (
		equal(a.id, b.id) ||
		equal(a.unicity, b.unicity, true) ||
		equal(a.hash, b.hash, true) ||
		equal(a.address, b.unicity, true) ||
		equal(a.unicity, b.address, true)
	);
}

/**
 * Pairs NP6's per-recipient results with the requests they answer, by content: each result goes to
 * the first request not yet answered whose contact it names. NP6 promises no order, and an answer may
 * be shorter than the request; a request no result names gets `undefined`.
 */
export function matchResults<R>(requests: ContactKeys[], results: R[], keysOf: (result: R) => ContactKeys): Array<R | undefined> {
	const matched: Array<R | undefined> = new Array(requests.length).fill(undefined);
	for (const result of results) {
		const keys = keysOf(result);
		const index = requests.findIndex((request, i) => matched[i] === undefined && sameContact(request, keys));
		if (index >= 0) matched[index] = result;
	}
	return matched;
}
