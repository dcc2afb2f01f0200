/**
 * The request helper repeats a PUT or DELETE whose answer was lost (NP6 may have carried it out).
 * A repeat must not do anything twice, and a repeat that finds the work done is a success.
 */
import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const log = () => simulator().server.log;
const state = () => simulator().state;
const run = (resource: string, operation: string, parameters: Record<string, unknown> = {}) =>
	runNode(simulator(), { type: 'np6Contact', parameters: { resource, operation, ...parameters } });

beforeEach(() => {
	log().clear();
	simulator().server.faults.clear();
});

test('a new push subscription whose answer was lost is created once, not twice', async () => {
	await run('contact', 'upsert', { fields: { mappingMode: 'defineBelow', value: { Email: 'one.device@example.com' } } });
	const application = 'a2f5c9e0-1b2c-4d3e-8f9a-0b1c2d3e4f50';
	simulator().server.addFault({ kind: 'reset', operation: 'subscription.upsert', phase: 'after', times: 1 });

	const result = await run('subscription', 'upsert', {
		findBy: 'unicity',
		unicity: 'one.device@example.com',
		application: { __rl: true, mode: 'id', value: application },
		providerType: 'firebase',
		token: 'device-token-1',
	});

	expect(result.error).toBeUndefined();
	expect(log().handled('subscription.upsert')).toHaveLength(2);
	const contact = state().contacts.find({ unicity: 'one.device@example.com' })!;
	expect(state().subscriptions.forContact(contact.id)).toHaveLength(1);
	expect(result.items[0].json.id).toBe(state().subscriptions.forContact(contact.id)[0].id);
});

test('a DELETE repeated after its answer was lost, answered 404, means the contact is gone: success', async () => {
	const created = await run('contact', 'upsert', { fields: { mappingMode: 'defineBelow', value: { Email: 'gone@example.com' } } });
	const id = String(created.items[0].json.id);
	simulator().server.addFault({ kind: 'status', status: 503, operation: 'target.delete', phase: 'after', times: 1 });

	const result = await run('contact', 'delete', { contactId: id });

	expect(result.error).toBeUndefined();
	expect(result.items[0].json).toEqual({ success: true });
	expect(log().entries.filter((e) => e.operation === 'target.delete').map((e) => e.status)).toEqual([503, 404]);
	expect(state().contacts.find({ unicity: 'gone@example.com' })).toBeUndefined();
});

test('a first DELETE answered 404 is still an error: nothing was deleted', async () => {
	const result = await run('contact', 'delete', { contactId: 'ZZZZZZZZ' });
	expect(result.error?.httpCode).toBe('404');
});
