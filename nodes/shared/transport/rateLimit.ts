/** Rate-limit arithmetic: pure functions, so every header variant is easy to test. */

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60_000;

type Headers = Record<string, unknown>;

function header(headers: Headers, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	if (Array.isArray(value)) return value[0] === undefined ? undefined : String(value[0]);
	return value === undefined || value === null ? undefined : String(value);
}

/** Retry-After: delay in seconds or an HTTP date. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
	const value = header(headers, 'retry-after');
	if (value === undefined || value.trim() === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * X-RateLimit-Reset, whose unit NP6 does not document: epoch milliseconds if > 1e12,
 * epoch seconds if > 1e9, otherwise a delay in seconds.
 */
export function rateLimitResetMs(headers: Headers, now = Date.now()): number | undefined {
	const value = Number(header(headers, 'x-ratelimit-reset'));
	if (!Number.isFinite(value) || value < 0 || header(headers, 'x-ratelimit-reset')?.trim() === '') return undefined;
	if (value > 1e12) return Math.max(0, value - now);
	if (value > 1e9) return Math.max(0, value * 1000 - now);
	return value * 1000;
}

export function rateLimitRemaining(headers: Headers): number | undefined {
	const value = header(headers, 'x-ratelimit-remaining');
	return value === undefined || value.trim() === '' ? undefined : Number(value);
}

/** Exponential backoff with full jitter: a random delay in [0, min(cap, base * 2^attempt)]. */
export function backoffMs(attempt: number, random = Math.random, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): number {
	return Math.round(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

export function requestIdOf(headers: Headers): string | undefined {
	return header(headers, 'x-request-id');
}

/** What one answer says about NP6's rate limit. Whole-second values are approximate (up to 1 s early). */
export interface RateSignal {
	limit?: number;
	remaining?: number;
	/** Time until the window resets, from X-RateLimit-Reset. */
	resetMs?: number;
	/** From Retry-After (429 only, usually). */
	retryAfterMs?: number;
	/** False when the reset or retry time was given in whole seconds, so the true moment may be up to 1 s earlier. */
	exact: boolean;
}

export function readRateSignal(headers: Headers, now = Date.now()): RateSignal {
	const limit = Number(header(headers, 'x-ratelimit-limit'));
	const retryAfter = header(headers, 'retry-after')?.trim();
	const reset = header(headers, 'x-ratelimit-reset')?.trim();
	const resetValue = Number(reset);
	const retryAfterMsValue = retryAfterMs(headers, now);
	const resetMsValue = rateLimitResetMs(headers, now);
	const resetExact = resetMsValue !== undefined && (resetValue > 1e12 || !Number.isInteger(resetValue));
	const retryExact = retryAfterMsValue !== undefined && retryAfter !== undefined && /^\d*\.\d+$/.test(retryAfter);
	return {
		limit: Number.isFinite(limit) && limit > 0 ? limit : undefined,
		remaining: rateLimitRemaining(headers),
		resetMs: resetMsValue,
		retryAfterMs: retryAfterMsValue,
		exact: retryAfterMsValue !== undefined ? retryExact : resetExact,
	};
}
