/**
 * Operations that wait for NP6 (Import Contacts From File, Validate for Sending): their settings are
 * checked before anything is sent, Max Wait bounds every wait, only a known final state is success,
 * and NP6's asynchronous test phase is waited for, not misread.
 */
import { fileItem, runNode, type RunOptions } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const state = () => simulator().state;
const log = () => simulator().server.log;
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

const importFile = (file: string, options: Record<string, unknown> = {}, run: RunOptions = {}) =>
	runNode(
		simulator(),
		{
			type: 'np6Contact',
			parameters: { resource: 'import', operation: 'importFromFile', binaryPropertyName: 'data', separator: ';', updateExisting: true, options: { pollInterval: 1, ...options } },
		},
		[fileItem(file)],
		run,
	);

async function draftAction(name: string): Promise<string> {
	const created = await runNode(simulator(), {
		type: 'np6Action',
		parameters: {
			resource: 'action',
			operation: 'create',
			type: 'mailMessage',
			name,
			senderEmail: 'news@shop.example.com',
			senderLabel: 'Example Shop',
			subject: 'Hello',
			additionalFields: { html: '<p>Hello</p>', templatingVersion: 4.1 },
		},
	});
	if (created.error) throw new Error(created.error.message);
	return String(created.items[0].json.id);
}

const validate = (id: string, options: Record<string, unknown> = {}) =>
	runNode(simulator(), {
		type: 'np6Action',
		parameters: { resource: 'action', operation: 'validate', action: byId(id), phases: 'both', testSegment: byId(state().segments.byName('Test recipients')!.id), options: { pollInterval: 1, ...options } },
	});

beforeEach(() => {
	log().clear();
	state().imports.executionDelayMs = 300;
	state().actions.testStartDelayMs = 50;
	state().actions.validationDelayMs = 300;
});

describe('poll settings', () => {
	test.each([
		['Max Wait (Seconds)', { maxWait: 0 }],
		['Max Wait (Seconds)', { maxWait: 'soon' }],
		['Poll Interval (Seconds)', { pollInterval: 0 }],
		['Poll Interval (Seconds)', { pollInterval: Number.NaN }],
	])('%s %j is refused before anything is sent', async (label, options) => {
		const result = await importFile('Email\nsettings@example.com', options);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain(`"${label}"`);
		expect(log().entries).toHaveLength(0);
	});
});

describe('Import Contacts From File', () => {
	test('Max Wait bounds the wait: the item fails saying NP6 is still importing', async () => {
		state().imports.executionDelayMs = 10_000;
		const result = await importFile('Email\nslow.import@example.com', { maxWait: 1 });
		expect(result.error?.message).toMatch(/still importing after 1 s/);
	});

	test('state 2 (error) fails the item with NP6\'s report', async () => {
		const result = await importFile('Email;LoyaltyPoints\nnot-an-email;1', {});
		expect(result.error?.message).toMatch(/could not import the file .* state 2/);
	});

	test('a state NP6 does not document is an error, never a success', async () => {
		state().imports.executionDelayMs = 10_000;
		const running = importFile('Email\nodd.state@example.com', { maxWait: 20 });
		const until = Date.now() + 10_000;
		while (!log().handled('import.execute').length && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
		const definition = [...state().imports.definitions.values()].at(-1)!;
		state().imports.lastExecution(definition.id)!.state = 7 as never;
		const result = await running;
		expect(result.error?.message).toMatch(/unknown state for import .*: 7/);
	});

	test('a stopped execution stops the wait at once, and asks NP6 nothing more', async () => {
		state().imports.executionDelayMs = 60_000;
		const started = Date.now();
		const result = await importFile('Email\nstopped@example.com', { maxWait: 600, pollInterval: 30 }, { cancelAfterMs: 500 });
		// Without cancellation the node would sleep its 30 s poll interval (and jest would time out first).
		expect(Date.now() - started).toBeLessThan(15_000);
		expect(log().handled('import.getLastExecution')).toHaveLength(1);
		expect(result.error?.message ?? result.run.status).toMatch(/stopped|canceled/);
	});

	test('an empty or non-numeric value in a number column is refused before upload, naming row and column', async () => {
		const result = await importFile('Email;LoyaltyPoints\nok@example.com;12\nbad@example.com;many', { pollInterval: 1 });
		expect(result.error?.message).toBe('Row 3 of the file, column "LoyaltyPoints", holds "many": the field LoyaltyPoints takes a number');
		const empty = await importFile('Email;LoyaltyPoints\nempty@example.com;', {});
		expect(empty.error?.message).toMatch(/Row 2 of the file, column "LoyaltyPoints", holds no value/);
		expect(log().handled('import.create')).toHaveLength(0);
		expect(log().handled('import.uploadSource')).toHaveLength(0);
	});
});

describe('Validate for Sending', () => {
	test('NP6 still shows state 20 right after accepting the test phase: the node waits for it to move', async () => {
		state().actions.testStartDelayMs = 1500;
		const id = await draftAction('Late start');
		const result = await validate(id);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ state: 50, phasesRun: ['test', 'production'] });
	});

	test('a failed test phase says so, and the production phase is not asked for', async () => {
		const id = await draftAction('Failing test send');
		state().actions.failingTests.add(id);
		const result = await validate(id);
		expect(result.error?.message).toMatch(/test phase of action .* did not pass: the action is back in state 20/);
		expect(log().handled('action.validate').map((e) => (e.body as { fortest: boolean }).fortest)).toEqual([true]);
	});

	test('Max Wait bounds the test phase', async () => {
		state().actions.validationDelayMs = 10_000;
		const id = await draftAction('Slow test send');
		const result = await validate(id, { maxWait: 1 });
		expect(result.error?.message).toMatch(/has not finished after 1 s/);
	});
});
