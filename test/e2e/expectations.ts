import type { ExecutionOutput } from '../../scripts/n8n/instance';
import type { Simulator } from '../../simulator';

export interface ExampleRun {
	output: ExecutionOutput;
	simulator: Simulator;
	/** Runs the example's Manual Trigger variant once more. */
	again(): Promise<ExecutionOutput>;
}

/** Output items of one node in an `n8n execute` result. */
export function itemsOf(output: ExecutionOutput, nodeName: string): Array<Record<string, unknown>> {
	const runs = output.data?.resultData?.runData?.[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(output.data?.resultData?.runData ?? {}).join(', ')}`);
	return runs.flatMap((run) => run.data?.main?.[0] ?? []).map((item) => item.json);
}

/**
 * What each example in examples/ must do when n8n runs it against the simulator. An example
 * without an entry here fails the end-to-end suite.
 */
export const expectations: Record<string, (run: ExampleRun) => Promise<void>> = {
	'sync-contacts': async ({ output, simulator, again }) => {
		const stored = itemsOf(output, 'NP6: Create or Update Contact');
		const people = itemsOf(output, 'One item per person');
		expect(stored).toHaveLength(people.length);
		expect(people.length).toBeGreaterThan(0);

		const fields = simulator.state.fields;
		const id = (name: string) => String(fields.byName(name)!.id);
		for (const [index, person] of people.entries()) {
			const contact = simulator.state.contacts.find({ unicity: String(person.email) });
			expect(contact).toBeDefined();
			expect(contact!.fields[id('City')]).toBe(person.city);
			expect(contact!.fields[id('FirstName')]).toBe(person.firstName);
			expect(stored[index]).toMatchObject({ id: contact!.id, hash: contact!.hash, fields: { Email: person.email }, fieldIds: { [id('Email')]: person.email } });
		}

		// Running it again updates the same contacts: nothing is created twice.
		const count = simulator.state.contacts.byId.size;
		const second = itemsOf(await again(), 'NP6: Create or Update Contact');
		expect(second.map((c) => c.id)).toEqual(stored.map((c) => c.id));
		expect(simulator.state.contacts.byId.size).toBe(count);
	},

	'csv-pipeline': async ({ output, simulator, again }) => {
		const [report] = itemsOf(output, 'NP6: Import Contacts into Newsletter');
		expect(report).toMatchObject({ state: 1, stateName: 'completed' });
		const csv = String(itemsOf(output, 'Sample CSV')[0].csv);
		const rows = csv.trim().split('\n').slice(1).map((line) => line.split(';'));
		const newsletter = simulator.state.segments.byName('Newsletter')!;
		const members = new Set(simulator.state.segments.memberIds(newsletter));
		const city = String(simulator.state.fields.byName('City')!.id);
		for (const [email, , , town] of rows) {
			const contact = simulator.state.contacts.find({ unicity: email });
			expect(contact?.fields[city]).toBe(town);
			expect(members.has(contact!.id)).toBe(true);
		}
		// Importing the same file again updates the same contacts.
		const count = simulator.state.contacts.byId.size;
		expect(itemsOf(await again(), 'NP6: Import Contacts into Newsletter')[0]).toMatchObject({ state: 1 });
		expect(simulator.state.contacts.byId.size).toBe(count);
	},

	'triggered-send': async ({ output, simulator, again }) => {
		const orders = itemsOf(output, 'One item per order');
		const sent = itemsOf(output, 'NP6: Send Order Confirmation');
		expect(sent).toHaveLength(orders.length);
		const action = [...simulator.state.actions.byId.values()].find((a) => a.name === 'Order confirmation')!;
		const deliveriesTo = (email: string) =>
			simulator.state.deliveries.forAction(action.id).filter((d) => d.contactId === simulator.state.contacts.find({ unicity: email })?.id);
		for (const [index, order] of orders.entries()) {
			expect(sent[index]).toMatchObject({ status: 'sent', actionId: action.id });
			const deliveries = deliveriesTo(String(order.email));
			expect(deliveries).toHaveLength(1);
			expect(deliveries[0].messageId).toBe(sent[index].messageId);
			expect(deliveries[0].data).toEqual({ orderId: order.orderId, total: order.total });
		}
		// Each run sends each confirmation once more: one new delivery per recipient, never two.
		await again();
		for (const order of orders) expect(deliveriesTo(String(order.email))).toHaveLength(2);
	},
};
