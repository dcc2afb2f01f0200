/**
 * Send → "Skip Recipients Already Sent": running the same send again (e.g. after a failed execution)
 * reads the message's activations first and sends nothing to contacts found there.
 */
import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const state = () => simulator().state;
const log = () => simulator().server.log;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function contacts(prefix: string, count: number) {
	const email = String(state().fields.byName('Email')!.id);
	return Array.from({ length: count }, (_, n) => {
		const written = state().contacts.create({ [email]: `${prefix}.${n}@example.com` });
		if (!written.ok) throw new Error('contact not created');
		return written.contact;
	});
}

const orderConfirmation = () => [...state().actions.byId.values()].find((a) => a.name === 'Order confirmation')!.id;
const send = (action: string, skipAlreadySent: boolean, items: Array<{ email: string }>) =>
	runNode(
		simulator(),
		{
			type: 'np6Action',
			parameters: { resource: 'action', operation: 'send', action: byId(action), recipientBy: 'unicity', recipient: '={{ $json.email }}', sendOptions: { skipAlreadySent } },
		},
		items,
	);

test('a re-run of the same 100 recipients sends 0 messages: every item says it was skipped, and why', async () => {
	const action = orderConfirmation();
	const items = contacts('rerun', 100).map((c) => ({ email: String(c.unicity) }));
	const before = state().deliveries.all.length;

	const first = await send(action, true, items);
	expect(first.error).toBeUndefined();
	expect(first.items.map((i) => i.json.status)).toEqual(items.map(() => 'sent'));
	expect(state().deliveries.all.length - before).toBe(100);

	log().clear();
	const again = await send(action, true, items);
	expect(again.error).toBeUndefined();
	expect(state().deliveries.all.length - before).toBe(100);
	expect(again.items.map((i) => [i.json.status, i.json.activatedAt !== undefined, i.pairedItem])).toEqual(items.map((_, item) => ['skipped', true, { item }]));
	expect(log().entries.map((e) => e.operation)).toEqual(['action.get', 'actionEvent.listActivationsForAction']);
	const [read] = log().entries.filter((e) => e.operation === 'actionEvent.listActivationsForAction');
	expect(Object.keys(read.query).sort()).toEqual(['end', 'sort', 'start']);
});

test('only the recipients found are skipped; the others are sent, and without the option everything goes out again', async () => {
	const action = orderConfirmation();
	const people = contacts('partial', 6).map((c) => ({ email: String(c.unicity) }));
	const before = state().deliveries.all.length;
	await send(action, false, people.slice(0, 3));

	const mixed = await send(action, true, people);
	expect(mixed.items.map((i) => i.json.status)).toEqual(['skipped', 'skipped', 'skipped', 'sent', 'sent', 'sent']);
	expect(state().deliveries.all.length - before).toBe(6);

	await send(action, false, people);
	expect(state().deliveries.all.length - before).toBe(12);
});

test('activations older than the window do not count', async () => {
	const action = orderConfirmation();
	const [person] = contacts('window', 1);
	const delivery = state().deliveries.record(
		{ channel: 'email', actionId: action, contact: person, address: String(person.unicity), rendered: {} },
		Date.now() - 2 * 60 * 60_000,
	);
	expect(delivery.messageId).toBeTruthy();
	const result = await send(action, true, [{ email: String(person.unicity) }]);
	expect(result.items[0].json.status).toBe('sent');
});
