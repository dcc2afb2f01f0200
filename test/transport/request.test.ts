/**
 * The one request helper, exercised the way n8n runs it: the NP6 Contact node in n8n-core's engine,
 * against the simulator with injected faults. `sleep` is recorded instead of awaited where a test
 * only needs to know how long the helper chose to wait.
 */
import * as workflow from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const waits: number[] = [];
let realSleep = false;
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual('n8n-workflow');
	return {
		...actual,
		sleep: jest.fn(async (ms: number) => {
			waits.push(ms);
			if (realSleep) await actual.sleep(ms);
		}),
	};
});

const SECRET = 'SeCrEt-np6-key-0123456789';
const simulator = useSimulator({ apiKeys: [SECRET] });

const listFields = (requestOptions = {}) => ({
	type: 'np6Contact',
	parameters: { resource: 'field', operation: 'getAll', returnAll: true, requestOptions },
});
const upsert = (email: string) => ({
	type: 'np6Contact',
	parameters: {
		resource: 'contact',
		operation: 'upsert',
		fields: { mappingMode: 'defineBelow', value: { Email: email, City: 'Lyon' } },
	},
});

const log = () => simulator().server.log;

beforeEach(() => {
	waits.length = 0;
	realSleep = false;
	log().clear();
	simulator().server.faults.clear();
	simulator().server.setRateLimit(undefined);
});

describe('429: refused requests are repeated after the wait NP6 asks for', () => {
	test.each([
		['Retry-After (seconds)', { 'Retry-After': '2' }, 2000],
		['X-RateLimit-Reset as seconds to wait', { 'X-RateLimit-Reset': '3' }, 3000],
	])('%s', async (_, headers, expected) => {
		simulator().server.addFault({ kind: 'status', status: 429, headers, operation: 'field.list', times: 1 });
		const result = await runNode(simulator(), listFields());
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		expect(waits).toEqual([expected]);
		expect(log().entries.map((e) => e.status)).toEqual([429, 200]);
	});

	test.each([
		['epoch milliseconds', (at: number) => String(at)],
		['epoch seconds', (at: number) => String(Math.ceil(at / 1000))],
	])('X-RateLimit-Reset as %s', async (_, format) => {
		const resetAt = Date.now() + 4000;
		simulator().server.addFault({ kind: 'status', status: 429, headers: { 'X-RateLimit-Reset': format(resetAt) }, operation: 'field.list', times: 1 });
		const result = await runNode(simulator(), listFields());
		expect(result.error).toBeUndefined();
		expect(waits).toHaveLength(1);
		expect(waits[0]).toBeGreaterThan(2500);
		expect(waits[0]).toBeLessThanOrEqual(5000);
	});

	test('without any header: exponential backoff with jitter, about 1 s base', async () => {
		simulator().server.addFault({ kind: 'status', status: 429, operation: 'field.list', times: 3 });
		const result = await runNode(simulator(), listFields());
		expect(result.error).toBeUndefined();
		expect(waits).toHaveLength(3);
		waits.forEach((wait, attempt) => expect(wait).toBeLessThanOrEqual(1000 * 2 ** attempt));
		expect(log().count((e) => e.status === 429)).toBe(3);
	});

	test('a POST refused with 429 is repeated: nothing was done', async () => {
		simulator().server.addFault({ kind: 'status', status: 429, headers: { 'Retry-After': '1' }, operation: 'target.create', times: 2 });
		const result = await runNode(simulator(), upsert('refused.twice@example.com'));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.id).toMatch(/^[0-9A-Z]{8}$/);
		expect(log().handled('target.create')).toHaveLength(1);
		expect(log().count((e) => e.operation === 'target.create')).toBe(3);
	});

	test('the wait budget spent, the item fails with a 429 that says so', async () => {
		simulator().server.addFault({ kind: 'status', status: 429, headers: { 'Retry-After': '100' }, operation: 'field.list' });
		const result = await runNode(simulator(), listFields({ waitBudget: 250 }));
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.message).toMatch(/rate limit/i);
		expect(result.error?.description).toMatch(/wait budget of 250 s/);
		expect(waits).toEqual([100_000, 100_000]);
		expect(log().entries).toHaveLength(3);
	});
});

test('pacing: with X-RateLimit-Remaining at 0 the next request waits for the reset, so no 429 is seen', async () => {
	realSleep = true;
	simulator().server.setRateLimit({ limit: 3, resetFormat: 'epochMs' });
	const result = await runNode(simulator(), listFields(), Array.from({ length: 10 }, () => ({})));
	expect(result.error).toBeUndefined();
	expect(log().handled('field.list')).toHaveLength(10);
	expect(log().count((e) => e.status === 429)).toBe(0);
	expect(waits.length).toBeGreaterThanOrEqual(3);
});

