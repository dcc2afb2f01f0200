/** The rate limiter's header styles and a limit that changes during a run, as a throughput benchmark uses them. */
import { request } from 'undici';

import { startSimulator } from '../../simulator';
import { DEFAULT_RATE_LIMIT, RateLimiter, rateLimitConfigProblem, type RateLimitConfig } from '../../simulator/core/rateLimiter';
import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';
import { inOneWindow, sleep } from './limiterWindow';

const simulator = useSimulator();
const call = httpClient(simulator);

afterEach(() => simulator().server.setRateLimit(undefined));

type Headers = Record<string, string | string[] | undefined>;
const rateLimitHeaderNames = (headers: Headers) => Object.keys(headers).filter((name) => /^(x-ratelimit-|retry-after$)/.test(name));

/** Configures the limiter, then sends `count` GET /fields in one window. */
const burst = (config: RateLimitConfig, count: number) =>
	inOneWindow(config.windowMs ?? 1000, async () => {
		simulator().server.setRateLimit(config);
		const answers = [];
		for (let i = 0; i < count; i++) answers.push(await call('GET', '/fields'));
		return answers;
	});

describe('the default limiter', () => {
	const X_RATE_LIMIT = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

	test('without a configured limit, every answer after the key check carries the three X-RateLimit-* headers (reset in epoch ms)', async () => {
		const [fields, missing, refused] = [
			await call('GET', '/fields'),
			await call('GET', '/targets/NOPE0000'),
			await call('POST', '/targets', { body: 'x', headers: { 'content-type': 'text/plain' } }),
		];
		expect([fields.status, missing.status, refused.status]).toEqual([200, 404, 415]);
		for (const answer of [fields, missing, refused]) expect(rateLimitHeaderNames(answer.headers).sort()).toEqual(X_RATE_LIMIT);
		expect(fields.headers['x-ratelimit-limit']).toBe('10000');
		expect(Number(fields.headers['x-ratelimit-remaining'])).toBeLessThan(10_000);
		expect(Number(fields.headers['x-ratelimit-reset'])).toBeGreaterThan(1e12);
		expect(DEFAULT_RATE_LIMIT).toEqual({ limit: 10_000, windowMs: 1000, resetFormat: 'epochMs' });
	});

	test('a 401 carries none: the key that would be limited is unknown', async () => {
		expect(rateLimitHeaderNames((await call('GET', '/fields', { key: 'wrong' })).headers)).toEqual([]);
	});

	test('setRateLimit(null) turns the limiter off (no header, no 429); setRateLimit(undefined) brings the default back', async () => {
		simulator().server.setRateLimit(null);
		expect(rateLimitHeaderNames((await call('GET', '/fields')).headers)).toEqual([]);
		simulator().server.setRateLimit(undefined);
		expect((await call('GET', '/fields')).headers['x-ratelimit-limit']).toBe('10000');
	});

	test('PUT /_simulator/rate-limit with null turns it off', async () => {
		const put = await request(`${simulator().url}/_simulator/rate-limit`, { method: 'PUT', body: 'null' });
		expect(await put.body.json()).toEqual({ rateLimit: null });
		expect(rateLimitHeaderNames((await call('GET', '/fields')).headers)).toEqual([]);
	});

	test('startSimulator({ rateLimit: false }) runs without a limiter', async () => {
		const unlimited = await startSimulator({ rateLimit: false, seed: 'empty' });
		try {
			const answer = await request(`${unlimited.url}/fields`, { headers: { 'X-Key': unlimited.apiKey } });
			await answer.body.text();
			expect(answer.statusCode).toBe(200);
			expect(rateLimitHeaderNames(answer.headers)).toEqual([]);
		} finally {
			await unlimited.close();
		}
	});
});

