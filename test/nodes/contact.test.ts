import { createHash } from 'node:crypto';

import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const log = () => simulator().server.log;
const fieldId = (name: string) => String(simulator().state.fields.byName(name)!.id);

const upsert = (value: Record<string, unknown> | null, extra: Record<string, unknown> = {}) => ({
	type: 'np6Contact',
	parameters: { resource: 'contact', operation: 'upsert', fields: { mappingMode: 'defineBelow', value }, ...extra },
});
const get = (parameters: Record<string, unknown>) => ({
	type: 'np6Contact',
	parameters: { resource: 'contact', operation: 'get', ...parameters },
});

beforeEach(() => log().clear());

describe('Contact → Create or Update', () => {
	test('creates a new contact with a flat body keyed by field name, and outputs it as NP6 stores it', async () => {
		const result = await runNode(simulator(), upsert({ Email: 'new.person@example.com', FirstName: 'Nora', LoyaltyPoints: '42' }));
		expect(result.error).toBeUndefined();
		const [create] = log().handled('target.create');
		expect(create.body).toEqual({ Email: 'new.person@example.com', FirstName: 'Nora', LoyaltyPoints: 42 });
		const output = result.items[0].json;
		expect(output.id).toMatch(/^[0-9A-Z]{8}$/);
		expect(output.hash).toBe(createHash('md5').update('new.person@example.com').digest('hex'));
		expect(output.fields).toEqual({ Email: 'new.person@example.com', FirstName: 'Nora', LoyaltyPoints: 42 });
		expect(output.fieldIds).toEqual({ [fieldId('Email')]: 'new.person@example.com', [fieldId('FirstName')]: 'Nora', [fieldId('LoyaltyPoints')]: 42 });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('an existing contact is found by unicity and updated by id (after new contacts: create first, 409, lookup, update)', async () => {
		await runNode(simulator(), upsert({ Email: 'existing@example.com', City: 'Paris' }));
		log().clear();
		const result = await runNode(simulator(), upsert({ Email: 'existing@example.com', City: 'Nantes', LastName: 'Durand' }));
		expect(result.error).toBeUndefined();
		// The field list comes from the metadata cache; this node's recent contacts were new, so it tried the create first.
		expect(log().entries.map((e) => [e.operation, e.status])).toEqual([
			['target.create', 409],
			['target.search', 200],
			['target.update', 200],
		]);
		expect(log().entries[1].query).toEqual({ unicity: 'existing@example.com' });
		expect(result.items[0].json.fields).toMatchObject({ City: 'Nantes', LastName: 'Durand' });
		expect(simulator().state.contacts.find({ unicity: 'existing@example.com' })!.fields[fieldId('City')]).toBe('Nantes');
	});

	test('maps each input item through expressions, pairing every output with its item', async () => {
		const people = [
			{ email: 'p1@example.com', city: 'Lille' },
			{ email: 'p2@example.com', city: 'Nice' },
			{ email: 'p3@example.com', city: 'Rennes' },
		];
		// Without the metadata cache, the field list is still read once per run, not once per item.
		const result = await runNode(simulator(), upsert({ Email: '={{ $json.email }}', City: '={{ $json.city }}' }, { requestOptions: { metadataCache: 0 } }), people);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items.map((i) => (i.json.fields as Record<string, string>).City)).toEqual(['Lille', 'Nice', 'Rennes']);
		expect(log().handled('field.list')).toHaveLength(1);
	});

	test('a missing unicity value fails before any contact request, naming the parameter', async () => {
		const result = await runNode(simulator(), upsert({ City: 'Lyon' }));
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/"Fields" has no value for Email/);
		expect(log().entries.filter((e) => e.path.startsWith('/targets'))).toHaveLength(0);
	});

	test('a value the field cannot hold fails before any contact request', async () => {
		const result = await runNode(simulator(), upsert({ Email: 'n@example.com', LoyaltyPoints: 'many' }));
		expect(result.error?.message).toMatch(/"LoyaltyPoints" is not a number/);
		expect(log().entries.filter((e) => e.path.startsWith('/targets'))).toHaveLength(0);
	});

	test('continueOnFail: a failing item becomes an error item, the others still succeed; an invalid email never reaches NP6', async () => {
		const result = await runNode(
			{ ...simulator() },
			{ ...upsert({ Email: '={{ $json.email }}' }), continueOnFail: true },
			[{ email: 'ok1@example.com' }, { email: 'not-an-email' }, { email: 'ok2@example.com' }],
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.id).toBeDefined();
		expect(result.items[1].json.error).toBe('The value of field "Email" is not an email address, such as news@shop.example.com: "not-an-email"');
		expect(result.items[2].json.id).toBeDefined();
		expect(JSON.stringify(log().entries)).not.toContain('not-an-email');
	});
});

describe('Contact → Get', () => {
	let stored: { id: string; hash: string };
	beforeAll(async () => {
		const result = await runNode(simulator(), upsert({ Email: 'findme@example.com', FirstName: 'Ada' }));
		stored = result.items[0].json as typeof stored;
	});

	test.each([
		['ID', () => ({ findBy: 'id', contactId: stored.id }), 'target.get'],
		['unicity', () => ({ findBy: 'unicity', unicity: 'findme@example.com' }), 'target.search'],
		['hash', () => ({ findBy: 'hash', hash: stored.hash.toUpperCase() }), 'target.search'],
	])('by %s', async (_, parameters, operation) => {
		const result = await runNode(simulator(), get(parameters()));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ id: stored.id, hash: stored.hash });
		expect(log().handled(operation)).toHaveLength(1);
	});

	test('an unknown contact is a 404 NodeApiError', async () => {
		const result = await runNode(simulator(), get({ findBy: 'unicity', unicity: 'nobody@example.com' }));
		expect(result.error?.httpCode).toBe('404');
	});

	test.each([
		[{ findBy: 'hash', hash: 'not-a-hash' }, /"Hash" is not valid/],
		[{ findBy: 'id', contactId: '12' }, /"Contact ID" is not valid/],
		[{ findBy: 'unicity', unicity: '  ' }, /"Unicity Value" is empty/],
	])('bad input %j fails before any request', async (parameters, message) => {
		const result = await runNode(simulator(), get(parameters));
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(log().entries).toHaveLength(0);
	});
});

describe('Field → Get Many', () => {
	test('Return All gives every field', async () => {
		const result = await runNode(simulator(), { type: 'np6Contact', parameters: { resource: 'field', operation: 'getAll', returnAll: true } });
		expect(result.items.map((i) => i.json.name)).toEqual([...simulator().state.fields.fields.values()].map((f) => f.name));
		expect(result.items.find((i) => i.json.isUnicity)?.json.name).toBe('Email');
	});

	test('Limit caps the list', async () => {
		const result = await runNode(simulator(), { type: 'np6Contact', parameters: { resource: 'field', operation: 'getAll', returnAll: false, limit: 2 } });
		expect(result.items).toHaveLength(2);
	});
});
