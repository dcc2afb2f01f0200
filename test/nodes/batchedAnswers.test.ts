/**
 * Batched sends and renders: NP6 answers one entry per recipient, in no promised order (the simulator
 * shuffles them) and possibly fewer than asked. Each item gets the entry that names its own recipient;
 * an item no entry names is never a success.
 */
import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const state = () => simulator().state;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const orderConfirmation = () => [...state().actions.byId.values()].find((a) => a.name === 'Order confirmation')!.id;

function contacts(label: string, count: number) {
	const email = state().fields.byName('Email')!.id;
	return Array.from({ length: count }, (_, i) => {
		const address = `${label}.${i}@example.com`;
		const created = state().contacts.create({ [email]: address });
		if (!created.ok) throw new Error(`could not create ${address}`);
		return { email: address, id: created.contact.id, hash: created.contact.hash };
	});
}

const action = (operation: string, extra: Record<string, unknown> = {}, continueOnFail = false) => ({
	type: 'np6Action',
	continueOnFail,
	parameters: { resource: 'action', operation, action: byId(orderConfirmation()), recipientBy: 'unicity', recipient: '={{ $json.email }}', ...extra },
});

beforeEach(() => simulator().server.faults.clear());

test('a batched send answered in another order: each item gets the result of its own recipient', async () => {
	const people = contacts('shuffled.send', 6);
	const result = await runNode(simulator(), action('send', { sendOptions: { batchSize: 6 } }), people);

	expect(result.error).toBeUndefined();
	expect(simulator().server.log.handled('action.executeMany')).toHaveLength(1);
	result.items.forEach((item, i) => {
		expect((item.json.recipient as { unicity: string }).unicity).toBe(people[i].email);
		expect(state().deliveries.get(String(item.json.messageId))?.contactId).toBe(people[i].id);
	});
});

test('a batched send answered for fewer recipients: the unanswered item has an unknown outcome, the others their own result', async () => {
	const people = contacts('partial.send', 5);
	simulator().server.addFault({ kind: 'partial', operation: 'action.executeMany', phase: 'after', times: 1 });
	const result = await runNode(simulator(), action('send', { sendOptions: { batchSize: 5 } }, true), people);

	expect(result.items).toHaveLength(5);
	const unknown = result.items.filter((item) => item.json.error);
	expect(unknown).toHaveLength(1);
	expect(unknown[0].json.error).toMatch(/may or may not have sent/);
	result.items.forEach((item, i) => {
		if (item.json.error) return;
		expect((item.json.recipient as { unicity: string }).unicity).toBe(people[i].email);
		expect(state().deliveries.get(String(item.json.messageId))?.contactId).toBe(people[i].id);
	});
});

test('batched renders answered in another order: each item gets the preview rendered for its own recipient', async () => {
	const people = contacts('shuffled.render', 5);
	const result = await runNode(simulator(), action('render', { renderMany: true }), people);

	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.json.recipient)).toEqual(people.map((p) => p.email));
	expect(result.items.map((item) => item.pairedItem)).toEqual(people.map((_, item) => ({ item })));
});

test('batched renders that cannot be matched (recipients by ID) are errors, never another item\'s preview', async () => {
	const people = contacts('unmatched.render', 3);
	const result = await runNode(simulator(), action('render', { renderMany: true, recipientBy: 'id', recipient: '={{ $json.id }}' }, true), people);

	expect(result.items).toHaveLength(3);
	result.items.forEach((item) => expect(item.json.error).toMatch(/no render for this item's recipient/));
});
