/**
 * n8n's "Retry On Fail" runs a failed node again with all its items: for Send that would send again
 * every message the failed run had already sent. Send refuses to run with it, before sending anything.
 */
import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const state = () => simulator().state;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

test('Send with Retry On Fail: refused at the start, nothing sent (a partial failure could not lead to a second send)', async () => {
	const email = state().fields.byName('Email')!.id;
	const known = ['retry.1@example.com', 'retry.2@example.com'];
	for (const address of known) state().contacts.create({ [email]: address });
	const action = [...state().actions.byId.values()].find((a) => a.name === 'Order confirmation')!.id;
	const before = state().deliveries.all.length;

	const result = await runNode(
		simulator(),
		{
			type: 'np6Action',
			retryOnFail: true,
			parameters: { resource: 'action', operation: 'send', action: byId(action), recipientBy: 'unicity', recipient: '={{ $json.email }}' },
		},
		// The unknown recipient fails its item, which fails the node after the others were sent.
		[...known, 'unknown.recipient@example.com'].map((address) => ({ email: address })),
	);

	expect(result.error?.message).toMatch(/Retry On Fail/);
	expect(state().deliveries.all.length - before).toBe(0);
});
