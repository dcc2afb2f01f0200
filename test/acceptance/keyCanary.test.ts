/**
 * Key canary (issue 13): every operation of every node, and every feed of the trigger, runs with a
 * canary API key against an NP6 that fails it (401, 404, 409, 429 every time, 500, no answer before
 * the timeout), with Continue On Fail off and on. The key must appear in no output item, no error (its
 * message, description, cause, context, httpCode), no run data, and nothing n8n logs.
 *
 * Each run has its own key (a common random stem plus a run number), so each gets a fresh request
 * scheduler, as a credential of its own would, and runs can go in parallel; the scans look for the stem.
 */
import { randomBytes } from 'node:crypto';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy, NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';

import { MAYBE_SENT } from '../../nodes/Np6Action/actions/notification/send.operation';
import { Np6Trigger } from '../../nodes/Np6Trigger/Np6Trigger.node';
import type { FaultRule } from '../../simulator/core/faults';
import { captureLogs, type LogCapture } from '../harness/capturedLogs';
import { fileItem, pollTrigger, runNode, type Backend } from '../harness/engine';
import { everyOperation, overriddenOperations } from '../harness/everyOperation';
import { leaksOf } from '../harness/leakScan';
import { useSimulator } from '../harness/simulator';

/** Letters and digits only: no encoding (URL, JSON, header) changes it, so a leak cannot hide behind one. */
const CANARY = `canary${randomBytes(12).toString('hex')}`;
/** For the checks that plant a secret on purpose: never mixed up with the canary. */
const PLANTED = `planted${randomBytes(12).toString('hex')}`;

interface Failure {
	name: string;
	/** The fault the simulator injects into every request; none for 401, which comes from the key itself. */
	fault?: FaultRule;
	/** What the node's error (message, then description) says when NP6 really answered, or failed to answer, this way. */
	expected: RegExp;
	requestOptions: IDataObject;
}

/** A send whose answer is lost is reported as maybe sent, not with NP6's status. */
const maybeSent = MAYBE_SENT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A 429 is waited out for at most 0.5 s (100 ms, then 200 ms: up to 3 attempts); a timeout of 0.1 s against answers held for 2 s.
const TIGHT = { waitBudget: 0.5 };
const failures: Failure[] = [
	{ name: '401 (key refused)', expected: /^NP6 401: /, requestOptions: TIGHT },
	{ name: '404', fault: { kind: 'status', status: 404 }, expected: /^NP6 404: /, requestOptions: TIGHT },
	{ name: '409', fault: { kind: 'status', status: 409 }, expected: /^NP6 409: /, requestOptions: TIGHT },
	{ name: '429 on every attempt', fault: { kind: 'status', status: 429 }, expected: /^NP6 429: [^\n]*\nNP6 refused this request \d+ time/, requestOptions: TIGHT },
	{ name: '500', fault: { kind: 'status', status: 500 }, expected: new RegExp(`^(NP6 500: |${maybeSent})`), requestOptions: TIGHT },
	{
		name: 'timeout',
		fault: { kind: 'delay', delayMs: 2000 },
		expected: new RegExp(`^(NP6 request failed: NP6 did not answer before the timeout|${maybeSent})`),
		requestOptions: { ...TIGHT, timeout: 0.1 },
	},
];
const modes = [
	{ name: 'Continue On Fail off', continueOnFail: false },
	{ name: 'Continue On Fail on', continueOnFail: true },
];

const operations = everyOperation();
const feeds = (new Np6Trigger().description.properties.find((p) => p.name === 'feed')?.options ?? []) as Array<{ value: string }>;
const pollModes = ['manual', 'trigger'] as const;

/** Run numbers: failures × modes × operations, then failures × poll modes × feeds. */
const runsPerFailure = modes.length * operations.length + pollModes.length * feeds.length;
const keyOf = (failure: number, run: number) => `${CANARY}r${failure * runsPerFailure + run}`;
/** The simulator accepts every run's key except the 401 runs'. */
const acceptedKeys = failures.flatMap((failure, f) => (failure.fault ? Array.from({ length: runsPerFailure }, (_, run) => keyOf(f, run)) : []));

const simulator = useSimulator({ apiKeys: [...acceptedKeys, 'sim-np6-key'] });
/** Not the simulator object: a plain backend keeps these runs out of the observed-operations coverage. */
const backend = (apiKey: string): Backend => ({ url: simulator().url, apiKey });

