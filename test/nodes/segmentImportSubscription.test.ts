/** Segment, Import and Subscription operations of the NP6 Contact node, run by n8n's engine against the simulator. */
import { randomUUID } from 'node:crypto';

import { fileItem, runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const log = () => simulator().server.log;
const run = (resource: string, operation: string, parameters: Record<string, unknown> = {}, input?: Parameters<typeof runNode>[2], continueOnFail = false) =>
	runNode(simulator(), { type: 'np6Contact', parameters: { resource, operation, ...parameters }, continueOnFail }, input);
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const state = () => simulator().state;

async function contact(email: string) {
	const result = await run('contact', 'upsert', { fields: { mappingMode: 'defineBelow', value: { Email: email } } });
	return result.items[0].json as { id: string; hash: string };
}

async function segment(name: string, extra: Record<string, unknown> = {}) {
	return (await run('segment', 'create', { name, type: 'static', ...extra })).items[0].json as { id: number; type: string };
}

const members = (segmentId: number) => state().segments.memberIds(state().segments.get(segmentId)!);

beforeEach(() => {
	log().clear();
	simulator().server.faults.clear();
});

describe('Segment', () => {
	test('Add Contacts combines the items: one request per 50 contacts, one output paired with every item', async () => {
		const { id } = await segment('Combined');
		const emails = Array.from({ length: 120 }, (_, i) => `combined.${i}@example.com`);
		for (const email of emails) state().contacts.create({ [state().fields.byName('Email')!.id]: email });
		log().clear();
		const result = await run('segment', 'addContacts', { segment: byId(id), identifyBy: 'unicity', contacts: '={{ $json.email }}' }, emails.map((email) => ({ email })));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ segmentId: id, requested: 120, added: 120, requests: 3 });
		expect(result.items[0].pairedItem).toHaveLength(120);
		expect(log().handled('segment.addTargets').map((e) => (e.body as string[]).length)).toEqual([50, 50, 20]);
		expect(members(id)).toHaveLength(120);
	});

	test('Add Contacts item by item, by ID', async () => {
		const { id } = await segment('Per item');
		const a = await contact('per.item.a@example.com');
		const b = await contact('per.item.b@example.com');
		const result = await run('segment', 'addContacts', { segment: byId(id), identifyBy: 'id', contacts: '={{ $json.id }}', combineItems: false }, [a, b]);
		expect(result.items.map((i) => [i.json.added, i.pairedItem])).toEqual([
			[1, { item: 0 }],
			[1, { item: 1 }],
		]);
	});

	test('Add Contacts: a dynamic segment refuses (409), a bad ID is refused before any request', async () => {
		const dynamic = (await run('segment', 'create', { name: 'Dyn', type: 'dynamic' })).items[0].json as { id: number };
		const a = await contact('dyn@example.com');
		const refused = await run('segment', 'addContacts', { segment: byId(dynamic.id), identifyBy: 'id', contacts: a.id });
		expect(refused.error?.httpCode).toBe('409');
		expect(refused.error?.message).toMatch(/Only static segments accept contacts/);
		log().clear();
		const bad = await run('segment', 'addContacts', { segment: byId(dynamic.id), identifyBy: 'id', contacts: 'alice@example.com' });
		expect(bad.error?.message).toMatch(/invalid contact ID/);
		expect(log().entries).toHaveLength(0);
	});

	test('Remove Contacts by unicity; unknown ones are reported; dynamic segments refused', async () => {
		const { id } = await segment('Removal');
		const a = await contact('rm.a@example.com');
		const b = await contact('rm.b@example.com');
		await run('segment', 'addContacts', { segment: byId(id), identifyBy: 'id', contacts: `${a.id},${b.id}` });
		const result = await run('segment', 'removeContacts', { segment: byId(id), identifyBy: 'unicity', contacts: 'rm.a@example.com, nobody@example.com' });
		expect(result.items[0].json).toMatchObject({ requested: 2, removed: 1, notFound: ['nobody@example.com'] });
		expect(members(id)).toEqual([b.id]);
		const dynamic = (await run('segment', 'create', { name: 'Dyn 2', type: 'dynamic' })).items[0].json as { id: number };
		expect((await run('segment', 'removeContacts', { segment: byId(dynamic.id), identifyBy: 'id', contacts: a.id })).error?.message).toMatch(/dynamic/);
	});

	test('Create, Get, Get Many, Update, Get Contacts, Remove All Contacts, Delete, Get Information', async () => {
		const created = await segment('Lifecycle', { additionalFields: { description: 'd', isTest: true } });
		expect(created).toMatchObject({ type: 'static' });
		expect(log().handled('segment.create')[0].body).toEqual({ type: 'static', name: 'Lifecycle', description: 'd', isTest: true });
		expect((await run('segment', 'get', { segment: byId(created.id) })).items[0].json.name).toBe('Lifecycle');
		expect((await run('segment', 'getAll', { returnAll: true })).items.map((i) => i.json.id)).toContain(created.id);
		const updated = await run('segment', 'update', { segment: byId(created.id), type: 'static', additionalFields: { name: 'Renamed' } });
		expect(updated.items[0].json.name).toBe('Renamed');
		const a = await contact('life@example.com');
		await run('segment', 'addContacts', { segment: byId(created.id), identifyBy: 'id', contacts: a.id });
		expect((await run('segment', 'getContacts', { segment: byId(created.id), returnAll: true })).items.map((i) => i.json.value)).toEqual([a.id]);
		expect((await run('segment', 'empty', { segment: byId(created.id) })).items[0].json).toEqual({ success: true });
		expect(members(created.id)).toEqual([]);
		const information = (await run('segment', 'getInformation')).items[0].json;
		expect(information.segmentsCount).toBe(state().segments.byId.size);
		expect((await run('segment', 'delete', { segment: byId(created.id) })).items[0].json).toEqual({ success: true });
	});

	test('failures: duplicate name, unknown segment', async () => {
		await segment('Twice');
		expect((await run('segment', 'create', { name: 'Twice', type: 'static' })).error?.httpCode).toBe('409');
		for (const operation of ['get', 'delete', 'getContacts', 'empty']) {
			const result = await run('segment', operation, { segment: byId(999999), returnAll: true });
			expect(`${operation}: ${result.error?.httpCode}`).toBe(`${operation}: 404`);
		}
		expect((await run('segment', 'update', { segment: byId(999999), type: 'static' })).error?.httpCode).toBe('404');
		simulator().server.addFault({ kind: 'status', status: 403, operation: 'segment.list', times: 1 });
		expect((await run('segment', 'getAll', { returnAll: true })).error?.httpCode).toBe('403');
		simulator().server.addFault({ kind: 'status', status: 403, operation: 'segment.informations', times: 1 });
		expect((await run('segment', 'getInformation')).error?.httpCode).toBe('403');
	});
});

