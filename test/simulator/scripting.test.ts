/** Scripting: workflows and their parts, executions (workflow-v4 media type), webtasks, compilables. */
import { randomUUID } from 'node:crypto';

import { catalogue } from '../../simulator/catalogue';
import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();
const call = httpClient(simulator);
const WORKFLOW_V4 = { 'content-type': 'application/vnd.np6.cm.workflow-v4' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const nodes = [
	{ type: 'sendMail', id: 'mail', name: 'Mail', default: true, next: 'end' },
	{ type: 'terminal', id: 'end' },
];

async function createWorkflow(extra: Record<string, unknown> = {}) {
	const created = await call('POST', '/scripting/workflows', { body: { name: 'Journey', nodes, ...extra } });
	if (created.status !== 200) throw new Error(`workflow not created: ${created.status}`);
	return created.json as { id: number; name: string; state: number; creationDate: string; updateDate: string };
}

async function createCompilable(extra: Record<string, unknown> = {}) {
	const created = await call('POST', '/scripting/compilables', { body: { name: 'Orders by day', value: { type: 'query', source: { table: 'orders' } }, ...extra } });
	if (created.status !== 200) throw new Error(`compilable not created: ${created.status}`);
	return created.json as { id: string; name: string; stamp: { creation: string } };
}

test('every operation of the three scripting sections has a known path and is implemented', () => {
	const operations = catalogue.sections.filter((s) => ['workflowmanagement', 'scriptingwebtask', 'scriptingcompilable'].includes(s.docSlug ?? '')).flatMap((s) => s.operations);
	expect(operations).toHaveLength(22);
	for (const { key, method } of operations) {
		expect([key, method]).not.toEqual([key, null]);
		expect(simulator().server.router.implementedOperations).toContain(key);
	}
});

describe('workflows', () => {
	test('create, get, list, update (full replacement), patch (partial), duplicate, delete', async () => {
		const created = await createWorkflow({ description: 'First', capping: [{ increment: 1, threshold: 3, period: { type: 'sliding', unit: 'DAY', value: 1 }, nodes: ['mail'] }], id: 5, creationDate: '2000-01-01T00:00:00Z' });
		expect(created).toMatchObject({ name: 'Journey', description: 'First', state: 0, nodes, tasks: [], listeners: [], settings: {}, scripting: {} });
		expect(created.id).not.toBe(5);
		expect(created.creationDate).not.toBe('2000-01-01T00:00:00Z');

		expect((await call('GET', `/scripting/workflows/${created.id}`)).json).toEqual(created);
		const listed = (await call('GET', '/scripting/workflows')).json as Array<{ id: number; name: string }>;
		expect(listed.map((w) => w.name)).toEqual(expect.arrayContaining(['Welcome journey', 'Journey']));

		const replaced = await call('PUT', `/scripting/workflows/${created.id}`, { body: { name: 'Renamed', state: 1 } });
		expect(replaced.json).toMatchObject({ id: created.id, name: 'Renamed', state: 1, nodes: [], capping: [], creationDate: created.creationDate });
		expect(replaced.json).not.toHaveProperty('description');

		const patched = await call('PATCH', `/scripting/workflows/${created.id}`, { body: { description: 'Patched', nodes } });
		expect(patched.json).toMatchObject({ name: 'Renamed', state: 1, description: 'Patched', nodes });
		expect((await call('PATCH', `/scripting/workflows/${created.id}`, { headers: { 'content-length': '0' } })).json).toMatchObject({ description: 'Patched' });

		const copy = await call('POST', `/scripting/workflows/${created.id}/duplication`, { headers: { 'content-length': '0' } });
		expect(copy.json).toMatchObject({ name: 'Renamed(1)', state: 0, description: 'Patched', nodes });
		expect(copy.json.id).not.toBe(created.id);

		expect((await call('DELETE', `/scripting/workflows/${created.id}`)).status).toBe(204);
		for (const [method, path] of [
			['GET', ''],
			['DELETE', ''],
			['GET', '/nodes'],
			['POST', '/duplication'],
		]) {
			expect([method, path, (await call(method, `/scripting/workflows/${created.id}${path}`, method === 'POST' ? { headers: { 'content-length': '0' } } : {})).status]).toEqual([method, path, 404]);
		}
	});

	test('bodies are checked against the catalogue: name, state 0|1, node types, capping units, arrays', async () => {
		const { id } = await createWorkflow();
		const refused: Array<[string, string, unknown]> = [
			['POST', '/scripting/workflows', { description: 'no name' }],
			['POST', '/scripting/workflows', { name: '  ' }],
			['POST', '/scripting/workflows', [{ name: 'array' }]],
			['POST', '/scripting/workflows', { name: 'x', state: 2 }],
			['POST', '/scripting/workflows', { name: 'x', nodes: [{ type: 'teleport', id: 'a' }] }],
			['POST', '/scripting/workflows', { name: 'x', capping: [{ period: { unit: 'FORTNIGHT' } }] }],
			['PUT', `/scripting/workflows/${id}`, { name: 'x', listeners: { id: 'not an array' } }],
			['PATCH', `/scripting/workflows/${id}`, [{ op: 'replace', path: '/name', value: 'x' }]],
			['PATCH', `/scripting/workflows/${id}`, { name: '' }],
			['PUT', `/scripting/workflows/${id}/nodes`, { type: 'terminal' }],
			['PUT', `/scripting/workflows/${id}/tasks`, [{ schedulers: [{ hour: 2 }] }]],
		];
		for (const [method, path, body] of refused) expect([method, path, body, (await call(method, path, { body })).status]).toEqual([method, path, body, 400]);
		expect((await call('POST', '/scripting/workflows', { body: { name: 'x' }, headers: { 'content-type': 'text/plain' } })).status).toBe(415);
		expect((await call('GET', '/scripting/workflows/abc')).status).toBe(404);
		expect((await call('PUT', '/scripting/workflows/999999', { body: { name: 'x' } })).status).toBe(404);
	});

	test('nodes, capping, scheduler tasks and listeners: read and replaced one by one', async () => {
		const { id } = await createWorkflow();
		const parts = {
			nodes: [{ type: 'wait', id: 'pause', settings: { delay: 'P1D' }, next: 'end' }, { type: 'terminal', id: 'end' }],
			capping: [{ key: { type: 'literal', value: {} }, increment: 1, threshold: 2, period: { type: 'fixed', unit: 'WEEK', value: 1 }, nodes: ['pause'] }],
			tasks: [{ id: 't', name: 'Daily', schedulers: [{ type: 'cron', minute: '0', hour: '8' }], provider: { type: 'segment', value: {} }, handler: 'pause' }],
			listeners: [{ id: 'l', event: { type: 'creation' }, handler: 'pause' }],
		};
		for (const [part, entries] of Object.entries(parts)) {
			const replaced = await call('PUT', `/scripting/workflows/${id}/${part}`, { body: entries });
			expect([part, replaced.status, replaced.json]).toEqual([part, 200, entries]);
			expect((await call('GET', `/scripting/workflows/${id}/${part}`)).json).toEqual(entries);
		}
		expect((await call('GET', `/scripting/workflows/${id}`)).json).toMatchObject(parts);
	});

	test('executions take the workflow-v4 media type, an array naming nodes of the workflow; answers in no promised order', async () => {
		const { id } = await createWorkflow();
		const entries = Array.from({ length: 8 }, (_, i) => ({ id: `run-${i}`, receiver: { type: 'id', value: `0000000${i}` }, node: 'mail', data: { i } }));
		const executed = await call('POST', `/scripting/workflows/${id}/executions`, { body: entries, headers: WORKFLOW_V4 });
		expect(executed.status).toBe(200);
		const results = executed.json as Array<{ type: string; id: string; receiver: unknown }>;
		expect(results.map((r) => r.id).sort()).toEqual(entries.map((e) => e.id).sort());
		expect(results.map((r) => r.id)).not.toEqual(entries.map((e) => e.id));
		expect(results.every((r) => r.type === 'success')).toBe(true);
		expect(simulator().state.workflows.executions.filter((e) => e.workflowId === id).map((e) => e.entry)).toEqual(entries);

		const [anonymous] = (await call('POST', `/scripting/workflows/${id}/executions`, { body: [{}], headers: WORKFLOW_V4 })).json as Array<{ id: string }>;
		expect(anonymous.id).toMatch(UUID);
		expect((await call('POST', `/scripting/workflows/${id}/executions`, { body: [{ receiver: { type: 'id', value: '00000001' } }] })).status).toBe(415);
		for (const body of [[], {}, [{ node: 'nowhere' }], [{ receiver: 'nobody' }], [{ debug: { ttl: 'ten' } }]]) {
			expect([body, (await call('POST', `/scripting/workflows/${id}/executions`, { body, headers: WORKFLOW_V4 })).status]).toEqual([body, 400]);
		}
		expect((await call('POST', '/scripting/workflows/999999/executions', { body: [{}], headers: WORKFLOW_V4 })).status).toBe(404);
	});

	test('the seeded workflow fits the catalogue: written back as it was read, it is accepted', async () => {
		const [seeded] = [...simulator().state.workflows.byId.values()].filter((w) => w.name === 'Welcome journey');
		const read = (await call('GET', `/scripting/workflows/${seeded.id}`)).json;
		expect((await call('PUT', `/scripting/workflows/${seeded.id}`, { body: read })).status).toBe(200);
	});
});

describe('webtasks', () => {
	test('patch changes the given fields and answers the webtask; id and creation date stay', async () => {
		const before = structuredClone(simulator().state.webtasks.add({ name: 'Hook', value: 'return 1;' }));
		const patched = await call('PATCH', `/scripting/webtasks/${before.id}`, { body: { value: 'return 2;', id: 1, creationDate: '2000-01-01T00:00:00Z', scripting: { version: '7.0.0', imports: null } } });
		const after = { ...before, value: 'return 2;', scripting: { version: '7.0.0', imports: null } };
		expect(patched.json).toEqual(after);
		expect(simulator().state.webtasks.byId.get(before.id)).toEqual(after);
	});

	test('404 for an unknown webtask, 400 for an array or wrong types, 415 for another media type', async () => {
		const webtask = simulator().state.webtasks.add({ name: 'Hook', value: '' });
		expect((await call('PATCH', '/scripting/webtasks/999999', { body: { name: 'x' } })).status).toBe(404);
		for (const body of [[{ op: 'replace', path: '/name', value: 'x' }], { value: 42 }, { settings: [] }]) {
			expect([body, (await call('PATCH', `/scripting/webtasks/${webtask.id}`, { body })).status]).toEqual([body, 400]);
		}
		expect((await call('PATCH', `/scripting/webtasks/${webtask.id}`, { body: { name: 'x' }, headers: { 'content-type': 'application/xml' } })).status).toBe(415);
	});
});

describe('compilables', () => {
	test('create, duplicate, flaws', async () => {
		const created = await createCompilable({ id: randomUUID(), description: 'Daily totals' });
		expect(created).toMatchObject({ name: 'Orders by day', description: 'Daily totals', value: { type: 'query' } });
		expect(created.id).toMatch(UUID);
		const copy = await call('POST', `/scripting/compilables/${created.id}/duplication`, { headers: { 'content-length': '0' } });
		expect(copy.json).toMatchObject({ name: 'Orders by day(1)', description: 'Daily totals', value: { type: 'query', source: { table: 'orders' } } });
		expect(copy.json.id).not.toBe(created.id);

		expect((await call('GET', `/scripting/compilables/${created.id}/flaws`)).json).toEqual([]);
		const flawed = await createCompilable({ value: {} });
		expect(((await call('GET', `/scripting/compilables/${flawed.id}/flaws`)).json as Array<{ type: string }>).map((f) => f.type).sort()).toEqual(['missingSource', 'missingType']);
		const empty = await createCompilable({ value: undefined });
		expect((await call('GET', `/scripting/compilables/${empty.id}/flaws`)).json).toEqual([{ type: 'missingValue' }]);
	});

	test('execute echoes the arguments in the catalogue shape; preview reads the definition sent', async () => {
		const { id } = await createCompilable();
		expect((await call('POST', `/scripting/compilables/${id}/execution`, { body: { day: '2026-03-01' } })).json).toEqual({ type: 'success', arguments: { day: '2026-03-01' }, value: {} });
		const preview = await call('POST', `/scripting/compilables/${id}/preview`, { body: { value: { id, name: 'Draft', value: { type: 'query', preview: { day: '2026-01-01' } } } } });
		expect(preview.json).toEqual({ type: 'success', arguments: { day: '2026-01-01' }, value: {} });
	});

	test('404 for an unknown or malformed id, 400 for wrong bodies', async () => {
		const { id } = await createCompilable();
		const unknown = randomUUID();
		expect((await call('GET', `/scripting/compilables/${unknown}/flaws`)).status).toBe(404);
		expect((await call('GET', '/scripting/compilables/42/flaws')).status).toBe(404);
		expect((await call('POST', `/scripting/compilables/${unknown}/duplication`, { headers: { 'content-length': '0' } })).status).toBe(404);
		expect((await call('POST', `/scripting/compilables/${unknown}/execution`, { body: {} })).status).toBe(404);
		expect((await call('POST', `/scripting/compilables/${unknown}/preview`, { body: { value: { name: 'x' } } })).status).toBe(404);
		const refused: Array<[string, unknown]> = [
			['/scripting/compilables', { description: 'no name' }],
			['/scripting/compilables', { name: 'x', value: { cursors: {} } }],
			[`/scripting/compilables/${id}/execution`, ['not', 'an object']],
			[`/scripting/compilables/${id}/preview`, { name: 'not wrapped in value' }],
		];
		for (const [path, body] of refused) expect([path, (await call('POST', path, { body })).status]).toEqual([path, 400]);
		expect((await call('POST', `/scripting/compilables/${id}/execution`, { headers: { 'content-length': '0' } })).status).toBe(400);
	});
});
