/** NP6 Scripting through n8n-core's engine: workflows and their parts, webtasks, compilables. */
import { randomUUID } from 'node:crypto';

import { Workflow, type IDataObject, type INode, type INodeTypes } from 'n8n-workflow';

import { Np6Scripting } from '../../nodes/Np6Scripting/Np6Scripting.node';
import type { WorkflowDocument } from '../../simulator/state/workflows';
import { loadOptions, runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const state = () => simulator().state;
const log = () => simulator().server.log;
const run = (resource: string, operation: string, parameters: IDataObject = {}, input?: Parameters<typeof runNode>[2], continueOnFail = false) =>
	runNode(simulator(), { type: 'np6Scripting', parameters: { resource, operation, ...parameters }, continueOnFail }, input);
const workflowRun = (operation: string, parameters: IDataObject = {}, input?: Parameters<typeof runNode>[2], continueOnFail = false) =>
	run('workflow', operation, parameters, input, continueOnFail);
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const UNKNOWN_WORKFLOW = byId(999999);

const nodes = [
	{ type: 'sendMail', id: 'welcome', name: 'Welcome', default: true, next: 'end' },
	{ type: 'terminal', id: 'end' },
];

beforeEach(() => {
	log().clear();
	simulator().server.faults.clear();
});

function workflow(name = 'Journey', extra: Partial<WorkflowDocument> = {}) {
	return state().workflows.create({ name, nodes: structuredClone(nodes), ...extra });
}

/** The node failed with NP6's status and this operation's meaning of it. */
function expectNp6Failure(result: Awaited<ReturnType<typeof runNode>>, status: number, meaning: RegExp) {
	expect(result.error?.httpCode).toBe(String(status));
	expect(result.error?.message).toMatch(meaning);
}

/** The node failed on a parameter, naming it, and NP6 was asked nothing. */
function expectRefused(result: Awaited<ReturnType<typeof runNode>>, message: RegExp) {
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toMatch(message);
	expect(log().entries).toHaveLength(0);
}

describe('Workflow', () => {
	test('Create sends the workflow as NP6 names its fields; Get and Get Many read it back', async () => {
		const created = await workflowRun('create', {
			name: 'Onboarding',
			additionalFields: {
				description: 'Three steps',
				state: 1,
				scripting: '{"version": "4"}',
				settings: '{}',
				nodes: JSON.stringify(nodes),
				listeners: '[{"id": "signup", "event": {"type": "creation"}, "handler": "welcome"}]',
				capping: '[{"increment": 1, "threshold": 3, "period": {"unit": "DAY", "value": 7}, "nodes": ["welcome"]}]',
				tasks: '[]',
			},
		});
		expect(created.error).toBeUndefined();
		expect(log().handled('workflow.create')[0].body).toEqual({
			name: 'Onboarding',
			description: 'Three steps',
			state: 1,
			scripting: { version: '4' },
			settings: {},
			nodes,
			listeners: [{ id: 'signup', event: { type: 'creation' }, handler: 'welcome' }],
			capping: [{ increment: 1, threshold: 3, period: { unit: 'DAY', value: 7 }, nodes: ['welcome'] }],
			tasks: [],
		});
		const { id } = created.items[0].json as { id: number };
		expect(state().workflows.byId.get(id)).toMatchObject({ name: 'Onboarding', state: 1, nodes });

		const got = await workflowRun('get', { workflow: byId(id) });
		expect(got.items.map((item) => item.json)).toEqual([created.items[0].json]);
		expect(got.items[0].pairedItem).toEqual({ item: 0 });

		const all = await workflowRun('getAll', { returnAll: true });
		expect(all.items.map((item) => item.json.name)).toEqual(expect.arrayContaining(['Welcome journey', 'Onboarding']));
		expect(all.items).toHaveLength(state().workflows.byId.size);
		expect((await workflowRun('getAll', { returnAll: false, limit: 1 })).items).toHaveLength(1);
	});

	test('Create: a body NP6 cannot read is its 400; JSON that is not JSON, or not an array, is refused before any request', async () => {
		const unknownType = await workflowRun('create', { name: 'Bad', additionalFields: { nodes: '[{"type": "teleport", "id": "a"}]' } });
		expectNp6Failure(unknownType, 400, /node type or capping unit it does not know/);
		log().clear();
		expectRefused(await workflowRun('create', { name: 'Bad', additionalFields: { nodes: '[{"type": ' } }), /"Nodes \(JSON\)" is not valid/);
		const notAnArray = await workflowRun('create', { name: 'Bad', additionalFields: { capping: '{"increment": 1}' } });
		expectRefused(notAnArray, /"Capping \(JSON\)" is not valid/);
		expect(notAnArray.error?.description).toMatch(/must be a JSON array, such as \[\{"increment"/);
		expectRefused(await workflowRun('create', { name: 'Bad', additionalFields: { settings: '[]' } }), /"Settings \(JSON\)" is not valid/);
		expectRefused(await workflowRun('create', { name: ' ' }), /"Name" is empty/);
		expectRefused(await workflowRun('create', { name: 'Bad', additionalFields: { state: '={{ 2 }}' } }), /"State" is not valid/);
	});

	test('Get Many: a failure of NP6 fails the item with its status', async () => {
		simulator().server.addFault({ kind: 'status', status: 400, operation: 'workflow.list', times: 1 });
		expectNp6Failure(await workflowRun('getAll', { returnAll: true }), 400, /NP6 400/);
	});

	test('an unknown workflow is a 404 for every operation that names one', async () => {
		const parameters = { workflow: UNKNOWN_WORKFLOW, name: 'x', additionalFields: { name: 'x' }, receiver: '000PKXK4', returnAll: true, nodes: '[]', capping: '[]', tasks: '[]', listeners: '[]' };
		const operations = ['get', 'update', 'patch', 'delete', 'duplicate', 'execute', ...['Nodes', 'Capping', 'Tasks', 'Listeners'].flatMap((part) => [`get${part}`, `replace${part}`])];
		for (const operation of operations) {
			const result = await workflowRun(operation, parameters);
			expect(`${operation}: ${result.error?.httpCode} ${result.error?.message}`).toBe(`${operation}: 404 NP6 404: NP6 has no workflow with this ID`);
		}
	});

	test('a workflow ID that is not a whole number is refused before any request', async () => {
		expectRefused(await workflowRun('get', { workflow: byId('={{ "abc" }}') }), /"Workflow" is not valid/);
	});

	test('Update replaces the whole workflow: parts left out are emptied', async () => {
		const { id, creationDate } = workflow('Before', { description: 'Old' });
		const updated = await workflowRun('update', { workflow: byId(id), name: 'After', additionalFields: { state: 1 } });
		expect(log().handled('workflow.update')[0].body).toEqual({ name: 'After', state: 1 });
		expect(updated.items[0].json).toMatchObject({ id, name: 'After', state: 1, nodes: [], creationDate });
		expect(updated.items[0].json).not.toHaveProperty('description');
	});

	test('Patch sends only the fields given; without any, nothing is sent', async () => {
		const { id } = workflow('Patched', { description: 'Kept' });
		const patched = await workflowRun('patch', { workflow: byId(id), additionalFields: { name: 'Renamed', tasks: '[]' } });
		expect(log().handled('workflow.patch')[0].body).toEqual({ name: 'Renamed', tasks: [] });
		expect(patched.items[0].json).toMatchObject({ id, name: 'Renamed', description: 'Kept', nodes });
		log().clear();
		expectRefused(await workflowRun('patch', { workflow: byId(id), additionalFields: {} }), /No field to change/);
		expectRefused(await workflowRun('patch', { workflow: byId(id), additionalFields: { description: '' } }), /No field to change/);
	});

	test('Delete removes the workflow; Duplicate copies it', async () => {
		const original = workflow('Original');
		const copy = await workflowRun('duplicate', { workflow: byId(original.id) });
		const copied = copy.items[0].json as { id: number };
		expect(copy.items[0].json).toMatchObject({ name: 'Original(1)', nodes });
		expect(copied.id).not.toBe(original.id);
		expect((await workflowRun('delete', { workflow: byId(original.id) })).items[0].json).toEqual({ success: true });
		expect(state().workflows.byId.has(original.id)).toBe(false);
		expect(state().workflows.byId.has(copied.id)).toBe(true);
	});

	const contacts = ['000PKXK4', '000PKXK5', '000PKXK6', '000PKXK7', '000PKXK8'];
	const executed = () => state().workflows.executions;
	const entriesFor = (workflowId: number) => executed().filter((e) => e.workflowId === workflowId).map((e) => e.entry);

	test("Execute (JSON) sends the item's executions with NP6's workflow media type and outputs NP6's answer, one item per entry", async () => {
		const { id } = workflow('Runs');
		const executions = [
			{ id: 'order-1', receiver: { type: 'id', value: '000PKXK4' }, node: 'welcome', data: { orderId: 'A-1' } },
			{ id: 'order-2', receiver: { type: 'id', value: '000PKXK5' } },
		];
		const result = await workflowRun('execute', { workflow: byId(id), define: 'json', executions: JSON.stringify(executions) });
		expect(result.error).toBeUndefined();
		const [request] = log().handled('workflow.execute');
		expect(request.body).toEqual(executions);
		expect(result.items.map((item) => item.json.id).sort()).toEqual(['order-1', 'order-2']);
		expect(result.items.every((item) => item.json.type === 'success')).toBe(true);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(entriesFor(id)).toEqual(executions);
	});

	test('Execute (fields): the items of each workflow are combined into one request; each answer is paired with its item by the execution ID the node gave it', async () => {
		const first = workflow('First');
		const second = workflow('Second');
		const input = contacts.map((contact, index) => ({ contact, journey: index % 2 === 0 ? first.id : second.id, order: `A-${index}` }));
		const result = await workflowRun('execute', {
			workflow: { __rl: true, mode: 'id', value: '={{ $json.journey }}' },
			receiver: '={{ $json.contact }}',
			additionalFields: { startNode: 'welcome', data: '={{ JSON.stringify({ orderId: $json.order }) }}' },
		}, input);
		expect(result.error).toBeUndefined();
		const requests = log().handled('workflow.execute');
		expect(requests.map((request) => request.path).sort()).toEqual([`/scripting/workflows/${first.id}/executions`, `/scripting/workflows/${second.id}/executions`].sort());
		const receivers = (workflowId: number) => entriesFor(workflowId).map((entry) => (entry.receiver as { value: string }).value);
		expect(receivers(first.id)).toEqual([contacts[0], contacts[2], contacts[4]]);
		expect(receivers(second.id)).toEqual([contacts[1], contacts[3]]);
		for (const entry of [...entriesFor(first.id), ...entriesFor(second.id)]) {
			expect(entry).toMatchObject({ receiver: { type: 'id' }, node: 'welcome' });
			expect(entry.id).toEqual(expect.stringMatching(/^n8n-.+-[1-5]$/));
		}
		// One output per item, paired with the item whose execution NP6's answer names.
		expect(result.items).toHaveLength(contacts.length);
		for (const item of result.items) {
			const { item: index } = item.pairedItem as { item: number };
			const recorded = executed().find((e) => e.id === item.json.id)!;
			expect(recorded.entry).toMatchObject({ receiver: { value: contacts[index] }, data: { orderId: `A-${index}` } });
			expect(recorded.workflowId).toBe(input[index].journey);
		}
	});

	test('Execute: "Executions per Request" bounds each request; "Combine Items" off sends one request per item', async () => {
		const { id } = workflow('Chunks');
		const input = contacts.map((contact) => ({ contact }));
		await workflowRun('execute', { workflow: byId(id), receiver: '={{ $json.contact }}', perRequest: 2 }, input);
		expect(log().handled('workflow.execute').map((request) => (request.body as unknown[]).length)).toEqual([2, 2, 1]);
		log().clear();
		await workflowRun('execute', { workflow: byId(id), receiver: '={{ $json.contact }}', combineItems: false }, input);
		expect(log().handled('workflow.execute').map((request) => (request.body as unknown[]).length)).toEqual([1, 1, 1, 1, 1]);
		expect(entriesFor(id)).toHaveLength(10);
	});

	test.each([true, false])('Execute (Combine Items %s): a bad item after good ones stops the node before any execution starts', async (combineItems) => {
		const { id } = workflow('Checked first');
		const input = [{ contact: contacts[0] }, { contact: contacts[1] }, { contact: 'not-a-contact' }];
		const result = await workflowRun('execute', { workflow: byId(id), receiver: '={{ $json.contact }}', combineItems }, input);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/"Contact ID" is not valid/);
		expect(log().entries).toHaveLength(0);
		expect(entriesFor(id)).toHaveLength(0);
	});

	test("Execute: NP6's 400 fails every item of the combined request, once; with Continue On Fail each item says so", async () => {
		const { id } = workflow('Runs');
		expectNp6Failure(await workflowRun('execute', { workflow: byId(id), define: 'json', executions: '[{"node": "nowhere"}]' }), 400, /startup node the workflow does not have/);
		expect(log().handled('workflow.execute')).toHaveLength(1);
		log().clear();
		const input = contacts.slice(0, 3).map((contact) => ({ contact }));
		const result = await workflowRun('execute', { workflow: byId(id), receiver: '={{ $json.contact }}', additionalFields: { startNode: 'nowhere' } }, input, true);
		expect(log().handled('workflow.execute')).toHaveLength(1);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toMatch(/startup node the workflow does not have/);
		expect(result.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(entriesFor(id)).toHaveLength(0);
	});

	test('Execute refuses bad input before any request: an object or an empty array for Executions (JSON), a malformed contact ID, Retry On Fail', async () => {
		const { id } = workflow('Runs');
		expectRefused(await workflowRun('execute', { workflow: byId(id), define: 'json', executions: '{"node": "welcome"}' }), /"Executions \(JSON\)" is not valid/);
		expectRefused(await workflowRun('execute', { workflow: byId(id), define: 'json', executions: '={{ "" }}' }), /"Executions \(JSON\)" is empty/);
		expectRefused(await workflowRun('execute', { workflow: byId(id), define: 'json', executions: '[]' }), /"Executions \(JSON\)" is an empty array/);
		expectRefused(await workflowRun('execute', { workflow: byId(id), receiver: 'jane@example.com' }), /"Contact ID" is not valid/);
		expectRefused(await workflowRun('execute', { workflow: byId(id), receiver: '000PKXK4', additionalFields: { data: '[1]' } }), /"Data \(JSON\)" is not valid/);
		const retried = await runNode(simulator(), { type: 'np6Scripting', retryOnFail: true, parameters: { resource: 'workflow', operation: 'execute', workflow: byId(id), receiver: '000PKXK4' } });
		expect(retried.error?.message).toMatch(/Retry On Fail/);
		expect(log().entries).toHaveLength(0);
		expect(entriesFor(id)).toHaveLength(0);
	});

	describe.each([
		['Nodes', 'nodes', [{ type: 'wait', id: 'pause', next: 'end' }, { type: 'terminal', id: 'end' }], '[{"type": "teleport"}]'],
		['Capping', 'capping', [{ increment: 1, threshold: 2, period: { unit: 'WEEK', value: 1 }, nodes: ['welcome'] }], '[{"period": {"unit": "FORTNIGHT"}}]'],
		['Tasks', 'tasks', [{ id: 'daily', schedulers: [{ minute: '0', hour: '8' }], handler: 'welcome' }], '[{"schedulers": [{"hour": 8}]}]'],
		['Listeners', 'listeners', [{ id: 'signup', event: { type: 'creation' }, handler: 'welcome' }], '[{"event": "creation"}]'],
	])('%s', (suffix, part, entries, unreadable) => {
		test(`Replace ${suffix} sends the array and outputs the ${part} NP6 stored; Get ${suffix} lists them`, async () => {
			const { id } = workflow(`${suffix} journey`);
			const replaced = await workflowRun(`replace${suffix}`, { workflow: byId(id), [part]: JSON.stringify(entries) });
			expect(log().handled(`workflow.update${suffix}`)[0].body).toEqual(entries);
			expect(replaced.items.map((item) => item.json)).toEqual([{ [part]: entries }]);
			expect(state().workflows.byId.get(id)![part as 'nodes']).toEqual(entries);
			const got = await workflowRun(`get${suffix}`, { workflow: byId(id), returnAll: true });
			expect(got.items.map((item) => item.json)).toEqual(entries);
		});

		test(`Replace ${suffix}: entries NP6 cannot read are its 400; not an array is refused before any request`, async () => {
			const { id } = workflow(`${suffix} journey`);
			expectNp6Failure(await workflowRun(`replace${suffix}`, { workflow: byId(id), [part]: unreadable }), 400, /NP6 could not read the workflow/);
			log().clear();
			expectRefused(await workflowRun(`replace${suffix}`, { workflow: byId(id), [part]: '{}' }), /\(JSON\)" is not valid/);
			expect(state().workflows.byId.get(id)!.nodes).toEqual(nodes);
		});
	});

	test('Get Nodes: Limit applies to what NP6 returned', async () => {
		const { id } = workflow('Limited');
		expect((await workflowRun('getNodes', { workflow: byId(id), returnAll: false, limit: 1 })).items.map((item) => item.json.id)).toEqual(['welcome']);
	});

	test('the workflow picker lists the workflows, filtered by name', async () => {
		const picked = workflow('Picker target');
		const { listSearch } = new Np6Scripting().methods;
		const node = { type: 'np6Scripting', parameters: { resource: 'workflow', operation: 'get' } };
		const all = await loadOptions(simulator(), node, listSearch.searchWorkflows);
		expect(all.results).toContainEqual({ name: 'Picker target', value: String(picked.id) });
		expect(all.results.map((r) => r.name)).toEqual([...all.results.map((r) => r.name)].sort((a, b) => a.localeCompare(b)));
		const filtered = await loadOptions(simulator(), node, listSearch.searchWorkflows, 'picker TARGET');
		expect(filtered.results).toEqual([{ name: 'Picker target', value: String(picked.id) }]);
	});

	test('Continue On Fail: the failing item becomes an error item paired with it; the others go on', async () => {
		const { id } = workflow('Paired');
		const result = await workflowRun('get', { workflow: byId('={{ $json.id }}') }, [{ id }, { id: 999999 }, { id }], true);
		expect(result.items.map((item) => [item.pairedItem, item.json.id ?? item.json.error])).toEqual([
			[{ item: 0 }, id],
			[{ item: 1 }, 'NP6 404: NP6 has no workflow with this ID'],
			[{ item: 2 }, id],
		]);
	});
});

describe('Webtask', () => {
	test('Patch sends only the fields given and outputs the webtask', async () => {
		const webtask = state().webtasks.add({ name: 'Hook', value: 'return 1;' });
		const patched = await run('webtask', 'patch', { webtaskId: String(webtask.id), additionalFields: { value: 'return 2;', scripting: '{"version": "7.0.0", "imports": null}' } });
		expect(log().handled('webtask.patch')[0].body).toEqual({ value: 'return 2;', scripting: { version: '7.0.0', imports: null } });
		expect(patched.items[0].json).toMatchObject({ id: webtask.id, name: 'Hook', value: 'return 2;' });
	});

	test('Patch: an unknown webtask is a 404; a bad ID, no field or bad JSON are refused before any request', async () => {
		expectNp6Failure(await run('webtask', 'patch', { webtaskId: '999999', additionalFields: { name: 'x' } }), 404, /NP6 has no webtask with this ID/);
		log().clear();
		expectRefused(await run('webtask', 'patch', { webtaskId: 'abc', additionalFields: { name: 'x' } }), /"Webtask ID" is not valid/);
		expectRefused(await run('webtask', 'patch', { webtaskId: '501', additionalFields: {} }), /No field to change/);
		expectRefused(await run('webtask', 'patch', { webtaskId: '501', additionalFields: { settings: '"text"' } }), /"Settings \(JSON\)" is not valid/);
	});
});

describe('Compilable', () => {
	const compilable = (name = 'Orders by day', value: Record<string, unknown> | undefined = { type: 'query', source: { table: 'orders' } }) =>
		state().compilables.create({ name, ...(value ? { value } : {}) });

	test('Create sends name, description and definition; Duplicate copies it', async () => {
		const created = await run('compilable', 'create', { name: 'Totals', additionalFields: { description: 'Daily', definition: '{"type": "query", "source": {}, "cursors": []}' } });
		expect(log().handled('compilable.create')[0].body).toEqual({ name: 'Totals', description: 'Daily', value: { type: 'query', source: {}, cursors: [] } });
		const { id } = created.items[0].json as { id: string };
		expect(state().compilables.byId.get(id)).toMatchObject({ name: 'Totals', description: 'Daily' });
		const copy = await run('compilable', 'duplicate', { compilableId: id });
		expect(copy.items[0].json).toMatchObject({ name: 'Totals(1)', value: { type: 'query' } });
		expect(copy.items[0].json.id).not.toBe(id);
	});

	test("Create: a definition NP6 cannot read is its 400", async () => {
		expectNp6Failure(await run('compilable', 'create', { name: 'Bad', additionalFields: { definition: '{"cursors": {}}' } }), 400, /NP6 could not read the compilable/);
	});

	test('Get Flaws outputs one item per flaw', async () => {
		const flawed = compilable('Flawed', {});
		const flaws = await run('compilable', 'getFlaws', { compilableId: flawed.id, returnAll: true });
		expect(flaws.items.map((item) => item.json.type).sort()).toEqual(['missingSource', 'missingType']);
		expect((await run('compilable', 'getFlaws', { compilableId: compilable().id, returnAll: true })).items).toEqual([]);
	});

	test("Execute sends the arguments and outputs NP6's result; Preview sends the definition wrapped in value", async () => {
		const { id } = compilable();
		const executed = await run('compilable', 'execute', { compilableId: id, arguments: '{"day": "2026-03-01"}' });
		expect(log().handled('compilable.execute')[0].body).toEqual({ day: '2026-03-01' });
		expect(executed.items.map((item) => item.json)).toEqual([{ type: 'success', arguments: { day: '2026-03-01' }, value: {} }]);
		const definition = { id, name: 'Draft', value: { type: 'query', preview: { day: '2026-01-01' } } };
		const previewed = await run('compilable', 'preview', { compilableId: id, definition: JSON.stringify(definition) });
		expect(log().handled('compilable.preview')[0].body).toEqual({ value: definition });
		expect(previewed.items[0].json).toEqual({ type: 'success', arguments: { day: '2026-01-01' }, value: {} });
	});

	test('an unknown compilable is a 404 for every operation that names one', async () => {
		const parameters = { compilableId: randomUUID(), arguments: '{}', definition: '{"name": "x"}', returnAll: true };
		for (const operation of ['getFlaws', 'duplicate', 'execute', 'preview']) {
			const result = await run('compilable', operation, parameters);
			expect(`${operation}: ${result.error?.httpCode} ${result.error?.message}`).toBe(`${operation}: 404 NP6 404: NP6 has no compilable with this ID`);
		}
	});

	test('a compilable ID that is not a UUID, arguments that are not an object, or no definition are refused before any request', async () => {
		const { id } = compilable();
		expectRefused(await run('compilable', 'getFlaws', { compilableId: '42', returnAll: true }), /"Compilable ID" is not valid/);
		expectRefused(await run('compilable', 'execute', { compilableId: id, arguments: '["day"]' }), /"Arguments \(JSON\)" is not valid/);
		expectRefused(await run('compilable', 'preview', { compilableId: id, definition: '' }), /"Compilable \(JSON\)" is empty/);
		expectRefused(await run('compilable', 'create', { name: '  ' }), /"Name" is empty/);
	});
});

test('the canvas subtitle names the operation and the resource', () => {
	const nodeType = new Np6Scripting();
	const subtitleOf = (resource: string, operation: string) => {
		const node: INode = { id: '1', name: 'NP6 Scripting', type: 'n8n-nodes-np6.np6Scripting', typeVersion: 1, position: [0, 0], parameters: { resource, operation } };
		const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle!, 'internal', {});
	};
	expect(subtitleOf('workflow', 'replaceTasks')).toBe('Replace Scheduler Tasks: Workflow');
	expect(subtitleOf('compilable', 'getFlaws')).toBe('Get Flaws: Compilable');
	expect(subtitleOf('webtask', 'patch')).toBe('Patch: Webtask');
});
