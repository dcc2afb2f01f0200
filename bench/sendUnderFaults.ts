/**
 * `npm run bench:send`: NP6 Action → Send to 500 contacts while the simulator injects 429 bursts,
 * 503s after NP6 delivered, and connection resets after NP6 delivered. Prints how many messages
 * each recipient got (the figure that matters: duplicates), how many items were sent, failed with
 * "unknown outcome", failed otherwise, or were dropped.
 */
import { runNode } from '../test/harness/engine';
import { startSimulator } from '../simulator';
import { sendToEachEmail } from './sendNode';

export interface SendUnderFaultsFigures {
	recipients: number;
	requests: number;
	refused429: number;
	answersLost: number;
	sent: number;
	unknownOutcome: number;
	otherErrors: number;
	dropped: number;
	deliveries: number;
	duplicateDeliveries: number;
	sentWithoutExactlyOneDelivery: number;
	seconds: number;
}

export async function sendUnderFaults(recipients = 500, batchSize = 10): Promise<SendUnderFaultsFigures> {
	const simulator = await startSimulator({ faultSeed: 2026 });
	try {
		const { state, server } = simulator;
		const email = state.fields.byName('Email')!.id;
		const emails = Array.from({ length: recipients }, (_, i) => `fault.${i}@example.com`);
		const contactIds = emails.map((address) => {
			const created = state.contacts.create({ [email]: address });
			if (!created.ok) throw new Error(`could not create ${address}`);
			return created.contact.id;
		});
		const action = [...state.actions.byId.values()].find((a) => a.name === 'Order confirmation')!;
		for (const operation of ['action.execute', 'action.executeMany']) {
			server.addFault({ kind: 'status', status: 429, headers: { 'Retry-After': '0' }, operation, rate: 0.2 });
			server.addFault({ kind: 'status', status: 503, operation, phase: 'after', rate: 0.08 });
			server.addFault({ kind: 'reset', operation, phase: 'after', rate: 0.05 });
		}
		server.log.clear();

		const started = Date.now();
		const result = await runNode(simulator, sendToEachEmail(action.id, { batchSize }), emails.map((address) => ({ email: address })));
		const seconds = (Date.now() - started) / 1000;

		const perContact = new Map<string, number>();
		for (const delivery of state.deliveries.forAction(action.id)) perContact.set(delivery.contactId, (perContact.get(delivery.contactId) ?? 0) + 1);
		const sends = server.log.entries.filter((e) => e.operation === 'action.execute' || e.operation === 'action.executeMany');
		const outputs = result.items.map((i) => i.json);
		return {
			recipients,
			requests: sends.length,
			refused429: sends.filter((e) => e.status === 429).length,
			answersLost: sends.filter((e) => e.handled && (e.interference === 'status' || e.interference === 'reset')).length,
			sent: outputs.filter((o) => o.status === 'sent').length,
			unknownOutcome: outputs.filter((o) => String(o.error ?? '').startsWith('NP6 may or may not have sent')).length,
			otherErrors: outputs.filter((o) => o.error && !String(o.error).startsWith('NP6 may or may not have sent')).length,
			dropped: recipients - outputs.length,
			deliveries: [...perContact.values()].reduce((a, b) => a + b, 0),
			duplicateDeliveries: [...perContact.values()].reduce((a, n) => a + Math.max(0, n - 1), 0),
			sentWithoutExactlyOneDelivery: outputs.filter((o, i) => o.status === 'sent' && perContact.get(contactIds[i]) !== 1).length,
			seconds,
		};
	} finally {
		await simulator.close();
	}
}

if (require.main === module) {
	void sendUnderFaults().then((f) => {
		console.log(`Send to ${f.recipients} contacts in batches of 10, with 429 bursts (20%), 503 after delivery (8%), resets after delivery (5%):`);
		console.log(`  ${f.requests} send requests: ${f.refused429} refused with 429 (repeated), ${f.answersLost} delivered but answer lost (not repeated)`);
		console.log(`  items: ${f.sent} sent, ${f.unknownOutcome} failed with "unknown outcome", ${f.otherErrors} other errors, ${f.dropped} dropped`);
		console.log(`  deliveries: ${f.deliveries}, duplicate deliveries: ${f.duplicateDeliveries}, sent items without exactly one delivery: ${f.sentWithoutExactlyOneDelivery}`);
		console.log(`  ${f.seconds.toFixed(1)} s`);
	});
}