interface Outcome {
	label: string;
	/** The node's error message, or the Continue On Fail item's. */
	message?: string;
	leaks: string[];
}

let logs: LogCapture;
const totals = { runs: 0, ms: 0 };

beforeAll(() => {
	logs = captureLogs();
});
afterAll(() => {
	logs.stop();
	console.log(`key canary: ${totals.runs} runs (${operations.length} operations × ${failures.length} failures × ${modes.length} modes + ${feeds.length} trigger feeds × ${failures.length} failures × ${pollModes.length} poll modes) in ${Math.round(totals.ms / 100) / 10} s`);
});
beforeEach(() => {
	simulator().server.faults.clear();
});

async function inBatches<T>(tasks: Array<() => Promise<T>>, size: number): Promise<T[]> {
	const results: T[] = [];
	for (let start = 0; start < tasks.length; start += size) results.push(...(await Promise.all(tasks.slice(start, start + size).map((task) => task()))));
	return results;
}

/** The node's error, or the Continue On Fail item's: message, then description. */
function messageOf(error: unknown, items: Array<{ json: IDataObject }>): string | undefined {
	if (error) return [(error as Error).message, (error as { description?: string }).description ?? ''].join('\n');
	const failed = items.find((item) => typeof item.json.error === 'string');
	return failed ? [failed.json.error, failed.json.details ?? ''].join('\n') : undefined;
}

describe.each(failures.map((failure, f) => [failure.name, failure, f] as const))('NP6 answers %s', (_, failure, f) => {
	test('no operation, in either mode, shows the key anywhere; each one really reached NP6', async () => {
		if (failure.fault) simulator().server.addFault(failure.fault);
		const started = Date.now();
		const tasks = modes.flatMap((mode, m) =>
			operations.map((operation, o) => async (): Promise<Outcome> => {
				const key = keyOf(f, m * operations.length + o);
				const parameters = { ...operation.parameters, requestOptions: failure.requestOptions };
				const result = await runNode(backend(key), { type: operation.type, parameters, continueOnFail: mode.continueOnFail }, [fileItem('Email\ncanary.file@example.com\n')]);
				return {
					label: `${operation.label} (${mode.name})`,
					message: messageOf(result.error, result.items),
					leaks: leaksOf({ items: result.items, error: result.error, run: result.run }, CANARY),
				};
			}),
		);
		const outcomes = await inBatches(tasks, 64);
		totals.runs += outcomes.length;
		totals.ms += Date.now() - started;

		expect(outcomes.filter((o) => o.leaks.length > 0).map((o) => `${o.label}: ${o.leaks.join(', ')}`)).toEqual([]);
		// Only an error saying how NP6 answered proves the run reached NP6 with the canary as its key: the simulator
		// answers 401 to any key but the run's own, so a 404, 409, 429, 500 or timeout says the canary was sent.
		expect(outcomes.filter((o) => !failure.expected.test(o.message ?? '')).map((o) => `${o.label}: ${o.message ?? 'no error'}`)).toEqual([]);
		expect(outcomes).toHaveLength(operations.length * modes.length);
	});

	test('no poll of the trigger, test fetch or active, shows the key; each one reached NP6', async () => {
		if (failure.fault) simulator().server.addFault(failure.fault);
		const started = Date.now();
		const tasks = pollModes.flatMap((mode, m) =>
			feeds.map(({ value: feed }, i) => async (): Promise<Outcome> => {
				const key = keyOf(f, modes.length * operations.length + m * feeds.length + i);
				const parameters = { feed, pollOptions: { lookBackHours: 1 }, requestOptions: failure.requestOptions };
				let items: unknown;
				let error: unknown;
				try {
					items = await pollTrigger(backend(key), { type: 'np6Trigger', parameters }, {}, mode);
				} catch (thrown) {
					error = thrown;
				}
				return { label: `trigger ${feed} (${mode})`, message: error ? messageOf(error, []) : undefined, leaks: leaksOf({ items, error }, CANARY) };
			}),
		);
		const outcomes = await inBatches(tasks, 64);
		totals.runs += outcomes.length;
		totals.ms += Date.now() - started;

		expect(outcomes.filter((o) => o.leaks.length > 0).map((o) => `${o.label}: ${o.leaks.join(', ')}`)).toEqual([]);
		expect(outcomes.filter((o) => !failure.expected.test(o.message ?? '')).map((o) => `${o.label}: ${o.message ?? 'no error'}`)).toEqual([]);
		expect(outcomes).toHaveLength(feeds.length * pollModes.length);
	});
});

