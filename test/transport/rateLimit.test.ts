import {
	backoffMs,
	rateLimitRemaining,
	rateLimitResetMs,
	readRateSignal,
	retryAfterMs,
} from '../../nodes/shared/transport/rateLimit';
import { waitAfter429 } from '../../nodes/shared/transport/scheduler';

const NOW = Date.parse('2026-11-27T10:00:00Z');

describe('reading NP6 rate-limit headers', () => {
	test('Retry-After in seconds', () => {
		expect(retryAfterMs({ 'retry-after': '7' }, NOW)).toBe(7000);
	});

	test('Retry-After as an HTTP date', () => {
		expect(retryAfterMs({ 'Retry-After': new Date(NOW + 4000).toUTCString() }, NOW)).toBe(4000);
	});

	test('X-RateLimit-Reset as epoch milliseconds', () => {
		expect(rateLimitResetMs({ 'x-ratelimit-reset': String(NOW + 2500) }, NOW)).toBe(2500);
	});

	test('X-RateLimit-Reset as epoch seconds', () => {
		expect(rateLimitResetMs({ 'X-RateLimit-Reset': String(NOW / 1000 + 3) }, NOW)).toBe(3000);
	});

	test('X-RateLimit-Reset as seconds to wait', () => {
		expect(rateLimitResetMs({ 'x-ratelimit-reset': '12' }, NOW)).toBe(12000);
	});

	test('a reset already in the past means no wait', () => {
		expect(rateLimitResetMs({ 'x-ratelimit-reset': String(NOW - 5000) }, NOW)).toBe(0);
	});

	test('garbage and absent headers are ignored', () => {
		expect(rateLimitResetMs({ 'x-ratelimit-reset': 'soon' }, NOW)).toBeUndefined();
		expect(retryAfterMs({}, NOW)).toBeUndefined();
		expect(rateLimitRemaining({})).toBeUndefined();
		expect(rateLimitRemaining({ 'x-ratelimit-remaining': '0' })).toBe(0);
	});

	test('what one answer says: the limit, and whether its moment is exact or in whole seconds', () => {
		expect(readRateSignal({ 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(NOW + 250) }, NOW)).toEqual({
			limit: 10,
			remaining: 0,
			resetMs: 250,
			retryAfterMs: undefined,
			exact: true,
		});
		expect(readRateSignal({ 'x-ratelimit-reset': String(NOW / 1000 + 2) }, NOW)).toMatchObject({ resetMs: 2000, exact: false });
		expect(readRateSignal({ 'x-ratelimit-reset': '2' }, NOW)).toMatchObject({ resetMs: 2000, exact: false });
		expect(readRateSignal({ 'x-ratelimit-reset': '0.25' }, NOW)).toMatchObject({ resetMs: 250, exact: true });
		expect(readRateSignal({ 'retry-after': '1', 'x-ratelimit-reset': String(NOW + 250) }, NOW)).toMatchObject({ retryAfterMs: 1000, exact: false });
		expect(readRateSignal({ 'x-ratelimit-limit': 'many' }, NOW).limit).toBeUndefined();
	});
});

describe('the wait after a 429', () => {
	const signal = (headers: Record<string, string>) => readRateSignal(headers, NOW);

	test('without a usable moment: at least 100 ms, doubling with each 429 of the request', () => {
		for (const headers of [{}, { 'retry-after': '0' }, { 'x-ratelimit-reset': String(NOW - 5000) }] as Array<Record<string, string>>) {
			expect([1, 2, 3, 4].map((refusals) => waitAfter429(signal(headers), refusals))).toEqual([100, 200, 400, 800]);
		}
	});

	test('an exact moment is waited for (never less than the floor)', () => {
		expect(waitAfter429(signal({ 'x-ratelimit-reset': String(NOW + 1200) }), 1)).toBe(1200);
		expect(waitAfter429(signal({ 'x-ratelimit-reset': String(NOW + 10) }), 1)).toBe(100);
	});

	test('whole seconds may be up to 1 s late: from the earliest moment, growing, never past the stated one', () => {
		expect([1, 2, 3, 4, 5, 6].map((refusals) => waitAfter429(signal({ 'retry-after': '1' }), refusals))).toEqual([100, 200, 400, 800, 1000, 1000]);
		expect(waitAfter429(signal({ 'retry-after': '5' }), 1)).toBe(4000);
	});
});

describe('exponential backoff with full jitter', () => {
	test('grows from about 1 s and is capped at 60 s', () => {
		const highest = () => 0.999999;
		expect(backoffMs(0, highest)).toBe(1000);
		expect(backoffMs(1, highest)).toBe(2000);
		expect(backoffMs(5, highest)).toBe(32000);
		expect(backoffMs(6, highest)).toBe(60000);
		expect(backoffMs(30, highest)).toBe(60000);
	});

	test('is spread over the whole interval', () => {
		expect(backoffMs(4, () => 0)).toBe(0);
		const samples = Array.from({ length: 200 }, () => backoffMs(4));
		expect(Math.min(...samples)).toBeLessThan(4000);
		expect(Math.max(...samples)).toBeGreaterThan(12000);
		expect(samples.every((s) => s >= 0 && s <= 16000)).toBe(true);
	});
});
