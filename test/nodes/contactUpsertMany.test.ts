/** Contact → Create or Update Many (Import): items through NP6's import in chunks, run by n8n's engine against the simulator. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const log = () => simulator().server.log;
const state = () => simulator().state;
const fieldId = (name: string) => state().fields.byName(name)!.id;
const valueOf = (email: string, field: string) => state().contacts.find({ unicity: email })?.fields[String(fieldId(field))];

const MAPPING = { mappingMode: 'defineBelow', value: { Email: '={{ $json.email }}', City: '={{ $json.city }}', LoyaltyPoints: '={{ $json.points }}' } };

const upsertMany = (input: IDataObject[], options: IDataObject = {}, continueOnFail = false) =>
	runNode(
		simulator(),
		{ type: 'np6Contact', parameters: { resource: 'contact', operation: 'upsertMany', fields: MAPPING, options: { pollInterval: 1, ...options } }, continueOnFail },
		input,
	);

const people = (count: number, label: string, city = 'Lyon') =>
	Array.from({ length: count }, (_, i) => ({ email: `${label}.${i}@example.com`, city: `${city} ${i}`, points: i }));

/** The import requests of the last run, in order, as catalogue keys. */
const importRequests = () => log().entries.filter((e) => e.operation?.startsWith('import')).map((e) => e.operation!);

const pairedItems = (item: INodeExecutionData) => (Array.isArray(item.pairedItem) ? item.pairedItem : [item.pairedItem]).map((p) => (p as { item: number }).item);

beforeAll(() => {
	state().imports.executionDelayMs = 50;
});

beforeEach(() => {
	log().clear();
	simulator().server.faults.clear();
});

test('2,500 items in chunks of 1,000: 3 summaries, each paired with its items; every contact stored with its values', async () => {
	const input = people(2500, 'bulk');
	const result = await upsertMany(input, { chunkSize: 1000 });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(3);
	expect(result.items.map((item) => item.json)).toEqual([
		expect.objectContaining({ chunk: 1, chunks: 3, firstItemIndex: 0, lastItemIndex: 999, items: 1000, state: 1, stateName: 'completed', created: 1000, updated: 0, rejected: 0, rejects: [] }),
		expect.objectContaining({ chunk: 2, firstItemIndex: 1000, lastItemIndex: 1999, items: 1000, created: 1000, rejected: 0 }),
		expect.objectContaining({ chunk: 3, firstItemIndex: 2000, lastItemIndex: 2499, items: 500, created: 500, rejected: 0 }),
	]);
	expect(result.items.map(pairedItems)).toEqual([0, 1000, 2000].map((start, i) => Array.from({ length: i === 2 ? 500 : 1000 }, (_, k) => start + k)));
	for (const person of input) {
		expect(valueOf(person.email, 'City')).toBe(person.city);
		expect(valueOf(person.email, 'LoyaltyPoints')).toBe(String(person.points));
	}
	const binding = log().handled('importFormat.create')[0].body as { separator: number; startAt: number; binds: Array<{ columnIndex: number; fieldId: number }> };
	expect(binding).toMatchObject({ separator: 59, startAt: 1 });
	expect(binding.binds).toEqual([fieldId('Email'), fieldId('City'), fieldId('LoyaltyPoints')].map((id, columnIndex) => ({ columnIndex, fieldId: id })));
	expect((log().handled('import.create')[0].body as IDataObject).features).toEqual([{ type: 'database', updateExisting: true, crushData: false }]);
});

test('requests: one binding and one import definition per run; per chunk an upload, a start and one poll after Poll Interval', async () => {
	const result = await upsertMany(people(300, 'count'), { chunkSize: 100 });
	expect(result.error).toBeUndefined();
	// The simulator finishes an import within 50 ms; the first poll waits Poll Interval (1 s), so one poll suffices.
	const chunk = ['import.uploadSource', 'import.execute', 'import.getLastExecution'];
	expect(importRequests()).toEqual(['importFormat.create', 'import.create', ...chunk, ...chunk, ...chunk]);
	// Nothing else was asked of NP6 but the field list (read once per run at most).
	expect(log().entries.filter((e) => !e.operation?.startsWith('import') && e.operation !== 'field.list')).toEqual([]);
	expect(log().entries.filter((e) => e.operation === 'field.list').length).toBeLessThanOrEqual(1);
});

