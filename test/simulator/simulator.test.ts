/** The simulator answers as the catalogue says NP6 does; checked with a plain HTTP client. */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { request } from 'undici';

import { startSimulator } from '../../simulator';
import { catalogueOperation } from '../../simulator/catalogue';
import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();

const call = httpClient(simulator);

beforeEach(() => {
	simulator().server.setRateLimit(undefined);
	simulator().server.faults.clear();
});

describe('protocol', () => {
	test('401 without or with a wrong X-Key, with an empty body', async () => {
		for (const key of [null, 'wrong']) {
			const response = await call('GET', '/fields', { key });
			expect(response.status).toBe(401);
			expect(response.text).toBe('');
		}
	});

	test('every answer carries a fresh x-request-id', async () => {
		const ids = [await call('GET', '/fields'), await call('GET', '/fields', { key: 'wrong' }), await call('GET', '/targets/NOPE0000')].map(
			(r) => r.headers['x-request-id'],
		);
		ids.forEach((id) => expect(id).toMatch(/^[0-9a-f-]{36}$/));
		expect(new Set(ids).size).toBe(3);
	});

	test('411 for a POST without Content-Length', async () => {
		const response = await request(`${simulator().url}/targets`, {
			method: 'POST',
			headers: { 'X-Key': simulator().apiKey, 'content-type': 'application/json' },
			// A stream has no known length, so it goes out chunked, without Content-Length.
			body: Readable.from([Buffer.from('{"Email":"chunked@example.com"}')]),
		});
		expect(response.statusCode).toBe(411);
	});

	test('415 for a media type the operation does not take', async () => {
		const response = await call('POST', '/targets', { body: 'Email=x', headers: { 'content-type': 'text/plain' } });
		expect(response.status).toBe(415);
		expect(catalogueOperation('target.create').requestContentType).toBe('application/json');
	});

	test('400 for malformed JSON, 404 for an unknown path', async () => {
		expect((await call('POST', '/targets', { body: '{"Email": ' })).status).toBe(400);
		expect((await call('GET', '/nothing/here')).status).toBe(404);
	});
});

describe('contacts (/targets)', () => {
	test('create is keyed by field name; the read shape nests values under fields, keyed by field id', async () => {
		const created = await call('POST', '/targets', { body: { Email: 'alice@example.com', City: 'Lyon' } });
		expect(created.status).toBe(200);
		const email = simulator().state.fields.byName('Email')!.id;
		const city = simulator().state.fields.byName('City')!.id;
		expect(created.json).toMatchObject({ fields: { [email]: 'alice@example.com', [city]: 'Lyon' } });
		expect(created.json.id).toMatch(/^[0-9A-Z]{8}$/);
		expect(created.json.hash).toBe(createHash('md5').update('alice@example.com').digest('hex'));

		const byId = await call('GET', `/targets/${created.json.id}`);
		const byUnicity = await call('GET', '/targets?unicity=alice%40example.com');
		const byHash = await call('GET', `/targets?hash=${created.json.hash}`);
		expect(byId.json).toEqual(created.json);
		// One object or a one-entry array: NP6 may answer either (see strictness.test.ts).
		expect([byUnicity.json].flat()).toEqual([created.json]);
		expect([byHash.json].flat()).toEqual([created.json]);
		expect(byUnicity.headers['content-type']).toBe('application/vnd.np6.experimental+json');
	});

	test('409 with an empty body when the contact exists', async () => {
		await call('POST', '/targets', { body: { Email: 'twice@example.com' } });
		const again = await call('POST', '/targets', { body: { Email: 'twice@example.com' } });
		expect(again.status).toBe(409);
		expect(again.text).toBe('');
	});

	test('400 for a fields-wrapped body, for a missing unicity and for an unknown field name', async () => {
		const email = simulator().state.fields.byName('Email')!.id;
		expect((await call('POST', '/targets', { body: { fields: { [email]: 'wrapped@example.com' } } })).status).toBe(400);
		expect((await call('POST', '/targets', { body: { City: 'Lyon' } })).status).toBe(400);
		expect((await call('POST', '/targets', { body: { Email: 'x@example.com', Shoe: 42 } })).status).toBe(400);
	});

	test('404 (misleadingly) for an invalid value of a valid field', async () => {
		expect((await call('POST', '/targets', { body: { Email: 'not-an-email' } })).status).toBe(404);
		expect((await call('POST', '/targets', { body: { Email: 'n@example.com', LoyaltyPoints: 'lots' } })).status).toBe(404);
	});

	test('update is keyed by field id; delete answers 204, then 404', async () => {
		const created = await call('POST', '/targets', { body: { Email: 'upd@example.com' } });
		const city = simulator().state.fields.byName('City')!.id;
		const updated = await call('PUT', `/targets/${created.json.id}`, { body: { [city]: 'Brest' } });
		expect(updated.json.fields[city]).toBe('Brest');
		expect((await call('PUT', `/targets/${created.json.id}`, { body: { City: 'Brest' } })).status).toBe(400);
		expect((await call('DELETE', `/targets/${created.json.id}`)).status).toBe(204);
		expect((await call('GET', `/targets/${created.json.id}`)).status).toBe(404);
	});

	test('count', async () => {
		const count = await call('GET', '/targets/count');
		expect(count.json).toEqual({ targetsCount: simulator().state.contacts.byId.size });
	});
});