test("nothing n8n logged during the runs shows the key, and the capture did catch the engine's logs and error reports", () => {
	expect(logs.entries.filter((entry) => leaksOf(entry, CANARY).length > 0).map((entry) => `${entry.channel} ${entry.level}: ${entry.message.slice(0, 200)}`)).toEqual([]);
	const logged = logs.entries.filter((entry) => entry.channel === 'logger');
	// WorkflowExecute's own debug lines (LoggerProxy) and ErrorReporter's report of each node error (DI Logger).
	expect(logged.some((entry) => entry.level === 'debug' && /Start executing node "NP6"/.test(entry.message))).toBe(true);
	expect(logged.some((entry) => entry.level === 'error' && /^NP6 500: /.test(entry.message))).toBe(true);
});

test('every operation was run, and every override names an operation that exists', () => {
	expect(operations.length).toBeGreaterThanOrEqual(100);
	expect(new Set(operations.map((o) => o.label)).size).toBe(operations.length);
	const labels = new Set(operations.map((o) => o.label));
	expect(overriddenOperations.filter((label) => !labels.has(label))).toEqual([]);
	expect(feeds.length).toBeGreaterThan(0);
});

describe('the scans can fail', () => {
	test('a planted secret is found wherever an error, an item or a log entry could carry it', () => {
		const cause = new Error(`request failed with headers {"X-Key":"${PLANTED}"}`);
		const apiError = new NodeApiError({ id: '1', name: 'NP6', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} }, { message: 'NP6 500' }, { message: 'NP6 500' });
		Object.defineProperty(apiError, 'hidden', { value: { options: { headers: { 'X-Key': PLANTED } } }, enumerable: false });
		const withCause = new NodeOperationError(apiError.node, 'failed', { description: 'see cause' });
		withCause.cause = cause;
		expect(leaksOf(withCause, PLANTED)).not.toEqual([]);
		expect(leaksOf(apiError, PLANTED)).toEqual(['$.hidden.options.headers.X-Key']);
		expect(leaksOf({ binary: { data: { data: Buffer.from(`key=${PLANTED}`).toString('base64') } } }, PLANTED)).not.toEqual([]);
		expect(leaksOf(new Map([['headers', new Set([Buffer.from(PLANTED)])]]), PLANTED)).not.toEqual([]);
		expect(leaksOf({ message: 'NP6 401: NP6 refused the API key', context: { itemIndex: 0 } }, PLANTED)).toEqual([]);
	});

	test('a run whose request path carries the secret is caught in its error, its Continue On Fail item and its run data', async () => {
		simulator().server.addFault({ kind: 'status', status: 404 });
		const parameters = { resource: 'timeZone', operation: 'get', timeZone: { __rl: true, mode: 'id', value: PLANTED }, requestOptions: TIGHT };
		const stopped = await runNode(backend('sim-np6-key'), { type: 'np6Setting', parameters });
		expect(stopped.error?.message).toMatch(/^NP6 404: /);
		expect(leaksOf(stopped.error, PLANTED)).not.toEqual([]);
		expect(leaksOf(stopped.run, PLANTED)).not.toEqual([]);
		const continued = await runNode(backend('sim-np6-key'), { type: 'np6Setting', parameters, continueOnFail: true });
		expect(leaksOf(continued.items, PLANTED)).not.toEqual([]);
	});

	test("the log capture finds a secret logged through the engine's logger, the DI logger and the console", () => {
		const before = logs.entries.length;
		LoggerProxy.warn('planted', { headers: { 'X-Key': PLANTED } });
		Container.get(Logger).error(`planted ${PLANTED}`);
		console.error(`planted ${PLANTED}`);
		const planted = logs.entries.slice(before).filter((entry) => leaksOf(entry, PLANTED).length > 0);
		expect(planted.map((entry) => `${entry.channel} ${entry.level}`).sort()).toEqual(['console error', 'logger error', 'logger warn']);
	});
});