describe('reset formats', () => {
	test("'retryAfter': no X-RateLimit-* header; only a 429 carries Retry-After, in whole seconds", async () => {
		const [allowed, refused] = await burst({ limit: 1, windowMs: 60_000, resetFormat: 'retryAfter' }, 2);
		expect([allowed.status, refused.status]).toEqual([200, 429]);
		expect(rateLimitHeaderNames(allowed.headers)).toEqual([]);
		expect(rateLimitHeaderNames(refused.headers)).toEqual(['retry-after']);
		expect(refused.headers['retry-after']).toMatch(/^\d+$/);
		expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
		expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
		expect(refused.text).toBe('');
	});

	test("'retryAfter' never says 0: at least 1 second, even just before the window resets", () => {
		const limiter = new RateLimiter({ limit: 0, windowMs: 1000, resetFormat: 'retryAfter' });
		expect(limiter.check('key', 999).headers).toEqual({ 'Retry-After': '1' });
		expect(new RateLimiter({ limit: 0, windowMs: 5000, resetFormat: 'retryAfter' }).check('key', 500).headers).toEqual({
			'Retry-After': '5',
		});
	});

	test("'none': no rate-limit header on any answer; the 429 is empty and carries nothing else", async () => {
		const [allowed, refused] = await burst({ limit: 1, windowMs: 60_000, resetFormat: 'none' }, 2);
		expect([allowed.status, refused.status]).toEqual([200, 429]);
		expect(rateLimitHeaderNames(allowed.headers)).toEqual([]);
		expect(refused.text).toBe('');
		const transportHeaders = ['connection', 'content-length', 'date', 'keep-alive', 'x-request-id'];
		expect(Object.keys(refused.headers).filter((name) => !transportHeaders.includes(name))).toEqual([]);
		expect(refused.headers['content-length']).toBe('0');
	});
});

describe('a limit that changes during a run', () => {
	test('after N allowed requests the limit is the new one, and the headers advertise it from the Nth answer on', async () => {
		const answers = await burst({ limit: 3, windowMs: 60_000, change: { limit: 5, afterRequests: 3 } }, 6);
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
		expect(answers.map((a) => a.headers['x-ratelimit-limit'])).toEqual(['3', '3', '5', '5', '5', '5']);
		expect(answers.map((a) => a.headers['x-ratelimit-remaining'])).toEqual(['2', '1', '2', '1', '0', '0']);
	});

	test('after N allowed requests, the following windows allow only the new limit', () => {
		const limiter = new RateLimiter({ limit: 2, windowMs: 100, change: { limit: 1, afterRequests: 4 } });
		const windowAt = (now: number, requests: number) =>
			Array.from({ length: requests }, () => limiter.check('key', now).allowed);
		expect(windowAt(0, 3)).toEqual([true, true, false]);
		expect(windowAt(100, 3)).toEqual([true, true, false]);
		expect(windowAt(200, 3)).toEqual([true, false, false]);
		expect(windowAt(300, 2)).toEqual([true, false]);
	});

	test('refused requests do not count towards afterRequests', () => {
		const limiter = new RateLimiter({ limit: 1, windowMs: 100, change: { limit: 3, afterRequests: 2 } });
		expect([0, 0, 0, 0].map((now) => limiter.check('key', now).allowed)).toEqual([true, false, false, false]);
		expect([100, 100, 100].map((now) => limiter.check('key', now).allowed)).toEqual([true, true, true]);
	});

	test('once afterMs has passed since it was configured, a window allows the new limit', async () => {
		simulator().server.setRateLimit({ limit: 1, windowMs: 100, change: { limit: 3, afterMs: 200 } });
		expect((await call('GET', '/fields')).headers['x-ratelimit-limit']).toBe('1');
		await sleep(250);
		const answers = await inOneWindow(100, async () => {
			const sent = [];
			for (let i = 0; i < 4; i++) sent.push(await call('GET', '/fields'));
			return sent;
		});
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
		expect(answers.map((a) => a.headers['x-ratelimit-limit'])).toEqual(['3', '3', '3', '3']);
	});

	test('afterMs counts from when the limiter is configured, not from the first request', () => {
		const configuredAt = 10_000;
		const limiter = new RateLimiter({ limit: 1, windowMs: 100, change: { limit: 2, afterMs: 200 } }, configuredAt);
		expect([10_050, 10_050].map((now) => limiter.check('key', now).allowed)).toEqual([true, false]);
		expect([10_199, 10_199].map((now) => limiter.check('key', now).allowed)).toEqual([true, false]);
		expect([10_200, 10_200, 10_200].map((now) => limiter.check('key', now).allowed)).toEqual([true, true, false]);
	});
});

