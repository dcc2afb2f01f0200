/**
 * The shared executor runs items concurrently through the request scheduler: output order and
 * pairing follow the input whatever order NP6 answers in, Continue On Fail is unchanged, the first
 * error stops new work, concurrency is bounded, and NP6 nodes share one scheduler per credential.
 */
import { PACKAGE, runChain, runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';
import { schedulerScope } from '../../nodes/shared/transport/runContext';
import { forgetSchedulers, schedulerFor } from '../../nodes/shared/transport/scheduler';

const simulator = useSimulator({ faultSeed: 8 });
const log = () => simulator().server.log;
const fieldId = (name: string) => String(simulator().state.fields.byName(name)!.id);

const upsert = (requestOptions = {}) => ({
	type: 'np6Contact',
	parameters: {
		resource: 'contact',
		operation: 'upsert',
		fields: { mappingMode: 'defineBelow', value: { Email: '={{ $json.email }}', City: '={{ $json.city }}', LoyaltyPoints: '={{ $json.points }}' } },
		requestOptions,
	},
});

beforeEach(() => {
	forgetSchedulers();
	log().clear();
	simulator().server.faults.clear();
	simulator().server.setRateLimit(undefined);
});

test('300 items with Continue On Fail and injected failures: order and pairing kept, each result is its own item', async () => {
	const people = Array.from({ length: 300 }, (_, i) => ({
		email: `order.${i}@example.com`,
		city: `City ${i}`,
		points: i % 37 === 5 ? 'many' : String(i),
	}));
	// Answers come back out of order (some held 30 ms), and some creates are refused.
	simulator().server.addFault({ kind: 'delay', delayMs: 30, operation: 'target.create', rate: 0.3 });
	simulator().server.addFault({ kind: 'status', status: 400, operation: 'target.create', rate: 0.1 });

	const result = await runNode(simulator(), { ...upsert(), continueOnFail: true }, people);

	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(300);
	expect(result.items.map((item) => item.pairedItem)).toEqual(people.map((_, item) => ({ item })));
	const refusedEmails = new Set(
		log()
			.entries.filter((e) => e.operation === 'target.create' && e.status === 400)
			.map((e) => (e.body as Record<string, string>).Email),
	);
	expect(refusedEmails.size).toBeGreaterThan(5);
	people.forEach((person, i) => {
		const json = result.items[i].json;
		if (person.points === 'many') expect(json.error).toMatch(/LoyaltyPoints/);
		else if (refusedEmails.has(person.email)) expect(json.error).toMatch(/NP6 400/);
		else expect((json.fields as Record<string, string>).City).toBe(person.city);
	});
});

test('without Continue On Fail the first error stops new work and names its item', async () => {
	const people = Array.from({ length: 300 }, (_, i) => ({ email: `stop.${i}@example.com`, city: 'Lyon', points: i === 40 ? 'lots' : '1' }));
	const result = await runNode(simulator(), upsert({ maxConcurrent: 4 }), people);
	expect(result.error?.message).toMatch(/LoyaltyPoints/);
	expect(result.error?.message ?? '').not.toMatch(/stop\.41/);
	const created = log().handled('target.create').length;
	expect(created).toBeGreaterThanOrEqual(40);
	expect(created).toBeLessThan(60);
});

test('at most Max Concurrent Requests are under way at once, and several are', async () => {
	// Every answer takes at least 100 ms, so arrivals within 90 ms were under way together.
	simulator().server.addFault({ kind: 'delay', delayMs: 100, operation: 'field.list' });
	const result = await runNode(
		simulator(),
		{ type: 'np6Contact', parameters: { resource: 'field', operation: 'getAll', returnAll: true, requestOptions: { maxConcurrent: 4 } } },
		Array.from({ length: 24 }, () => ({})),
	);
	expect(result.error).toBeUndefined();
	const arrivals = log().entries.map((e) => e.at);
	expect(arrivals).toHaveLength(24);
	const together = arrivals.map((at) => arrivals.filter((other) => other >= at && other < at + 90).length);
	expect(Math.max(...together)).toBeLessThanOrEqual(4);
	expect(Math.max(...together)).toBeGreaterThanOrEqual(3);
});

test('two NP6 nodes in one workflow share one scheduler per credential', async () => {
	simulator().server.setRateLimit({ limit: 20, resetFormat: 'epochMs' });
	const people = Array.from({ length: 15 }, (_, i) => ({ email: `shared.${i}@example.com`, city: 'Caen', points: '3' }));
	const chain = await runChain(
		simulator(),
		[
			{ name: 'Write', type: `${PACKAGE}.np6Contact`, parameters: upsert().parameters },
			{
				name: 'Read',
				type: `${PACKAGE}.np6Contact`,
				parameters: { resource: 'contact', operation: 'get', findBy: 'id', contactId: '={{ $json.id }}' },
			},
		],
		people,
	);
	expect(chain.error).toBeUndefined();
	expect(chain.nodes.Read.items.map((item) => item.json.id)).toEqual(chain.nodes.Write.items.map((item) => item.json.id));
	const shared = schedulerFor(schedulerScope(simulator().url, simulator().apiKey));
	expect(shared.counts.sent).toBe(log().entries.length);
	expect(log().count((e) => e.status === 429)).toBe(0);
	expect(schedulerFor(schedulerScope(simulator().url, 'another-key')).counts.sent).toBe(0);
});

describe('Create or Update: requests per contact', () => {
	const people = Array.from({ length: 20 }, (_, i) => ({ email: `count.${i}@example.com`, city: 'Brest', points: '1' }));
	const operations = () => log().entries.map((e) => e.operation);
	const count = (operation: string) => operations().filter((o) => o === operation).length;

	// The first item follows what this node met in its recent executions (upsertHistory): here, the
	// earlier tests' new contacts, so it creates first; then the run learns from its own items.
	test('new contacts: one create each, no lookup (the node recently met new contacts)', async () => {
		const result = await runNode(simulator(), upsert(), people);
		expect(result.error).toBeUndefined();
		expect(count('target.create')).toBe(20);
		expect(count('target.search')).toBe(0);
		expect(count('target.update')).toBe(0);
		expect(log().entries.filter((e) => e.operation !== 'field.list')).toHaveLength(20);
	});

	test('existing contacts: a lookup and an update each, after the first item\'s create answered 409', async () => {
		const result = await runNode(simulator(), upsert(), people.map((p) => ({ ...p, city: 'Quimper' })));
		expect(result.error).toBeUndefined();
		expect(log().entries.filter((e) => e.operation === 'target.create').map((e) => e.status)).toEqual([409]);
		expect(count('target.search')).toBe(20);
		expect(count('target.update')).toBe(20);
		result.items.forEach((item) => expect((item.json.fields as Record<string, string>).City).toBe('Quimper'));
	});

	test('items naming the same contact are written one after the other, in item order', async () => {
		const same = ['Arles', 'Blois', 'Cahors', 'Dax'].map((city) => ({ email: 'twice@example.com', city, points: '2' }));
		// The first update is slow: written concurrently, a later item's value would be overwritten by it.
		simulator().server.addFault({ kind: 'delay', delayMs: 150, operation: 'target.update', times: 1 });
		const result = await runNode(simulator(), upsert(), same);
		expect(result.error).toBeUndefined();
		expect(log().handled('target.create').filter((e) => e.status === 200)).toHaveLength(1);
		expect(simulator().state.contacts.find({ unicity: 'twice@example.com' })!.fields[fieldId('City')]).toBe('Dax');
		expect(result.items.map((item) => (item.json.fields as Record<string, string>).City)).toEqual(
			['Arles', 'Blois', 'Cahors', 'Dax'],
		);
	});
});
