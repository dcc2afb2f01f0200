import type { SimRequest } from '../core/types';
import { joinUnicity } from '../state/contacts';
import { parseDate, type DateWindow } from '../state/dates';

/** How a request names one contact; resolved with `ContactStore.find`. */
export type ContactReference = { id?: string; unicity?: string; hash?: string };

/** The value as an object (not an array), or undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function queryValues(request: SimRequest, name: string): string[] | undefined {
	const value = request.query[name];
	return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}

export function queryValue(request: SimRequest, name: string): string | undefined {
	return queryValues(request, name)?.[0];
}

/** `?unicity=`, repeated once per unicity criterion when there are several. */
export function queryUnicity(request: SimRequest): string | undefined {
	const values = queryValues(request, 'unicity');
	return values && joinUnicity(values);
}

/** A non-negative integer given as a number or as digits; undefined otherwise. */
export function asInteger(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
	return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/** An integer id from the path; undefined when it is not one (NP6 then finds nothing: 404). */
export function pathInteger(request: SimRequest, name: string): number | undefined {
	return asInteger(request.params[name]);
}

/**
 * A `[start, end)` date window from two query keys (ISO dates or epoch ms); either end may be absent.
 * Undefined when a given value is unreadable (400).
 */
export function queryWindow(request: SimRequest, startName: string, endName: string): DateWindow | undefined {
	const [start, end] = [startName, endName].map((name) => queryValue(request, name));
	const window = { start: parseDate(start), end: parseDate(end) };
	if ((start !== undefined && !window.start) || (end !== undefined && !window.end)) return undefined;
	return window;
}

/** The request's media type, lower-case, without parameters. */
export function mediaType(request: SimRequest): string {
	const value = request.headers['content-type'];
	return String(Array.isArray(value) ? value[0] : (value ?? '')).split(';')[0].trim().toLowerCase();
}

/** Whether the Accept header names this exact media type (not through a wildcard), with a weight above 0. */
export function accepts(request: SimRequest, mediaType: string): boolean {
	const accept = request.headers.accept;
	const values = Array.isArray(accept) ? accept : [accept ?? ''];
	return values.some((value) =>
		value.split(',').some((range) => {
			const [type, ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
			const refused = parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter.replace(/\s/g, '')));
			return type === mediaType && !refused;
		}),
	);
}

/**
 * A contact named in a body: a footprint `{type:"footprint", id?, unicity?, hash?}` or
 * `{type:"id"|"unicity"|"hash", value}` (a unicity value may be an array, one string per criterion).
 */
export function contactReference(value: unknown): ContactReference | undefined {
	const ref = asObject(value);
	if (!ref) return undefined;
	if (ref.type === 'footprint') {
		const { id, unicity, hash } = ref;
		const named = Object.entries({ id, unicity, hash }).filter(([, v]) => typeof v === 'string' && v !== '');
		return named.length > 0 ? Object.fromEntries(named) : undefined;
	}
	if (ref.type === 'unicity') {
		const parts = Array.isArray(ref.value) ? ref.value : [ref.value];
		return parts.length > 0 && parts.every((p) => typeof p === 'string') ? { unicity: joinUnicity(parts) } : undefined;
	}
	if ((ref.type === 'id' || ref.type === 'hash') && typeof ref.value === 'string') return { [ref.type]: ref.value };
	return undefined;
}

/**
 * The recipient of an action send or render (catalogue model `Recipient`): as `contactReference`, except
 * that a unicity value must be an array; a plain string gives 400.
 */
export function recipientReference(value: unknown): ContactReference | undefined {
	const ref = asObject(value);
	if (ref?.type === 'unicity' && !Array.isArray(ref.value)) return undefined;
	return contactReference(value);
}

/**
 * How notifications name a contact: `{type:"contact", value:{id?, unicity?, hash?}}` (executions) or
 * `{id?, unicity?, hash?}` (render receivers); the action recipient forms are accepted too.
 */
export function notificationContact(value: unknown): ContactReference | undefined {
	const ref = asObject(value);
	if (!ref) return undefined;
	if (ref.type === 'contact') return contactReference({ ...asObject(ref.value), type: 'footprint' });
	if (ref.type === undefined) return contactReference({ ...ref, type: 'footprint' });
	return recipientReference(ref);
}