describe('configuration', () => {
	test('PUT /_simulator/rate-limit takes a change and the new formats', async () => {
		const config: RateLimitConfig = { limit: 1, windowMs: 60_000, resetFormat: 'retryAfter', change: { limit: 2, afterRequests: 1 } };
		const answers = await inOneWindow(60_000, async () => {
			const put = await request(`${simulator().url}/_simulator/rate-limit`, { method: 'PUT', body: JSON.stringify(config) });
			expect(put.statusCode).toBe(200);
			expect(await put.body.json()).toEqual({ rateLimit: config });
			return [await call('GET', '/fields'), await call('GET', '/fields'), await call('GET', '/fields')];
		});
		expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
		expect(rateLimitHeaderNames(answers[1].headers)).toEqual([]);
		expect(rateLimitHeaderNames(answers[2].headers)).toEqual(['retry-after']);
	});

	test('PUT /_simulator/rate-limit refuses an invalid config with a 400 that says why, and keeps the current one', async () => {
		simulator().server.setRateLimit({ limit: 1, windowMs: 60_000, resetFormat: 'none' });
		const put = async (body: unknown) => {
			const response = await request(`${simulator().url}/_simulator/rate-limit`, { method: 'PUT', body: JSON.stringify(body) });
			return { status: response.statusCode, body: (await response.body.json()) as { error?: string } };
		};
		expect(await put({ limit: 1, change: { limit: 2 } })).toEqual({ status: 400, body: { error: expect.stringMatching(/afterMs/) } });
		expect(await put({ limit: 1, resetFormat: 'iso8601' })).toEqual({ status: 400, body: { error: expect.stringMatching(/resetFormat/) } });
		expect((await call('GET', '/fields')).headers['x-ratelimit-limit']).toBeUndefined();
	});

	test.each([
		[{ limit: 5 }, undefined],
		[{ limit: 5, windowMs: 100, resetFormat: 'none', change: { limit: 0, afterMs: 0 } }, undefined],
		[{ limit: 5, change: { limit: 2, afterRequests: 10 } }, undefined],
		[null, /object/],
		[{ limit: -1 }, /limit/],
		[{ limit: 2.5 }, /limit/],
		[{ limit: 5, windowMs: 0 }, /windowMs/],
		[{ limit: 5, resetFormat: 'seconds' }, /resetFormat/],
		[{ limit: 5, change: { limit: 2 } }, /exactly one/],
		[{ limit: 5, change: { limit: 2, afterMs: 10, afterRequests: 10 } }, /exactly one/],
		[{ limit: 5, change: { limit: 2, afterRequests: 1.5 } }, /afterRequests/],
		[{ limit: 5, change: { limit: 2, afterMs: -1 } }, /afterMs/],
		[{ limit: 5, change: { afterMs: 10 } }, /change\.limit/],
	])('rateLimitConfigProblem(%j)', (config, problem) => {
		if (problem === undefined) expect(rateLimitConfigProblem(config)).toBeUndefined();
		else expect(rateLimitConfigProblem(config)).toMatch(problem);
	});

	test('setRateLimit throws on an invalid config', () => {
		expect(() => simulator().server.setRateLimit({ limit: 1, change: { limit: 2 } })).toThrow(/exactly one/);
	});
});
