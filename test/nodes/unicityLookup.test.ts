/**
 * `GET /targets?unicity=` answers one contact object or an array (the catalogue allows both; the
 * simulator answers either, seeded). Every caller reads both: Remove Contacts, Create or Update, Get.
 */
import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const state = () => simulator().state;
const log = () => simulator().server.log;
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

function contacts(label: string, count: number): string[] {
	const email = state().fields.byName('Email')!.id;
	return Array.from({ length: count }, (_, i) => {
		const address = `${label}.${i}@example.com`;
		if (!state().contacts.create({ [email]: address }).ok) throw new Error(`could not create ${address}`);
		return address;
	});
}

beforeEach(() => log().clear());

test('Remove Contacts by unicity value removes every contact, whichever shape NP6 answers the lookup in', async () => {
	const emails = contacts('remove.shape', 8);
	const segment = state().segments.create({ name: 'Shapes', type: 'static' })!;
	for (const email of emails) state().segments.add(segment, state().contacts.find({ unicity: email })!.id);

	const result = await runNode(
		simulator(),
		{ type: 'np6Contact', parameters: { resource: 'segment', operation: 'removeContacts', segment: byId(segment.id), identifyBy: 'unicity', contacts: emails.join(',') } },
	);

	expect(result.error).toBeUndefined();
	expect(result.items[0].json).toMatchObject({ requested: 8, removed: 8, notFound: [] });
	expect(state().segments.memberIds(segment)).toEqual([]);
	expect(log().entries.some((e) => e.path.includes('undefined'))).toBe(false);
});

test('Create or Update of existing contacts reads the lookup in both shapes', async () => {
	const emails = contacts('upsert.shape', 8);
	const city = state().fields.byName('City')!.id;
	const result = await runNode(
		simulator(),
		{ type: 'np6Contact', parameters: { resource: 'contact', operation: 'upsert', fields: { mappingMode: 'defineBelow', value: { Email: '={{ $json.email }}', City: 'Vannes' } } } },
		emails.map((email) => ({ email })),
	);
	expect(result.error).toBeUndefined();
	for (const email of emails) expect(state().contacts.find({ unicity: email })!.fields[city]).toBe('Vannes');
	expect(log().handled('target.create')).toHaveLength(0);
});
