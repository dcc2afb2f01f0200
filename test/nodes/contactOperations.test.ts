/** Contact, Field and Value List operations of the NP6 Contact node, run by n8n's engine against the simulator. */
import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const log = () => simulator().server.log;
const run = (resource: string, operation: string, parameters: Record<string, unknown> = {}, input?: IDataObject[]) =>
	runNode(simulator(), { type: 'np6Contact', parameters: { resource, operation, ...parameters } }, input);
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const fieldId = (name: string) => String(simulator().state.fields.byName(name)!.id);

async function contact(email: string, values: Record<string, unknown> = {}) {
	const result = await run('contact', 'upsert', { fields: { mappingMode: 'defineBelow', value: { Email: email, ...values } } });
	return result.items[0].json as { id: string; hash: string };
}

async function segment(name: string, type = 'static') {
	const result = await run('segment', 'create', { name, type });
	return result.items[0].json as { id: number };
}

beforeEach(() => {
	log().clear();
	simulator().server.faults.clear();
});

describe('Contact', () => {
	test('Create or Update with the legacy PUT by unicity: body keyed by field id', async () => {
		const result = await run('contact', 'upsert', {
			fields: { mappingMode: 'defineBelow', value: { Email: 'legacy@example.com', City: 'Brest' } },
			options: { method: 'legacyPut' },
		});
		expect(result.error).toBeUndefined();
		const [put] = log().handled('target.upsertByUnicity');
		expect(put.query).toEqual({ unicity: 'legacy@example.com' });
		expect(put.body).toEqual({ [fieldId('Email')]: 'legacy@example.com', [fieldId('City')]: 'Brest' });
		expect(result.items[0].json.id).toMatch(/^[0-9A-Z]{8}$/);
	});

	test('Create or Update refuses a value outside the field\'s value list, before any contact request', async () => {
		const result = await run('contact', 'upsert', { fields: { mappingMode: 'defineBelow', value: { Email: 'lang@example.com', Language: 'Klingon' } } });
		expect(result.error?.message).toMatch(/"Language" is not in the value list "Languages"/);
		expect(log().entries.filter((e) => e.path.startsWith('/targets'))).toHaveLength(0);
	});

	test('Create or Update sends list values as the list spells them', async () => {
		await run('contact', 'upsert', { fields: { mappingMode: 'defineBelow', value: { Email: 'fr@example.com', Language: 'french' } } });
		expect(log().handled('target.create')[0].body).toMatchObject({ Language: 'French' });
	});

	test('Get Many lists contacts, Limit applies', async () => {
		await contact('many1@example.com');
		await contact('many2@example.com');
		const all = await run('contact', 'getAll', { returnAll: true });
		const limited = await run('contact', 'getAll', { returnAll: false, limit: 1 });
		expect(all.items.length).toBe(simulator().state.contacts.byId.size);
		expect(limited.items).toHaveLength(1);
	});

	test('Get Many reports an NP6 refusal', async () => {
		simulator().server.addFault({ kind: 'status', status: 403, operation: 'target.search', times: 1 });
		const result = await run('contact', 'getAll', { returnAll: true });
		expect(result.error?.httpCode).toBe('403');
	});

	test('Update changes values by id; an unknown id is a 404', async () => {
		const { id } = await contact('upd.op@example.com', { City: 'Paris' });
		const result = await run('contact', 'update', { contactId: id, fields: { mappingMode: 'defineBelow', value: { City: 'Rouen' } } });
		expect((result.items[0].json.fields as Record<string, string>).City).toBe('Rouen');
		expect(log().handled('target.update')[0].body).toEqual({ [fieldId('City')]: 'Rouen' });
		const missing = await run('contact', 'update', { contactId: 'ZZZZ0000', fields: { mappingMode: 'defineBelow', value: { City: 'Rouen' } } });
		expect(missing.error?.httpCode).toBe('404');
	});

	test('Delete removes one contact; deleting it again is a 404', async () => {
		const { id } = await contact('delete.me@example.com');
		expect((await run('contact', 'delete', { contactId: id })).items[0].json).toEqual({ success: true });
		expect(simulator().state.contacts.find({ id })).toBeUndefined();
		expect((await run('contact', 'delete', { contactId: id })).error?.httpCode).toBe('404');
	});

	test('Delete Many by IDs and by unicity values', async () => {
		const a = await contact('bulk.a@example.com');
		const b = await contact('bulk.b@example.com');
		await contact('bulk.c@example.com');
		await run('contact', 'deleteMany', { deleteBy: 'id', ids: `${a.id}, ${b.id}` });
		expect(log().handled('target.deleteBulk')[0].body).toEqual({ type: 'id', value: [a.id, b.id] });
		await run('contact', 'deleteMany', { deleteBy: 'unicity', unicityValues: 'bulk.c@example.com' });
		expect(log().handled('target.deleteBulk')[1].body).toEqual({ type: 'unicity', value: [['bulk.c@example.com']] });
		for (const email of ['bulk.a@example.com', 'bulk.b@example.com', 'bulk.c@example.com']) {
			expect(simulator().state.contacts.find({ unicity: email })).toBeUndefined();
		}
	});

	test('Delete Many of a whole segment needs the explicit confirmation', async () => {
		const { id: segmentId } = await segment('Doomed');
		const member = await contact('doomed@example.com');
		await run('segment', 'addContacts', { segment: byId(segmentId), identifyBy: 'id', contacts: member.id });
		log().clear();
		const refused = await run('contact', 'deleteMany', { deleteBy: 'segment', segment: byId(segmentId) });
		expect(refused.error?.message).toMatch(/needs "Delete Every Contact of This Segment"/);
		expect(log().entries).toHaveLength(0);
		const done = await run('contact', 'deleteMany', { deleteBy: 'segment', segment: byId(segmentId), confirmSegmentDeletion: true });
		expect(done.error).toBeUndefined();
		expect(log().handled('target.deleteBulk')[0].body).toEqual({ type: 'segment', value: segmentId });
		expect(simulator().state.contacts.find({ id: member.id })).toBeUndefined();
	});

	test('Count', async () => {
		const result = await run('contact', 'count');
		expect(result.items[0].json).toEqual({ targetsCount: simulator().state.contacts.byId.size });
		simulator().server.addFault({ kind: 'status', status: 403, operation: 'target.count', times: 1 });
		expect((await run('contact', 'count')).error?.httpCode).toBe('403');
	});

	test('Add to Redlist (email and SMS) and Get Redlisted in a window', async () => {
		const { id } = await contact('red@example.com');
		const before = new Date(Date.now() - 60_000).toISOString();
		expect((await run('contact', 'addToRedlist', { contactId: id, medium: 'mail', additionalFields: { origin: 4 } })).items[0].json).toEqual({ success: true });
		await run('contact', 'addToRedlist', { contactId: id, medium: 'sms' });
		expect(log().handled('target.redlistMail')[0].body).toEqual({ origin: 4 });
		expect(log().handled('target.redlistSms')).toHaveLength(1);
		const listed = await run('contact', 'getRedlisted', { medium: 'mail', filters: { startDate: before }, returnAll: true });
		expect(listed.items.map((i) => i.json.id)).toContain(id);
		expect(log().handled('target.listRedlistedMail')[0].query).toMatchObject({ startDate: expect.stringMatching(/Z$/) });
		expect((await run('contact', 'addToRedlist', { contactId: 'ZZZZ0000', medium: 'mail' })).error?.httpCode).toBe('404');
		const badDate = await run('contact', 'getRedlisted', { medium: 'sms', filters: { startDate: 'soon' }, returnAll: true });
		expect(badDate.error?.message).toMatch(/"Start Date" is not valid/);
	});

	test('Get Redlisted for SMS lists the contacts redlisted for SMS in the window, not those redlisted for email only', async () => {
		const before = new Date(Date.now() - 60_000).toISOString();
		const { id: stopped } = await contact('sms-stop@example.com');
		const { id: mailOnly } = await contact('mail-only@example.com');
		await run('contact', 'addToRedlist', { contactId: stopped, medium: 'sms', additionalFields: { origin: 6 } });
		await run('contact', 'addToRedlist', { contactId: mailOnly, medium: 'mail' });
		const listed = await run('contact', 'getRedlisted', { medium: 'sms', filters: { startDate: before }, returnAll: true });
		expect(listed.items.map((i) => i.json)).toContainEqual(expect.objectContaining({ id: stopped, origin: 6 }));
		expect(listed.items.map((i) => i.json.id)).not.toContain(mailOnly);
		const earlier = await run('contact', 'getRedlisted', { medium: 'sms', filters: { endDate: before }, returnAll: true });
		expect(earlier.items.map((i) => i.json.id)).not.toContain(stopped);
		expect(log().handled('target.listRedlistedSms')).toHaveLength(2);
	});

	test('Add to Segment, Get Segments, Remove From Segment', async () => {
		const { id: segmentId } = await segment('One by one');
		const { id } = await contact('single@example.com');
		expect((await run('contact', 'addToSegment', { contactId: id, segment: byId(segmentId) })).items[0].json).toEqual({ success: true });
		expect((await run('contact', 'addToSegment', { contactId: id, segment: byId(segmentId) })).error?.httpCode).toBe('409');
		const segments = await run('contact', 'getSegments', { contactId: id, returnAll: true });
		expect(segments.items.map((i) => i.json.id)).toContain(segmentId);
		expect((await run('contact', 'removeFromSegment', { contactId: id, segment: byId(segmentId) })).items[0].json).toEqual({ success: true });
		expect((await run('contact', 'removeFromSegment', { contactId: id, segment: byId(999999) })).error?.httpCode).toBe('404');
		expect((await run('contact', 'getSegments', { contactId: 'ZZZZ0000', returnAll: true })).error?.httpCode).toBe('404');
	});
});