test('polls: the pauses double from Poll Interval, so an import NP6 takes 5 s to finish costs 3 polls', async () => {
	state().imports.executionDelayMs = 5000;
	try {
		const started = Date.now();
		const result = await upsertMany(people(2, 'slow'));
		expect(result.items[0].json).toMatchObject({ state: 1, created: 2 });
		// Polls 1, 3 and 7 s after the start.
		expect(log().handled('import.getLastExecution')).toHaveLength(3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(7000);
	} finally {
		state().imports.executionDelayMs = 50;
	}
});

test('a repeated run updates the contacts: none created twice', async () => {
	const input = people(300, 'again');
	await upsertMany(input, { chunkSize: 150 });
	const count = state().contacts.byId.size;
	const again = await upsertMany(input.map((person) => ({ ...person, city: `${person.city} bis` })), { chunkSize: 150 });
	expect(again.items.map((item) => [item.json.created, item.json.updated, item.json.rejected])).toEqual([
		[0, 150, 0],
		[0, 150, 0],
	]);
	expect(state().contacts.byId.size).toBe(count);
	expect(valueOf('again.299@example.com', 'City')).toBe('Lyon 299 bis');
});

test('quoting: separators, quotes, line breaks and non-ASCII text arrive as given', async () => {
	const tricky = [
		{ email: 'quote.1@example.com', city: 'Saint-Denis; "La Réunion"', points: 1 },
		{ email: 'quote.2@example.com', city: 'two\nlines', points: 2 },
		{ email: 'quote.3@example.com', city: 'Zürich, ß', points: 3 },
	];
	const result = await upsertMany(tricky);
	expect(result.items[0].json).toMatchObject({ created: 3, rejected: 0 });
	for (const person of tricky) expect(valueOf(person.email, 'City')).toBe(person.city);
});

test('bad input is refused before any import request, naming the parameter or field and the item', async () => {
	const input = people(5, 'bad');
	const badNumber = await upsertMany(input.map((person, i) => (i === 3 ? { ...person, points: 'many' } : person)));
	expect(badNumber.error?.message).toBe('The value of field "LoyaltyPoints" is not a number: "many"');
	expect((badNumber.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(3);
	const noEmail = await upsertMany(input.map((person, i) => (i === 2 ? { ...person, email: '' } : person)));
	expect(noEmail.error?.message).toBe('The parameter "Fields" has no value for Email');
	expect((noEmail.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
	const badChunk = await upsertMany(input, { chunkSize: 0 });
	expect(badChunk.error?.message).toMatch(/The option "Chunk Size" must be a whole number, at least 1: 0/);
	expect(importRequests()).toEqual([]);
	expect(state().contacts.find({ unicity: 'bad.0@example.com' })).toBeUndefined();
});

test('Continue On Fail: a chunk with a bad item becomes an error item paired with its items; the other chunks are imported', async () => {
	const input = people(6, 'cof');
	const result = await upsertMany(
		input.map((person, i) => (i === 4 ? { ...person, points: 'many' } : person)),
		{ chunkSize: 3 },
		true,
	);
	expect(result.items).toHaveLength(2);
	expect(result.items[0].json).toMatchObject({ chunk: 1, created: 3 });
	expect(pairedItems(result.items[0])).toEqual([0, 1, 2]);
	expect(result.items[1].json.error).toBe('The value of field "LoyaltyPoints" is not a number: "many"');
	expect(pairedItems(result.items[1])).toEqual([3, 4, 5]);
	expect(state().contacts.find({ unicity: 'cof.3@example.com' })).toBeUndefined();
	expect(valueOf('cof.2@example.com', 'City')).toBe('Lyon 2');
});

test('Continue On Fail: a chunk NP6 fails (403 on its upload) becomes an error item; the next chunk still runs', async () => {
	simulator().server.addFault({ kind: 'status', status: 403, operation: 'import.uploadSource', times: 1 });
	const result = await upsertMany(people(4, 'fault'), { chunkSize: 2 }, true);
	expect(result.items.map((item) => [item.json.error === undefined ? 'ok' : 'error', pairedItems(item)])).toEqual([
		['error', [0, 1]],
		['ok', [2, 3]],
	]);
	expect(state().contacts.find({ unicity: 'fault.3@example.com' })).toBeDefined();
});

test('an answer without the new ID stops the run at that step: nothing is created again, nothing uploaded', async () => {
	simulator().server.addFault({ kind: 'body', body: { identifier: {} }, operation: 'importFormat.create', times: 1 });
	const noBindingId = await upsertMany(people(2, 'noid'));
	expect(noBindingId.error?.message).toBe('NP6 answered the creation of the binding without its ID');
	expect(importRequests()).toEqual(['importFormat.create']);

	log().clear();
	simulator().server.addFault({ kind: 'body', body: [], operation: 'import.create', times: 1 });
	const listForObject = await upsertMany(people(2, 'noid'));
	expect(listForObject.error?.message).toMatch(/an array where an object was expected/);
	expect(importRequests()).toEqual(['importFormat.create', 'import.create']);
	expect(state().contacts.find({ unicity: 'noid.0@example.com' })).toBeUndefined();
});

describe('field lists from the process cache (Request Options → Metadata Cache)', () => {
	const withField = (name: string, input: IDataObject[]) =>
		runNode(
			simulator(),
			{
				type: 'np6Contact',
				parameters: {
					resource: 'contact',
					operation: 'upsertMany',
					fields: { mappingMode: 'defineBelow', value: { Email: '={{ $json.email }}', [name]: '={{ $json.extra }}' } },
					options: { pollInterval: 1 },
				},
			},
			input,
		);

	test('a field added in NP6 since the lists were cached: read once more, and imported with it', async () => {
		await upsertMany(people(2, 'warm'));
		const added = state().fields.addField({ type: 'textField', name: 'Nickname', isUnicity: false, isMandatory: false });
		log().clear();
		const result = await withField('Nickname', [{ email: 'nick.0@example.com', extra: 'Dee' }]);
		expect(result.error).toBeUndefined();
		expect(log().handled('field.list')).toHaveLength(1);
		expect(state().contacts.find({ unicity: 'nick.0@example.com' })!.fields[String(added.id)]).toBe('Dee');
	});

	test('a field deleted in NP6 since: the binding is refused, the lists read once more, and the run fails naming the field before any upload', async () => {
		const doomed = state().fields.addField({ type: 'textField', name: 'Doomed', isUnicity: false, isMandatory: false });
		await withField('Doomed', [{ email: 'doomed.0@example.com', extra: 'yes' }]);
		state().fields.fields.delete(doomed.id);
		log().clear();
		const result = await withField('Doomed', [{ email: 'doomed.1@example.com', extra: 'still' }]);
		expect(result.error?.message).toBe('The field "Doomed" does not exist in this NP6 account');
		expect(log().handled('field.list')).toHaveLength(1);
		expect(log().entries.filter((e) => e.operation === 'importFormat.create').map((e) => e.status)).toEqual([400]);
		expect(importRequests()).toEqual(['importFormat.create']);
		expect(state().contacts.find({ unicity: 'doomed.1@example.com' })).toBeUndefined();
	});
});

// Last: the mandatory field it adds would reject new contacts in the other tests.
test('rejected lines: a new contact without a value for a mandatory field, which the node cannot foresee (existing contacts need none)', async () => {
	state().fields.addField({ type: 'textField', name: 'Company', isUnicity: false, isMandatory: true });
	state().contacts.create({ [fieldId('Email')]: 'known@example.com' });
	const input = [
		{ email: 'known@example.com', city: 'two\nlines', points: 1 },
		{ email: 'unknown@example.com', city: 'Nice', points: 2 },
		{ email: 'known@example.com', city: 'Brest', points: 3 },
	];
	const result = await upsertMany(input);
	expect(result.error).toBeUndefined();
	// Item 1's record starts on file line 4: item 0's city spans lines 2 and 3.
	expect(result.items[0].json).toMatchObject({
		state: 1,
		created: 0,
		updated: 2,
		rejected: 1,
		rejects: [{ itemIndex: 1, line: 4, reason: 'no value for mandatory field "Company"' }],
	});
	expect(pairedItems(result.items[0])).toEqual([0, 1, 2]);
	expect(state().contacts.find({ unicity: 'unknown@example.com' })).toBeUndefined();
	expect(valueOf('known@example.com', 'City')).toBe('Brest');
});
