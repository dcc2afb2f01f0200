import {
	backoffMs,
	delayAfter429,
	rateLimitRemaining,
	rateLimitResetMs,
	retryAfterMs,
} from '../../nodes/shared/transport/rateLimit';

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

	test('Retry-After wins over X-RateLimit-Reset, which wins over backoff', () => {
		const both = { 'retry-after': '1', 'x-ratelimit-reset': '9' };
		expect(delayAfter429(both, 0, NOW)).toBe(1000);
		expect(delayAfter429({ 'x-ratelimit-reset': '9' }, 0, NOW)).toBe(9000);
		expect(delayAfter429({}, 3, NOW, () => 0.5)).toBe(4000);
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