describe('Field', () => {
	test('Create, Get, Update, Delete', async () => {
		const created = await run('field', 'create', { name: 'Company', type: 'textField', isUnicity: false, isMandatory: false });
		const id = created.items[0].json.id as number;
		expect(created.items[0].json).toMatchObject({ name: 'Company', type: 'textField' });
		expect((await run('field', 'get', { field: byId(id) })).items[0].json.name).toBe('Company');
		const updated = await run('field', 'update', {
			field: byId(id),
			name: 'Employer',
			type: 'textArea',
			additionalFields: { constraintOperator: 4, constraintValue: '150' },
		});
		expect(updated.items[0].json).toMatchObject({ name: 'Employer', type: 'textArea' });
		expect(log().handled('field.update')[0].body).toMatchObject({ constraint: { operator: 4, value: '150' } });
		expect((await run('field', 'delete', { field: byId(id) })).items[0].json).toEqual({ success: true });
	});

	test('failures: duplicate name, unknown id, bad id', async () => {
		expect((await run('field', 'create', { name: 'Email', type: 'email' })).error?.httpCode).toBe('409');
		expect((await run('field', 'get', { field: byId(99999) })).error?.httpCode).toBe('404');
		expect((await run('field', 'update', { field: byId(99999), name: 'X', type: 'textField' })).error?.httpCode).toBe('404');
		expect((await run('field', 'delete', { field: byId(99999) })).error?.httpCode).toBe('404');
		log().clear();
		// n8n itself checks the "By ID" value against the picker's pattern before the node runs.
		await expect(run('field', 'get', { field: byId('abc') })).rejects.toThrow(/Must be a whole number/);
		expect(log().entries).toHaveLength(0);
	});
});