describe('Import', () => {
	const csv = (rows: string[][]) => rows.map((r) => r.join(';')).join('\n');

	test('Import Contacts from File: columns by header, contacts created and updated, added to a segment', async () => {
		const { id: segmentId } = await segment('Imported');
		await contact('already@example.com');
		const file = csv([
			['Email', 'FirstName', 'City', 'Shoe size'],
			['new.one@example.com', 'Nina', 'Lyon', '38'],
			['already@example.com', 'Al', 'Metz', '44'],
		]);
		const result = await run('import', 'importFromFile', { binaryPropertyName: 'data', separator: ';', updateExisting: true, options: { segment: byId(segmentId), pollInterval: 1 } }, [fileItem(file)]);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ state: 1, stateName: 'completed' });
		const binding = log().handled('importFormat.create')[0].body as { binds: Array<{ columnIndex: number; fieldId: number }>; separator: number };
		expect(binding.separator).toBe(59);
		expect(binding.binds.map((b) => b.fieldId)).toEqual([state().fields.byName('Email')!.id, state().fields.byName('FirstName')!.id, state().fields.byName('City')!.id, -10]);
		const city = String(state().fields.byName('City')!.id);
		expect(state().contacts.find({ unicity: 'already@example.com' })!.fields[city]).toBe('Metz');
		expect(members(segmentId)).toHaveLength(2);
	});

	test('Import Contacts from File: explicit column mapping; a file without the unicity column fails before any request', async () => {
		const mapped = csv([['mail', 'town'], ['mapped@example.com', 'Caen']]);
		const columns = { column: [{ header: 'mail', field: String(state().fields.byName('Email')!.id) }, { header: 'town', field: String(state().fields.byName('City')!.id) }] };
		const ok = await run('import', 'importFromFile', { binaryPropertyName: 'data', separator: ';', columns, updateExisting: true, options: { pollInterval: 1 } }, [fileItem(mapped)]);
		expect(ok.error).toBeUndefined();
		expect(state().contacts.find({ unicity: 'mapped@example.com' })).toBeDefined();
		log().clear();
		const noUnicity = await run('import', 'importFromFile', { binaryPropertyName: 'data', separator: ';', updateExisting: true }, [fileItem(csv([['City'], ['Lyon']]))]);
		expect(noUnicity.error?.message).toMatch(/No column of the file fills the unicity field Email/);
		expect(log().entries.filter((e) => e.path.startsWith('/imp'))).toHaveLength(0);
	});

	test('the individual steps: Create Binding, Get Binding, Create, Get, Get Many, Update, Upload File, Start, Get Status, Delete', async () => {
		const email = state().fields.byName('Email')!.id;
		const binding = await run('import', 'createBinding', { name: 'Steps binding', separator: 44, startAt: 1, binds: JSON.stringify([{ columnIndex: 0, fieldId: email }]), savedImportFormat: true });
		const bindingId = (binding.items[0].json.identifier as { guid: number }).guid;
		expect((await run('import', 'getBinding', { bindingId })).items[0].json.name).toBe('Steps binding');
		const definition = JSON.stringify({ name: 'Steps', binding: bindingId, features: [{ type: 'database', updateExisting: true, crushData: false }] });
		const created = await run('import', 'create', { definition });
		const importId = created.items[0].json.id as number;
		expect((await run('import', 'get', { import: byId(importId) })).items[0].json.name).toBe('Steps');
		expect((await run('import', 'getAll', { returnAll: true })).items.map((i) => i.json.id)).toContain(importId);
		expect((await run('import', 'update', { import: byId(importId), definition: JSON.stringify({ name: 'Steps 2', binding: bindingId }) })).items[0].json.name).toBe('Steps 2');
		const upload = await run('import', 'uploadFile', { import: byId(importId), binaryPropertyName: 'data' }, [fileItem('Email\nsteps@example.com\n', 'steps.csv')]);
		expect(upload.items[0].json).toMatchObject({ type: 'file' });
		const uploadRequest = log().handled('import.uploadSource')[0];
		expect(uploadRequest.body).toBe(Buffer.byteLength('Email\nsteps@example.com\n'));
		expect((await run('import', 'start', { import: byId(importId), binding: bindingId })).items[0].json).toMatchObject({ state: 0 });
		let status: Record<string, unknown> = {};
		for (let i = 0; i < 30 && status.state !== 1; i++) {
			await new Promise((r) => setTimeout(r, 100));
			status = (await run('import', 'getStatus', { import: byId(importId) })).items[0].json;
		}
		expect(status.state).toBe(1);
		expect(state().contacts.find({ unicity: 'steps@example.com' })).toBeDefined();
		expect((await run('import', 'delete', { import: byId(importId) })).items[0].json).toEqual({ success: true });
	});

	test('failures: duplicate binding, unknown ids, bad JSON, no file, start without a file', async () => {
		const binds = JSON.stringify([{ columnIndex: 0, fieldId: state().fields.byName('Email')!.id }]);
		await run('import', 'createBinding', { name: 'Dup', separator: 59, startAt: 1, binds, savedImportFormat: true });
		expect((await run('import', 'createBinding', { name: 'Dup', separator: 59, startAt: 1, binds, savedImportFormat: true })).error?.httpCode).toBe('409');
		expect((await run('import', 'getBinding', { bindingId: 999999 })).error?.httpCode).toBe('404');
		for (const operation of ['get', 'delete', 'getStatus']) {
			expect(`${operation}: ${(await run('import', operation, { import: byId(999999) })).error?.httpCode}`).toBe(`${operation}: 404`);
		}
		expect((await run('import', 'update', { import: byId(999999), definition: '{"name":"x"}' })).error?.httpCode).toBe('404');
		log().clear();
		const badJson = await run('import', 'create', { definition: '{"name": ' });
		expect(badJson.error?.message).toMatch(/"Import Definition \(JSON\)" is not valid/);
		expect(log().entries).toHaveLength(0);
		const bindingId = (
			(await run('import', 'createBinding', { name: 'No file', separator: 59, startAt: 1, binds, savedImportFormat: true })).items[0].json.identifier as { guid: number }
		).guid;
		const created = await run('import', 'create', { definition: JSON.stringify({ name: 'No file', binding: bindingId }) });
		const importId = created.items[0].json.id as number;
		expect((await run('import', 'uploadFile', { import: byId(importId), binaryPropertyName: 'data' })).error?.message).toMatch(/binary/i);
		expect((await run('import', 'start', { import: byId(importId), binding: bindingId })).error?.httpCode).toBe('409');
		simulator().server.addFault({ kind: 'status', status: 403, operation: 'import.list', times: 1 });
		expect((await run('import', 'getAll', { returnAll: true })).error?.httpCode).toBe('403');
	});
});