describe('ambiguous failures: only requests that are safe to repeat are repeated', () => {
	test.each([
		['503', { kind: 'status' as const, status: 503 }],
		['a reset connection', { kind: 'reset' as const }],
		['a malformed body', { kind: 'malformed' as const }],
	])('a GET after %s is retried', async (_, fault) => {
		simulator().server.addFault({ ...fault, operation: 'field.list', times: 2 });
		const result = await runNode(simulator(), listFields());
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		expect(log().count((e) => e.operation === 'field.list')).toBe(3);
	});

	test('a GET that keeps failing gives up after 4 tries', async () => {
		simulator().server.addFault({ kind: 'status', status: 503, operation: 'field.list' });
		const result = await runNode(simulator(), listFields());
		expect(result.error?.httpCode).toBe('503');
		expect(result.error?.description).toMatch(/Tried 4 times/);
		expect(log().entries).toHaveLength(4);
	});

	test.each([
		['503 after NP6 acted', { kind: 'status' as const, status: 503, phase: 'after' as const }, /503/],
		['a reset connection after NP6 acted', { kind: 'reset' as const, phase: 'after' as const }, /reset/],
	])('a POST after %s is not repeated', async (_, fault, message) => {
		simulator().server.addFault({ ...fault, operation: 'target.create', times: 1 });
		const email = `ambiguous.${Math.random()}@example.com`;
		const result = await runNode(simulator(), upsert(email));
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(/may or may not have carried out this request/);
		expect(log().count((e) => e.operation === 'target.create')).toBe(1);
		expect(simulator().state.contacts.find({ unicity: email })).toBeDefined();
	});

	test('a POST that times out is not repeated', async () => {
		simulator().server.addFault({ kind: 'delay', delayMs: 2500, operation: 'target.create', times: 1 });
		const result = await runNode(simulator(), {
			...upsert('slow@example.com'),
			parameters: { ...upsert('slow@example.com').parameters, requestOptions: { timeout: 1 } },
		});
		expect(result.error?.message).toMatch(/did not answer before the timeout/);
		expect(log().count((e) => e.operation === 'target.create')).toBe(1);
	});
});

describe('errors', () => {
	test('carry the HTTP code, NP6\'s meaning and the x-request-id', async () => {
		const result = await runNode(simulator(), {
			type: 'np6Contact',
			parameters: { resource: 'contact', operation: 'get', findBy: 'id', contactId: 'ZZZZZZZZ' },
		});
		const [request] = log().entries;
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toMatch(/no contact with this ID/);
		expect(result.error?.description).toContain(request.requestId);
	});

	test('a wrong key gives a clear 401', async () => {
		const result = await runNode({ url: simulator().url, apiKey: 'wrong-key' }, listFields());
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toMatch(/refused the API key/);
	});

	test('the API key never appears in any output, error or log', async () => {
		const printed: string[] = [];
		const spies = [
			...(['log', 'warn', 'error', 'info', 'debug'] as const).map((level) =>
				jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' '))),
			),
			...[process.stdout, process.stderr].map((stream) =>
				jest.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
					printed.push(String(chunk));
					return true;
				}),
			),
		];
		try {
			const faults = [
				{ kind: 'status' as const, status: 503, operation: 'target.create', times: 1 },
				{ kind: 'reset' as const, operation: 'target.create', times: 1 },
				{ kind: 'status' as const, status: 429, headers: { 'Retry-After': '900' }, operation: 'target.create', times: 1 },
			];
			const runs = [];
			for (const fault of faults) {
				simulator().server.addFault(fault);
				runs.push(await runNode(simulator(), { ...upsert('leak@example.com'), continueOnFail: true }));
				runs.push(await runNode(simulator(), upsert('leak@example.com')));
				simulator().server.faults.clear();
			}
			runs.push(await runNode({ url: 'http://127.0.0.1:1', apiKey: SECRET }, listFields()));
			const everything = JSON.stringify(runs.map((r) => [r.items, r.error, r.run])) + printed.join('\n');
			expect(runs.some((r) => r.error || r.items.some((i) => i.json.error))).toBe(true);
			expect(everything).not.toContain(SECRET);
			expect(JSON.stringify(log().entries)).not.toContain(SECRET);
		} finally {
			spies.forEach((spy) => spy.mockRestore());
		}
	});

	test('a 200 with a malformed body on a POST fails clearly and is not repeated', async () => {
		simulator().server.addFault({ kind: 'malformed', operation: 'target.create', times: 1 });
		const result = await runNode(simulator(), upsert('malformed@example.com'));
		expect(result.error?.message).toMatch(/not valid JSON/);
		expect(log().count((e) => e.operation === 'target.create')).toBe(1);
	});
});

test('sleep comes from n8n-workflow', () => {
	expect(jest.isMockFunction(workflow.sleep)).toBe(true);
});
