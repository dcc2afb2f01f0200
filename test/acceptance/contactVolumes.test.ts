/**
 * Acceptance figures of the NP6 Contact node: 10,000 unicity values into a segment in one run
 * (≤ 200 requests), and 1,000 contacts imported from a CSV file.
 */
import { fileItem, runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const byId = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });

test('10,000 unicity values reach a segment in at most 200 requests, with the right members', async () => {
	const { state, server } = simulator();
	const email = state.fields.byName('Email')!.id;
	const emails = Array.from({ length: 10_000 }, (_, i) => `volume.${i}@example.com`);
	for (const address of emails) state.contacts.create({ [email]: address });
	const segment = state.segments.create({ type: 'static', name: 'Ten thousand' })!;
	server.log.clear();

	const started = Date.now();
	const result = await runNode(
		simulator(),
		{ type: 'np6Contact', parameters: { resource: 'segment', operation: 'addContacts', segment: byId(segment.id), identifyBy: 'unicity', contacts: '={{ $json.email }}' } },
		emails.map((address) => ({ email: address })),
	);
	expect(result.error).toBeUndefined();
	const requests = server.log.entries.length;
	expect(requests).toBeLessThanOrEqual(200);
	expect(server.log.handled('segment.addTargets')).toHaveLength(200);
	expect(result.items[0].json).toMatchObject({ requested: 10_000, added: 10_000 });
	const members = new Set(state.segments.memberIds(segment));
	expect(members.size).toBe(10_000);
	expect(emails.every((address) => members.has(state.contacts.find({ unicity: address })!.id))).toBe(true);
	console.log(`segment add: 10,000 unicity values in ${requests} requests, ${((Date.now() - started) / 1000).toFixed(1)} s, ${members.size} members`);
});

test('1,000 contacts imported from a CSV file are all present afterwards', async () => {
	const { state } = simulator();
	const rows = Array.from({ length: 1_000 }, (_, i) => `imported.${i}@example.com;Person ${i};${['Lyon', 'Nice', 'Lille'][i % 3]}`);
	const csv = ['Email;FirstName;City', ...rows].join('\n');
	const before = state.contacts.byId.size;
	const started = Date.now();
	const result = await runNode(
		simulator(),
		{ type: 'np6Contact', parameters: { resource: 'import', operation: 'importFromFile', binaryPropertyName: 'data', separator: ';', updateExisting: true, options: { pollInterval: 1 } } },
		[fileItem(csv)],
	);
	expect(result.error).toBeUndefined();
	expect(result.items[0].json).toMatchObject({ state: 1 });
	const city = String(state.fields.byName('City')!.id);
	for (let i = 0; i < 1_000; i++) {
		const contact = state.contacts.find({ unicity: `imported.${i}@example.com` });
		expect(contact?.fields[city]).toBe(['Lyon', 'Nice', 'Lille'][i % 3]);
	}
	expect(state.contacts.byId.size - before).toBe(1_000);
	console.log(`import: 1,000 CSV rows → ${state.contacts.byId.size - before} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