describe('Value List', () => {
	test('Create, Get, Get Many, Update', async () => {
		const created = await run('valueList', 'create', { name: 'Civility', values: 'Mr, Ms, Mx' });
		expect(log().handled('valueList.create')[0].body).toEqual({
			name: 'Civility',
			values: [
				{ index: 1, value: 'Mr' },
				{ index: 2, value: 'Ms' },
				{ index: 3, value: 'Mx' },
			],
		});
		const id = created.items[0].json.id as number;
		expect((await run('valueList', 'get', { valueList: byId(id) })).items[0].json.name).toBe('Civility');
		expect((await run('valueList', 'getAll', { returnAll: true })).items.map((i) => i.json.name)).toContain('Civility');
		const updated = await run('valueList', 'update', { valueList: byId(id), additionalFields: { values: ['Mr', 'Mrs'] } });
		expect((updated.items[0].json.values as unknown[]).length).toBe(2);
	});

	test('failures: empty name, unknown id', async () => {
		const empty = await run('valueList', 'create', { name: ' ', values: 'a' });
		expect(empty.error?.message).toMatch(/"Name" is empty/);
		expect(log().entries).toHaveLength(0);
		expect((await run('valueList', 'get', { valueList: byId(99999) })).error?.httpCode).toBe('404');
		expect((await run('valueList', 'update', { valueList: byId(99999), additionalFields: { name: 'x' } })).error?.httpCode).toBe('404');
		simulator().server.addFault({ kind: 'status', status: 403, operation: 'valueList.list', times: 1 });
		expect((await run('valueList', 'getAll', { returnAll: true })).error?.httpCode).toBe('403');
	});
});

test('the hash in outputs is the MD5 of the unicity value', async () => {
	const { hash } = await contact('md5@example.com');
	expect(hash).toBe(createHash('md5').update('md5@example.com').digest('hex'));
});
