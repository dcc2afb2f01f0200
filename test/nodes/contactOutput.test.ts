/** Contact outputs name their fields (Email, not 728), typed as the field is, with NP6's ids kept in `fieldIds`. */
import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const state = () => simulator().state;
const fieldId = (name: string) => String(state().fields.byName(name)!.id);
const log = () => simulator().server.log;

test('Get names the fields, converts values to their types, keeps the ids, and reads the field list once per run', async () => {
	const created = state().contacts.create({
		[fieldId('Email')]: 'typed@example.com',
		[fieldId('LoyaltyPoints')]: '17',
		[fieldId('BirthDate')]: '1990-04-01',
		[fieldId('City')]: 'Lorient',
	});
	if (!created.ok) throw new Error('could not create the contact');
	log().clear();

	const result = await runNode(
		simulator(),
		{ type: 'np6Contact', parameters: { resource: 'contact', operation: 'get', findBy: 'id', contactId: '={{ $json.id }}' } },
		[{ id: created.contact.id }, { id: created.contact.id }],
	);

	expect(result.error).toBeUndefined();
	for (const item of result.items) {
		expect(item.json.fields).toEqual({ Email: 'typed@example.com', LoyaltyPoints: 17, BirthDate: '1990-04-01T00:00:00.000Z', City: 'Lorient' });
		expect(item.json.fieldIds).toEqual(created.contact.fields);
	}
	expect(log().handled('field.list')).toHaveLength(1);
});

test('Get Many names the fields of every contact it lists', async () => {
	const created = state().contacts.create({ [fieldId('Email')]: 'listed@example.com', [fieldId('LoyaltyPoints')]: '4' });
	if (!created.ok) throw new Error('could not create the contact');
	log().clear();

	const result = await runNode(simulator(), { type: 'np6Contact', parameters: { resource: 'contact', operation: 'getAll', returnAll: true } });

	expect(result.error).toBeUndefined();
	expect(result.items.length).toBe(state().contacts.byId.size);
	const listed = result.items.find((item) => item.json.id === created.contact.id);
	expect(listed?.json.fields).toEqual({ Email: 'listed@example.com', LoyaltyPoints: 4 });
	expect(listed?.json.fieldIds).toEqual(created.contact.fields);
	for (const item of result.items) expect(Object.keys(item.json.fields as object).every((name) => !/^\d+$/.test(name))).toBe(true);
	// The list the previous execution read is still in the metadata cache (60 s).
	expect(log().handled('field.list')).toHaveLength(0);
});

test('a field id the cached list does not know (a field added since) makes the list read again once, and the output names it', async () => {
	await runNode(simulator(), { type: 'np6Contact', parameters: { resource: 'contact', operation: 'getAll', returnAll: true } });
	const added = state().fields.addField({ type: 'numeric', name: 'ShoeSize', isUnicity: false, isMandatory: false });
	const created = state().contacts.create({ [fieldId('Email')]: 'shoes@example.com', [String(added.id)]: '42' });
	if (!created.ok) throw new Error('could not create the contact');
	log().clear();

	const result = await runNode(
		simulator(),
		{ type: 'np6Contact', parameters: { resource: 'contact', operation: 'get', findBy: 'id', contactId: created.contact.id } },
	);

	expect(result.error).toBeUndefined();
	expect(result.items[0].json.fields).toEqual({ Email: 'shoes@example.com', ShoeSize: 42 });
	expect(log().handled('field.list')).toHaveLength(1);
});
