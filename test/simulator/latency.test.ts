/** Simulated network latency: half on the way to NP6, half on the way back, on NP6 requests only. */
import { request } from 'undici';

import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator({ latencyMs: 200 });
const call = httpClient(simulator);

afterEach(() => simulator().server.setLatency(200));

const timed = async <T>(action: () => Promise<T>) => {
	const started = Date.now();
	const result = await action();
	return { result, ms: Date.now() - started };
};

test('with latencyMs 200 a request takes at least 190 ms, a refused one too', async () => {
	const answered = await timed(() => call('GET', '/fields'));
	expect(answered.result.status).toBe(200);
	expect(answered.ms).toBeGreaterThanOrEqual(190);
	const refused = await timed(() => call('GET', '/fields', { key: 'wrong' }));
	expect(refused.result.status).toBe(401);
	expect(refused.ms).toBeGreaterThanOrEqual(190);
});

test('half of it passes before the request reaches NP6, half before its answer comes back', async () => {
	simulator().server.log.clear();
	const sent = Date.now();
	await call('GET', '/fields');
	const received = Date.now();
	const [entry] = simulator().server.log.entries;
	expect(entry.at - sent).toBeGreaterThanOrEqual(95);
	expect(received - entry.at).toBeGreaterThanOrEqual(95);
});

test('the first half passes before the limiter: it judges the request as of its arrival', async () => {
	const server = simulator().server;
	server.setLatency(400);
	// Sent at once, the request arrives 200 ms later, when the limit has already dropped to 0.
	server.setRateLimit({ limit: 1, windowMs: 60_000, change: { limit: 0, afterMs: 100 } });
	try {
		expect((await call('GET', '/fields')).status).toBe(429);
	} finally {
		server.setRateLimit(undefined);
	}
});

test('setLatency and PUT /_simulator/latency change it at run time; control requests have none', async () => {
	simulator().server.setLatency(600);
	expect((await timed(() => call('GET', '/fields'))).ms).toBeGreaterThanOrEqual(590);

	const put = await request(`${simulator().url}/_simulator/latency`, { method: 'PUT', body: JSON.stringify({ ms: 1000 }) });
	expect(put.statusCode).toBe(200);
	expect(await put.body.json()).toEqual({ ms: 1000 });
	expect((await timed(() => call('GET', '/fields'))).ms).toBeGreaterThanOrEqual(990);
	const control = await timed(() => request(`${simulator().url}/_simulator/requests`).then((r) => r.body.text()));
	// Even one leg of the latency (500 ms) would show.
	expect(control.ms).toBeLessThan(500);
});

test('PUT /_simulator/latency refuses anything but {"ms": <number ≥ 0>}', async () => {
	for (const body of [{}, { ms: -5 }, { ms: '200' }, null]) {
		const response = await request(`${simulator().url}/_simulator/latency`, { method: 'PUT', body: JSON.stringify(body) });
		expect(response.statusCode).toBe(400);
		expect(await response.body.json()).toEqual({ error: expect.stringMatching(/ms/) });
	}
});

test('setLatency throws on a negative or non-finite latency', () => {
	expect(() => simulator().server.setLatency(-1)).toThrow(/latency/);
	expect(() => simulator().server.setLatency(Number.NaN)).toThrow(/latency/);
});
