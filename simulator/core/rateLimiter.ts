export const RESET_FORMATS = ['epochMs', 'epochSeconds', 'delaySeconds', 'retryAfter', 'none'] as const;

/**
 * How the limiter tells its state. The first three write NP6's three X-RateLimit-* headers and differ
 * only in X-RateLimit-Reset (NP6 does not document its unit); 'retryAfter' writes only `Retry-After:
 * <seconds>` on a 429; 'none' writes no rate-limit header at all.
 */
export type ResetFormat = (typeof RESET_FORMATS)[number];

export interface RateLimitConfig {
	/** Requests allowed per window and per API key. */
	limit: number;
	windowMs?: number;
	resetFormat?: ResetFormat;
	/** A new limit from some point of the run on: give either afterMs or afterRequests. */
	change?: LimitChange;
}

/**
 * The limiter a simulator runs unless told otherwise: NP6 may send the three X-RateLimit-* headers on
 * any answer, so clients see them in every test; the limit is high enough never to slow one down.
 */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = { limit: 10_000, windowMs: 1000, resetFormat: 'epochMs' };

export interface LimitChange {
	limit: number;
	/** Milliseconds after the limiter was configured. */
	afterMs?: number;
	/** Requests allowed by the limiter, all keys together. */
	afterRequests?: number;
}

export interface RateLimitVerdict {
	allowed: boolean;
	headers: Record<string, string>;
}

/** A fixed-window limiter per API key. */
export class RateLimiter {
	private readonly windows = new Map<string, { start: number; count: number }>();
	private allowedRequests = 0;

	constructor(
		private readonly config: RateLimitConfig,
		private readonly configuredAt = Date.now(),
	) {
		const problem = rateLimitConfigProblem(config);
		if (problem) throw new Error(`invalid rate limit: ${problem}`);
	}

	check(apiKey: string, now = Date.now()): RateLimitVerdict {
		const windowMs = this.config.windowMs ?? 1000;
		const start = Math.floor(now / windowMs) * windowMs;
		let window = this.windows.get(apiKey);
		if (!window || window.start !== start) {
			window = { start, count: 0 };
			this.windows.set(apiKey, window);
		}
		const allowed = window.count < this.limitAt(now);
		if (allowed) {
			window.count++;
			this.allowedRequests++;
		}
		// Read again: this very request may be the one after which the limit changes.
		const limit = this.limitAt(now);
		const state = { limit, remaining: Math.max(0, limit - window.count), resetAt: start + windowMs, now };
		return { allowed, headers: rateLimitHeaders(this.config.resetFormat ?? 'epochMs', allowed, state) };
	}

	private limitAt(now: number): number {
		const change = this.config.change;
		if (!change) return this.config.limit;
		const changed =
			change.afterRequests !== undefined
				? this.allowedRequests >= change.afterRequests
				: now - this.configuredAt >= (change.afterMs ?? 0);
		return changed ? change.limit : this.config.limit;
	}
}

interface WindowState {
	limit: number;
	remaining: number;
	resetAt: number;
	now: number;
}

function rateLimitHeaders(format: ResetFormat, allowed: boolean, state: WindowState): Record<string, string> {
	switch (format) {
		case 'none':
			return {};
		case 'retryAfter':
			return allowed ? {} : { 'Retry-After': String(secondsUntil(state.resetAt, state.now)) };
		default:
			return {
				'X-RateLimit-Limit': String(state.limit),
				'X-RateLimit-Remaining': String(state.remaining),
				'X-RateLimit-Reset': formatReset(state.resetAt, state.now, format),
			};
	}
}

function formatReset(resetAt: number, now: number, format: ResetFormat): string {
	if (format === 'epochSeconds') return String(Math.ceil(resetAt / 1000));
	if (format === 'delaySeconds') return String(secondsUntil(resetAt, now));
	return String(resetAt);
}

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/** Why a value (from code, a control request or the CLI) is not a usable RateLimitConfig; undefined when it is. */
export function rateLimitConfigProblem(value: unknown): string | undefined {
	if (!isObject(value)) return 'expected an object such as {"limit":5}';
	if (!isWholeNumber(value.limit)) return `limit must be a whole number ≥ 0, got ${show(value.limit)}`;
	if (value.windowMs !== undefined && !isPositive(value.windowMs)) return `windowMs must be a number > 0, got ${show(value.windowMs)}`;
	if (value.resetFormat !== undefined && !RESET_FORMATS.includes(value.resetFormat as ResetFormat)) {
		return `resetFormat must be one of ${RESET_FORMATS.join(', ')}, got ${show(value.resetFormat)}`;
	}
	return value.change === undefined ? undefined : limitChangeProblem(value.change);
}

function limitChangeProblem(change: unknown): string | undefined {
	if (!isObject(change)) return 'change must be an object such as {"limit":2,"afterMs":10000}';
	if (!isWholeNumber(change.limit)) return `change.limit must be a whole number ≥ 0, got ${show(change.limit)}`;
	if ((change.afterMs === undefined) === (change.afterRequests === undefined)) {
		return 'change needs exactly one of afterMs and afterRequests';
	}
	if (change.afterMs !== undefined && !(isFiniteNumber(change.afterMs) && change.afterMs >= 0)) {
		return `change.afterMs must be a number ≥ 0, got ${show(change.afterMs)}`;
	}
	if (change.afterRequests !== undefined && !isWholeNumber(change.afterRequests)) {
		return `change.afterRequests must be a whole number ≥ 0, got ${show(change.afterRequests)}`;
	}
	return undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isWholeNumber = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isPositive = (value: unknown) => isFiniteNumber(value) && value > 0;
const show = (value: unknown) => JSON.stringify(value) ?? String(value);