describe('Subscription', () => {
	const application = randomUUID();

	test('Create or Update, Get, Get Many for Contact (ID, unicity, hash), Delete, Delete All for Contact', async () => {
		const person = await contact('push@example.com');
		const created = await run('subscription', 'upsert', { findBy: 'unicity', unicity: 'push@example.com', application: byId(application), providerType: 'firebase', token: 'tok-1' });
		expect(created.error).toBeUndefined();
		const id = created.items[0].json.id as string;
		expect(created.items[0].json.contact).toMatchObject({ id: person.id });
		expect((await run('subscription', 'get', { subscriptionId: id })).items[0].json.id).toBe(id);
		for (const [findBy, value, key] of [
			['id', { contactId: person.id }, 'subscription.listForContactId'],
			['unicity', { unicity: 'push@example.com' }, 'subscription.listForContactUnicity'],
			['hash', { hash: person.hash }, 'subscription.listForContactHash'],
		] as const) {
			const listed = await run('subscription', 'getForContact', { findBy, ...value, returnAll: true });
			expect(listed.items.map((i) => i.json.id)).toEqual([id]);
			expect(log().handled(key)).toHaveLength(1);
		}
		expect((await run('subscription', 'delete', { subscriptionId: id })).items[0].json).toEqual({ success: true });
		await run('subscription', 'upsert', { findBy: 'id', contactId: person.id, application: byId(application), providerType: 'firebase', token: 'tok-2' });
		expect((await run('subscription', 'deleteForContact', { findBy: 'hash', hash: person.hash })).items[0].json).toEqual({ success: true });
		expect(log().handled('subscription.deleteForContactHash')).toHaveLength(1);
		expect((await run('subscription', 'getForContact', { findBy: 'id', contactId: person.id, returnAll: true })).items).toHaveLength(0);
		await run('subscription', 'deleteForContact', { findBy: 'unicity', unicity: 'push@example.com' });
		await run('subscription', 'deleteForContact', { findBy: 'id', contactId: person.id });
		expect(log().handled('subscription.deleteForContactUnicity')).toHaveLength(1);
		expect(log().handled('subscription.deleteForContactId')).toHaveLength(1);
	});

	test('failures: unknown contact, unknown subscription, bad UUID', async () => {
		const upsert = await run('subscription', 'upsert', { findBy: 'unicity', unicity: 'ghost@example.com', application: byId(application), providerType: 'firebase', token: 't' });
		expect(upsert.error?.httpCode).toBe('404');
		expect((await run('subscription', 'get', { subscriptionId: randomUUID() })).error?.httpCode).toBe('404');
		expect((await run('subscription', 'getForContact', { findBy: 'unicity', unicity: 'ghost@example.com', returnAll: true })).error?.httpCode).toBe('404');
		expect((await run('subscription', 'deleteForContact', { findBy: 'id', contactId: 'ZZZZ0000' })).error?.httpCode).toBe('404');
		log().clear();
		const bad = await run('subscription', 'delete', { subscriptionId: 'not-a-uuid' });
		expect(bad.error?.message).toMatch(/"Subscription ID" is not valid/);
		expect(log().entries).toHaveLength(0);
	});
});
