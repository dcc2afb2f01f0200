import type { DemoCrm } from '../../scripts/demoCrm';
import type { ExecutionItem, ExecutionOutput } from '../../scripts/n8n/instance';
import type { Simulator } from '../../simulator';
import { bounceVerdictOf, classificationOf, eventSubject, hitKindOf, type Np6Event } from '../../simulator/state/events';

const DAY = 24 * 3_600_000;

export interface ExampleRun {
	output: ExecutionOutput;
	simulator: Simulator;
	/** The demo CRM the examples' HTTP Request nodes write to. */
	crm: DemoCrm;
	/** Runs the example's Manual Trigger variant once more. */
	again(): Promise<ExecutionOutput>;
	/** Runs another variant of the example (e.g. "schedule.json") with a Manual Trigger in place of its trigger. */
	runVariant(file: string): Promise<ExecutionOutput>;
}

function outputItemsOf(output: ExecutionOutput, nodeName: string): ExecutionItem[] {
	const runs = output.data?.resultData?.runData?.[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(output.data?.resultData?.runData ?? {}).join(', ')}`);
	return runs.flatMap((run) => run.data?.main?.[0] ?? []);
}

/** Output items of one node in an `n8n execute` result. */
export function itemsOf(output: ExecutionOutput, nodeName: string): Array<Record<string, unknown>> {
	return outputItemsOf(output, nodeName).map((item) => item.json);
}

/** Output items of one node, each with the index of the single input item n8n pairs it with. */
export function pairedItemsOf(output: ExecutionOutput, nodeName: string): Array<{ json: Record<string, unknown>; input: number }> {
	return outputItemsOf(output, nodeName).map(({ json, pairedItem }) => {
		const paired = Array.isArray(pairedItem) ? pairedItem : [pairedItem];
		if (paired.length !== 1 || paired[0] === undefined) throw new Error(`an output item of "${nodeName}" is not paired with exactly one input item: ${JSON.stringify(pairedItem)}`);
		return { json, input: typeof paired[0] === 'number' ? paired[0] : paired[0].item };
	});
}

/** The contact a delivery event is about, and the value of its Email field. */
function contactOf(simulator: Simulator, event: Np6Event) {
	const contact = simulator.state.contacts.byId.get(eventSubject(event).contactId!)!;
	return { contact, email: contact.fields[String(simulator.state.fields.byName('Email')!.id)] };
}

/** What the bounce-feedback example must send the CRM for a hard bounce, read from NP6's event. */
export function expectedBounceRecord(simulator: Simulator, event: Np6Event): Record<string, unknown> {
	const { contact, email } = contactOf(simulator, event);
	const bounce = event.source.detail.bounce as { status: { diagnostic: string } };
	return { email, contactId: contact.id, bouncedAt: new Date(event.timestamp).toISOString(), diagnostic: bounce.status.diagnostic };
}

/** The redlist request a hard bounce must cause: the email redlist, or the SMS one for an SMS send. */
export function expectedRedlisting(simulator: Simulator, event: Np6Event): string {
	const channel = simulator.state.deliveries.get(eventSubject(event).messageId!)!.channel;
	return `POST /targets/${eventSubject(event).contactId}/redlist/${channel === 'sms' ? 'sms' : 'mail'}`;
}

/** Every redlisting NP6 carried out, as "POST <path>", in order. */
export const redlistings = (simulator: Simulator): string[] =>
	simulator.server.log.entries.filter((entry) => entry.handled && /^target\.redlist(Mail|Sms)$/.test(entry.operation ?? '')).map((entry) => `${entry.method} ${entry.path}`);

const sorted = <T>(values: T[], key: (value: T) => string) => [...values].sort((a, b) => key(a).localeCompare(key(b)));

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

	'bounce-feedback': async ({ output, simulator, crm, again }) => {
		// The first hard bounce of each contact in the example's range (the last 7 days), as NP6 recorded it.
		const firstHardBounce = new Map<string, Np6Event>();
		for (const event of simulator.state.events.query({ types: ['bounce'], start: Date.now() - 7 * DAY })) {
			const { contactId } = eventSubject(event);
			if (bounceVerdictOf(event) === 'hard' && event.source.type === 'email' && !firstHardBounce.has(contactId!)) firstHardBounce.set(contactId!, event);
		}
		const bounces = [...firstHardBounce.values()];
		expect(bounces.length).toBeGreaterThan(0);
		// Soft bounces are in the same feed and must be left alone.
		expect(simulator.state.events.query({ types: ['bounce'] }).some((event) => bounceVerdictOf(event) === 'soft')).toBe(true);

		const expectedRecords = sorted(bounces.map((event) => expectedBounceRecord(simulator, event)), (record) => String(record.contactId));
		const expectedRedlistings = bounces.map((event) => expectedRedlisting(simulator, event)).sort();
		expect(redlistings(simulator).sort()).toEqual(expectedRedlistings);
		for (const event of bounces) expect(contactOf(simulator, event).contact.redlist.mail).toBeDefined();
		expect(sorted(crm.records('bounces').map((record) => record.body as Record<string, unknown>), (body) => String(body.contactId))).toEqual(expectedRecords);
		expect(itemsOf(output, 'Record in CRM')).toHaveLength(bounces.length);

		// Run again: the same bounces are read, but their contacts are on the redlist now, so nothing is done twice.
		const second = await again();
		expect(itemsOf(second, 'NP6: Hard Bounces')).toHaveLength(itemsOf(output, 'NP6: Hard Bounces').length);
		expect(itemsOf(second, 'Not Redlisted Yet')).toEqual([]);
		expect(redlistings(simulator).sort()).toEqual(expectedRedlistings);
		expect(crm.records('bounces')).toHaveLength(bounces.length);
	},

	'newsletter-welcome': async ({ output, simulator, again, runVariant }) => {
		const newsletter = simulator.state.segments.byName('Newsletter')!;
		const journey = [...simulator.state.workflows.byId.values()].find((workflow) => workflow.name === 'Welcome journey')!;
		const members = [...simulator.state.segments.memberIds(newsletter)].sort();
		expect(members.length).toBeGreaterThan(1);
		const executions = () => simulator.state.workflows.executions.filter((execution) => execution.workflowId === journey.id);
		const entryFor = (contactId: string) => ({ receiver: { type: 'id', value: contactId }, node: 'welcome-mail', data: { segment: 'Newsletter' } });
		const receiverOf = (entry: Record<string, unknown>) => String((entry.receiver as { value: unknown }).value);
		// The node names each execution (n8n's execution ID and the item's number) to pair NP6's answer with its item.
		const withoutId = ({ id, ...entry }: Record<string, unknown>) => (expect(id).toEqual(expect.stringMatching(/^n8n-/)), entry);
		const entries = (list: ReturnType<typeof executions>) => sorted(list.map((execution) => withoutId(execution.entry)), receiverOf);

		// Exactly one execution per member, each as the example asks for it (no other example starts this journey).
		expect(entries(executions())).toEqual(members.map(entryFor));

		// Each output item is NP6's answer for the execution of the contact on the input item it is paired with.
		const listed = itemsOf(output, 'NP6: Newsletter Members');
		expect(listed.map((item) => String(item.value)).sort()).toEqual(members);
		const answers = pairedItemsOf(output, 'NP6: Start Welcome Journey');
		expect(answers).toHaveLength(members.length);
		const recorded = new Map(executions().map((execution) => [execution.id, execution]));
		for (const { json, input } of answers) {
			expect(json.type).toBe('success');
			expect(withoutId(recorded.get(String(json.id))!.entry)).toEqual(entryFor(String(listed[input].value)));
		}
		expect(new Set(answers.map(({ json }) => json.id)).size).toBe(members.length);

		// NP6 documents no deduplication of executions: running it again starts every member once more.
		await again();
		expect(entries(executions())).toEqual(members.flatMap((member) => [entryFor(member), entryFor(member)]));

		// The schedule variant remembers whom it started: its first run starts every member, the next one
		// nobody, and after a contact joins the segment, that contact alone.
		const before = executions().length;
		await runVariant('schedule.json');
		expect(entries(executions().slice(before))).toEqual(members.map(entryFor));
		const afterFirst = executions().length;
		const second = await runVariant('schedule.json');
		expect(itemsOf(second, 'NP6: Newsletter Members')).toHaveLength(members.length);
		expect(itemsOf(second, 'Not Started Yet')).toEqual([]);
		expect(executions()).toHaveLength(afterFirst);
		const joiner = [...simulator.state.contacts.byId.keys()].find((id) => !members.includes(id))!;
		simulator.state.segments.add(newsletter, joiner);
		await runVariant('schedule.json');
		expect(entries(executions().slice(afterFirst))).toEqual([entryFor(joiner)]);
	},

	'engagement-sync': async ({ output, simulator, crm, again }) => {
		const action = [...simulator.state.actions.byId.values()].find((a) => a.name === 'Order confirmation')!;
		const hits = simulator.state.events.query({ actionId: action.id, types: ['hit'], start: Date.now() - 7 * DAY });
		const human = hits.filter((event) => classificationOf(event) === undefined);
		// The demo history has robot opens for this action, which must not count, and clicks.
		expect(human.length).toBeLessThan(hits.length);
		expect(human.some((event) => hitKindOf(event) === 'redirection')).toBe(true);

		const rows = new Map<string, { contactId: string; email: unknown; actionId: string; opens: number; clicks: number; lastActivityAt: string }>();
		for (const event of human) {
			const kind = hitKindOf(event);
			if (kind !== 'open' && kind !== 'redirection') continue;
			const { contact } = contactOf(simulator, event);
			const at = new Date(event.timestamp).toISOString();
			const row = rows.get(contact.id) ?? { contactId: contact.id, email: contact.unicity, actionId: action.id, opens: 0, clicks: 0, lastActivityAt: at };
			if (kind === 'open') row.opens++;
			else row.clicks++;
			if (at > row.lastActivityAt) row.lastActivityAt = at;
			rows.set(contact.id, row);
		}
		const expected = sorted([...rows.values()], (row) => row.contactId);
		expect(expected.length).toBeGreaterThan(0);
		expect(sorted(itemsOf(output, 'One Row per Contact'), (row) => String(row.contactId))).toEqual(expected);

		// One CRM record per contact, keyed by its ID; a second run replaces each record, it does not add any.
		const synced = () => sorted(crm.records('engagement'), (record) => String(record.key));
		expect(synced().map(({ key, body, writes }) => ({ key, body, writes }))).toEqual(expected.map((row) => ({ key: row.contactId, body: row, writes: 1 })));
		await again();
		expect(synced().map(({ key, body, writes }) => ({ key, body, writes }))).toEqual(expected.map((row) => ({ key: row.contactId, body: row, writes: 2 })));
	},
};

/** The owner account the e2e suites create in their n8n, to use its REST API. */
export const E2E_OWNER = { email: 'e2e-owner@example.com', password: 'E2e-owner-2026', firstName: 'E2E', lastName: 'Owner' };
