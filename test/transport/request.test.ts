/**
 * The one request helper, exercised the way n8n runs it: the NP6 Contact node in n8n-core's engine,
 * against the simulator with injected faults. Waits are real; the simulator's request log shows when
 * each attempt arrived, so a test sees how long the helper waited.
 */
import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';
import { forgetSchedulers } from '../../nodes/shared/transport/scheduler';

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
/** Milliseconds between consecutive arrivals of the requests to one operation. */
const gaps = (operation: string) =>
	log()
		.entries.filter((e) => e.operation === operation)
		.map((e, i, all) => (i === 0 ? 0 : e.at - all[i - 1].at))
		.slice(1);

beforeEach(() => {
	forgetSchedulers();
	log().clear();
	simulator().server.faults.clear();
	simulator().server.setRateLimit(undefined);
});

describe('429: refused requests are repeated after the wait NP6 asks for', () => {
	test('X-RateLimit-Reset in epoch milliseconds is exact: the retry comes at the reset, not before', async () => {
		const resetAt = Date.now() + 1200;
		simulator().server.addFault({ kind: 'status', status: 429, headers: { 'X-RateLimit-Reset': String(resetAt) }, operation: 'field.list', times: 1 });
		const result = await runNode(simulator(), listFields());
		expect(result.error).toBeUndefined();
		expect(log().entries.map((e) => e.status)).toEqual([429, 200]);
		expect(log().entries[1].at).toBeGreaterThanOrEqual(resetAt - 5);
	});

	test.each([
		['Retry-After in seconds', () => ({ 'Retry-After': '2' }), 2000],
		['X-RateLimit-Reset as seconds to wait', () => ({ 'X-RateLimit-Reset': '2' }), 2000],
		['X-RateLimit-Reset as epoch seconds', () => ({ 'X-RateLimit-Reset': String(Math.ceil((Date.now() + 2000) / 1000)) }), 1000],
	])('%s is approximate (whole seconds): the retry comes from the earliest moment it can mean', async (_, headers, earliestMs) => {
		simulator().server.addFault({ kind: 'status', status: 429, headers: headers(), operation: 'field.list', times: 1 });
		const result = await runNode(simulator(), listFields());
		expect(result.error).toBeUndefined();
		expect(log().entries.map((e) => e.status)).toEqual([429, 200]);
		expect(gaps('field.list')[0]).toBeGreaterThanOrEqual(earliestMs - 1000 - 5);
	});

	test.each([
		['no header at all', {}],
		['Retry-After: 0', { 'Retry-After': '0' }],
		['a reset already past', { 'X-RateLimit-Reset': String(Date.now() - 60_000) }],
	])('%s never makes a busy loop: the waits start at 100 ms and double', async (_, headers) => {
		simulator().server.addFault({ kind: 'status', status: 429, headers, operation: 'field.list', times: 4 });
		const result = await runNode(simulator(), listFields());
		expect(result.error).toBeUndefined();
		expect(log().count((e) => e.status === 429)).toBe(4);
		const waits = gaps('field.list');
		[100, 200, 400, 800].forEach((floor, i) => expect(waits[i]).toBeGreaterThanOrEqual(floor - 5));
	});

	test('a POST refused with 429 is repeated: nothing was done', async () => {
		simulator().server.addFault({ kind: 'status', status: 429, headers: { 'Retry-After': '1' }, operation: 'target.create', times: 2 });
		const result = await runNode(simulator(), upsert('refused.twice@example.com'));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.id).toMatch(/^[0-9A-Z]{8}$/);
		expect(log().handled('target.create')).toHaveLength(1);
		expect(log().count((e) => e.operation === 'target.create')).toBe(3);
	});

	test('a wait longer than the budget of one request fails the item at once, with a 429 that says so', async () => {
		simulator().server.addFault({ kind: 'status', status: 429, headers: { 'Retry-After': '100' }, operation: 'field.list' });
		const result = await runNode(simulator(), listFields({ waitBudget: 2 }));
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.message).toMatch(/rate limit/i);
		expect(result.error?.description).toMatch(/wait budget of 2 s for one request/);
		expect(log().entries).toHaveLength(1);
	});
});

describe('pacing', () => {
	test('starts are spread over the window NP6 advertises, so no 429 is seen', async () => {
		simulator().server.setRateLimit({ limit: 3, resetFormat: 'epochMs' });
		const result = await runNode(simulator(), listFields(), Array.from({ length: 10 }, () => ({})));
		expect(result.error).toBeUndefined();
		expect(log().handled('field.list')).toHaveLength(10);
		expect(log().count((e) => e.status === 429)).toBe(0);
		// Evenly spread (3 per second is one start every 333 ms), not bursts of 3 then a pause.
		gaps('field.list').slice(1).forEach((gap) => expect(gap).toBeGreaterThanOrEqual(150));
	});

	test('the wait budget bounds one request, not the run: a run far longer than it finishes', async () => {
		// 40 requests at 1 per 150 ms: the run takes about 6 s, twice the budget; each request waits
		// ~150 ms for its turn, 20 times less than the budget (room for a machine under load).
		simulator().server.setRateLimit({ limit: 1, windowMs: 150, resetFormat: 'epochMs' });
		const result = await runNode(simulator(), listFields({ waitBudget: 3 }), Array.from({ length: 40 }, () => ({})));
		expect(result.error).toBeUndefined();
		const handled = log().handled('field.list');
		expect(handled).toHaveLength(40);
		expect(handled[39].at - handled[0].at).toBeGreaterThan(4500);
	});
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
