export type ResetFormat = 'epochMs' | 'epochSeconds' | 'delaySeconds';

export interface RateLimitConfig {
	/** Requests allowed per window and per API key. */
	limit: number;
	windowMs?: number;
	/** How X-RateLimit-Reset is written: NP6 does not document its unit. */
	resetFormat?: ResetFormat;
}

export interface RateLimitVerdict {
	allowed: boolean;
	headers: Record<string, string>;
}

/** A fixed-window limiter per API key, emitting NP6's three X-RateLimit-* headers. */
export class RateLimiter {
	private readonly windows = new Map<string, { start: number; count: number }>();

	constructor(private readonly config: RateLimitConfig) {}

	check(apiKey: string, now = Date.now()): RateLimitVerdict {
		const windowMs = this.config.windowMs ?? 1000;
		const start = Math.floor(now / windowMs) * windowMs;
		let window = this.windows.get(apiKey);
		if (!window || window.start !== start) {
			window = { start, count: 0 };
			this.windows.set(apiKey, window);
		}
		const allowed = window.count < this.config.limit;
		if (allowed) window.count++;
		const resetAt = start + windowMs;
		return {
			allowed,
			headers: {
				'X-RateLimit-Limit': String(this.config.limit),
				'X-RateLimit-Remaining': String(this.config.limit - window.count),
				'X-RateLimit-Reset': formatReset(resetAt, now, this.config.resetFormat ?? 'epochMs'),
			},
		};
	}
}

function formatReset(resetAt: number, now: number, format: ResetFormat): string {
	if (format === 'epochSeconds') return String(Math.ceil(resetAt / 1000));
	if (format === 'delaySeconds') return String(Math.max(1, Math.ceil((resetAt - now) / 1000)));
	return String(resetAt);
}