describe('fields', () => {
	test('list, create (409 on a duplicate name), get, update, delete', async () => {
		const list = await call('GET', '/fields');
		expect(list.json.find((f: { isUnicity: boolean }) => f.isUnicity).name).toBe('Email');
		const created = await call('POST', '/fields', { body: { type: 'textField', name: 'Company', isUnicity: false, isMandatory: false } });
		expect(created.status).toBe(200);
		expect((await call('POST', '/fields', { body: { type: 'textField', name: 'Company' } })).status).toBe(409);
		expect((await call('POST', '/fields', { body: { type: 'colour', name: 'Hue' } })).status).toBe(400);
		expect((await call('GET', `/fields/${created.json.id}`)).json.name).toBe('Company');
		expect((await call('PUT', `/fields/${created.json.id}`, { body: { type: 'textArea', name: 'Company' } })).json.type).toBe('textArea');
		expect((await call('DELETE', `/fields/${created.json.id}`)).status).toBe(204);
		expect((await call('GET', `/fields/${created.json.id}`)).status).toBe(404);
	});
});

describe('rate limiter', () => {
	test.each([
		['epochMs', (v: number) => v > 1e12],
		['epochSeconds', (v: number) => v > 1e9 && v < 1e12],
		['delaySeconds', (v: number) => v >= 1 && v <= 2],
	] as const)('emits the three headers (%s reset) and refuses with an empty 429', async (resetFormat, resetLooksRight) => {
		simulator().server.setRateLimit({ limit: 2, windowMs: 1000, resetFormat });
		// Start at the beginning of a window so the three requests share it.
		await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
		const answers = [await call('GET', '/fields'), await call('GET', '/fields'), await call('GET', '/fields')];
		expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
		expect(answers.map((a) => a.headers['x-ratelimit-remaining'])).toEqual(['1', '0', '0']);
		expect(answers[2].headers['x-ratelimit-limit']).toBe('2');
		expect(answers[2].text).toBe('');
		expect(resetLooksRight(Number(answers[2].headers['x-ratelimit-reset']))).toBe(true);
	});

	test('is per key', async () => {
		const other = await startSimulator({ apiKeys: ['key-a', 'key-b'], rateLimit: { limit: 1, windowMs: 60_000 } });
		try {
			const statuses = [];
			for (const key of ['key-a', 'key-a', 'key-b']) {
				statuses.push((await request(`${other.url}/fields`, { headers: { 'X-Key': key } })).statusCode);
			}
			expect(statuses).toEqual([200, 429, 200]);
		} finally {
			await other.close();
		}
	});
});

describe('fault injection and the request log', () => {
	test('a burst of 429s on one route, then normal answers', async () => {
		simulator().server.addFault({ kind: 'status', status: 429, operation: 'field.list', times: 2, headers: { 'Retry-After': '1' } });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await call('GET', '/fields')).status);
		expect(statuses).toEqual([429, 429, 200]);
		expect((await call('GET', '/targets/count')).status).toBe(200);
	});

	test('faults at a chosen rate are deterministic for a seed', async () => {
		const pattern = async () => {
			const sim = await startSimulator({ faultSeed: 7 });
			try {
				sim.server.addFault({ kind: 'status', status: 500, rate: 0.3 });
				const statuses = [];
				for (let i = 0; i < 40; i++) statuses.push((await request(`${sim.url}/fields`, { headers: { 'X-Key': sim.apiKey } })).statusCode);
				return statuses;
			} finally {
				await sim.close();
			}
		};
		const first = await pattern();
		expect(first.filter((s) => s === 500).length).toBeGreaterThan(4);
		expect(first.filter((s) => s === 500).length).toBeLessThan(24);
		expect(await pattern()).toEqual(first);
	});

	test('"after" faults let NP6 act and lose the answer; the log tells', async () => {
		simulator().server.log.clear();
		simulator().server.addFault({ kind: 'reset', operation: 'target.create', phase: 'after', times: 1 });
		await expect(call('POST', '/targets', { body: { Email: 'lost.answer@example.com' } })).rejects.toThrow();
		expect(simulator().state.contacts.find({ unicity: 'lost.answer@example.com' })).toBeDefined();
		const [entry] = simulator().server.log.entries;
		expect(entry).toMatchObject({ operation: 'target.create', handled: true, interference: 'reset', body: { Email: 'lost.answer@example.com' } });
	});

	test('malformed bodies and delays', async () => {
		simulator().server.addFault({ kind: 'malformed', operation: 'field.list', times: 1 });
		simulator().server.addFault({ kind: 'delay', delayMs: 300, operation: 'target.count', times: 1 });
		const malformed = await request(`${simulator().url}/fields`, { headers: { 'X-Key': simulator().apiKey } });
		const text = await malformed.body.text();
		expect(text.length).toBeGreaterThan(0);
		expect(() => JSON.parse(text)).toThrow();
		const started = Date.now();
		expect((await call('GET', '/targets/count')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	test('control endpoints configure a simulator in another process', async () => {
		const control = (method: string, path: string, body?: unknown) =>
			request(`${simulator().url}/_simulator/${path}`, { method: method as 'GET', body: body === undefined ? undefined : JSON.stringify(body) });
		await control('DELETE', 'requests');
		await control('POST', 'faults', { kind: 'status', status: 503, operation: 'target.count', times: 1 });
		expect((await call('GET', '/targets/count')).status).toBe(503);
		const entries = (await (await control('GET', 'requests')).body.json()) as Array<{ operation: string; status: number }>;
		expect(entries).toEqual([expect.objectContaining({ operation: 'target.count', status: 503 })]);
		await control('PUT', 'rate-limit', { limit: 1, windowMs: 60_000 });
		expect((await call('GET', '/targets/count')).status).toBe(200);
		expect((await call('GET', '/targets/count')).status).toBe(429);
		await control('PUT', 'rate-limit', null);
		expect((await call('GET', '/targets/count')).status).toBe(200);
	});
});
