/** NP6 Action → Action, Archive and Statistics, run by n8n's engine against the simulator. */
import type { IDataObject } from 'n8n-workflow';

import { fileItem, runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const log = () => simulator().server.log;
const state = () => simulator().state;
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const run = (resource: string, operation: string, parameters: Record<string, unknown> = {}, input?: Parameters<typeof runNode>[2], continueOnFail = false) =>
	runNode(simulator(), { type: 'np6Action', parameters: { resource, operation, ...parameters }, continueOnFail }, input);
const actionNamed = (name: string) => [...state().actions.byId.values()].find((a) => a.name === name)!;
const emailField = () => state().fields.byName('Email')!.id;
const contact = (email: string) => state().contacts.find({ unicity: email }) ?? (state().contacts.create({ [emailField()]: email }) as { ok: true; contact: { id: string } }).contact;
const send = (actionId: string, extra: Record<string, unknown> = {}) => ({ action: byId(actionId), recipientBy: 'unicity', recipient: '={{ $json.email }}', ...extra });
const deliveriesTo = (actionId: string, email: string) => state().deliveries.forAction(actionId).filter((d) => d.contactId === contact(email).id);

beforeEach(() => {
	log().clear();
	simulator().server.faults.clear();
});

describe('Action → Send', () => {
	test('sends one message per item in one batch, each result back on its item', async () => {
		const action = actionNamed('Order confirmation');
		const people = ['s1@example.com', 's2@example.com', 's3@example.com'].map((email) => (contact(email), { email }));
		const result = await run('action', 'send', send(action.id), people);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.status, i.pairedItem])).toEqual([
			['sent', { item: 0 }],
			['sent', { item: 1 }],
			['sent', { item: 2 }],
		]);
		const [request] = log().handled('action.executeMany');
		expect(request.body).toEqual(people.map((p) => ({ recipient: { type: 'unicity', value: [p.email] } })));
		for (const [i, p] of people.entries()) {
			const [delivery] = deliveriesTo(action.id, p.email);
			expect(result.items[i].json.messageId).toBe(delivery.messageId);
		}
	});

	test('a batch of one uses /execution; batch size is an option', async () => {
		const action = actionNamed('Order confirmation');
		contact('single.send@example.com');
		await run('action', 'send', send(action.id), [{ email: 'single.send@example.com' }]);
		expect(log().handled('action.execute')).toHaveLength(1);
		['b1', 'b2', 'b3', 'b4', 'b5'].forEach((b) => contact(`${b}@example.com`));
		await run('action', 'send', send(action.id, { sendOptions: { batchSize: 2 } }), ['b1', 'b2', 'b3', 'b4', 'b5'].map((b) => ({ email: `${b}@example.com` })));
		expect(log().handled('action.executeMany').map((e) => (e.body as unknown[]).length)).toEqual([2, 2]);
		expect(log().handled('action.execute')).toHaveLength(2);
	});

	test('"recipient not found" fails that item only (Continue On Fail), the others are sent', async () => {
		const action = actionNamed('Order confirmation');
		contact('known.1@example.com');
		contact('known.2@example.com');
		const result = await run('action', 'send', send(action.id), [{ email: 'known.1@example.com' }, { email: 'ghost@example.com' }, { email: 'known.2@example.com' }], true);
		expect(result.items.map((i) => i.json.status ?? 'error')).toEqual(['sent', 'error', 'sent']);
		expect(result.items[1].json.error).toMatch(/recipient not found/);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
	});

	test('without Continue On Fail the node fails after every batch, saying what was sent', async () => {
		const action = actionNamed('Order confirmation');
		contact('stop.1@example.com');
		const result = await run('action', 'send', send(action.id), [{ email: 'stop.1@example.com' }, { email: 'ghost2@example.com' }]);
		expect(result.error?.message).toMatch(/recipient not found/);
		expect(result.error?.description).toMatch(/1 of 2 items failed \(items 2\); 1 were sent/);
		expect(deliveriesTo(action.id, 'stop.1@example.com')).toHaveLength(1);
	});

	test('an action not validated for sending fails before any send, with its state and what to do', async () => {
		const action = actionNamed('Welcome');
		contact('welcome@example.com');
		const result = await run('action', 'send', send(action.id), [{ email: 'welcome@example.com' }]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/not validated for sending: it is in state 20/);
		expect(result.error?.description).toMatch(/Validate for Sending/);
		expect(log().handled('action.execute')).toHaveLength(0);
		expect(log().handled('action.executeMany')).toHaveLength(0);
	});

	test('bad recipients are refused before anything is sent', async () => {
		const action = actionNamed('Order confirmation');
		const result = await run('action', 'send', { ...send(action.id), recipientBy: 'id', recipient: '={{ $json.id }}' }, [{ id: '000PKXK4' }, { id: 'nope' }]);
		expect(result.error?.message).toMatch(/"Recipient" is not a contact ID: "nope"/);
		expect(log().entries.filter((e) => e.method === 'POST')).toHaveLength(0);
	});

	test('overrides: sender email split into prefix/domain, subject, data, attachments from binary', async () => {
		const action = actionNamed('Order confirmation');
		contact('override@example.com');
		const item = { ...fileItem('%PDF-1.4 invoice', 'invoice.pdf', 'application/pdf'), json: { email: 'override@example.com' } };
		const result = await run(
			'action',
			'send',
			send(action.id, { overrides: { senderEmail: 'billing@shop.example.com', senderLabel: 'Shop billing', subject: 'Your invoice', data: '{"order": 42}', attachments: 'data' } }),
			[item],
		);
		expect(result.error).toBeUndefined();
		expect(log().handled('action.execute')[0].body).toEqual({
			recipient: { type: 'unicity', value: ['override@example.com'] },
			headers: { from: { prefix: 'billing', domain: 'shop.example.com', label: 'Shop billing' } },
			subject: 'Your invoice',
			data: { order: 42 },
			attachments: [{ name: 'invoice.pdf', mime: 'application/pdf', data: Buffer.from('%PDF-1.4 invoice').toString('base64') }],
		});
		expect(deliveriesTo(action.id, 'override@example.com')[0].attachments).toEqual(['invoice.pdf']);
	});

	test('an SMS action is sent with the SMS media type', async () => {
		const action = actionNamed('Delivery update');
		contact('sms.person@example.com');
		const result = await run('action', 'send', send(action.id), [{ email: 'sms.person@example.com' }]);
		expect(result.error).toBeUndefined();
		expect(state().deliveries.forAction(action.id).map((d) => d.channel)).toContain('sms');
	});

	test('unknown outcome (503 after NP6 sent): the items fail with "may or may not", nothing is sent twice', async () => {
		const action = actionNamed('Order confirmation');
		const emails = ['amb.1@example.com', 'amb.2@example.com', 'amb.3@example.com'];
		emails.forEach(contact);
		simulator().server.addFault({ kind: 'status', status: 503, operation: 'action.executeMany', phase: 'after', times: 1 });
		const result = await run('action', 'send', send(action.id), emails.map((email) => ({ email })), true);
		expect(result.items.map((i) => i.json.error)).toEqual(emails.map(() => "NP6 may or may not have sent this message; check the action's events before sending again"));
		expect(log().count((e) => e.operation === 'action.executeMany')).toBe(1);
		emails.forEach((email) => expect(deliveriesTo(action.id, email)).toHaveLength(1));
	});

	test('"Retry Sends on Unknown Outcome" repeats the batch, as the user asked', async () => {
		const action = actionNamed('Order confirmation');
		contact('retry.opt.in@example.com');
		simulator().server.addFault({ kind: 'reset', operation: 'action.execute', phase: 'after', times: 1 });
		const result = await run('action', 'send', send(action.id, { sendOptions: { retryUnknownOutcome: true } }), [{ email: 'retry.opt.in@example.com' }]);
		expect(result.items[0].json.status).toBe('sent');
		expect(log().count((e) => e.operation === 'action.execute')).toBe(2);
		expect(deliveriesTo(action.id, 'retry.opt.in@example.com')).toHaveLength(2);
	});

	test('a send refused with 429 is repeated: NP6 sent nothing the first time', async () => {
		const action = actionNamed('Order confirmation');
		contact('limited@example.com');
		simulator().server.addFault({ kind: 'status', status: 429, headers: { 'Retry-After': '0' }, operation: 'action.execute', times: 2 });
		const result = await run('action', 'send', send(action.id), [{ email: 'limited@example.com' }]);
		expect(result.items[0].json.status).toBe('sent');
		expect(deliveriesTo(action.id, 'limited@example.com')).toHaveLength(1);
	});
});

describe('Action lifecycle', () => {
	const create = (name: string, extra: Record<string, unknown> = {}) =>
		run('action', 'create', {
			type: 'mailMessage',
			name,
			senderEmail: 'news@shop.example.com',
			senderLabel: 'Example Shop',
			subject: 'Hello {{FirstName}}',
			additionalFields: { html: '<p>Hello {{FirstName}}, see <a href="https://shop.example.com/a">this</a></p>', templatingVersion: 4.1 },
			...extra,
		});

	test('Create sends the sender as {prefix, domain, label}; the action starts in state 20', async () => {
		const result = await create('Created by n8n');
		expect(result.error).toBeUndefined();
		expect(log().handled('action.create')[0].body).toMatchObject({
			type: 'mailMessage',
			content: { headers: { from: { prefix: 'news', domain: 'shop.example.com', label: 'Example Shop' } }, subject: 'Hello {{FirstName}}' },
			settings: { templating: { version: 4.1 } },
		});
		expect((result.items[0].json.informations as IDataObject).state).toBe(20);
		const bad = await create('Bad sender', { senderEmail: 'not an email' });
		expect(bad.error?.message).toMatch(/"Sender Email" is not valid/);
	});

	test('Validate for Sending: test phase with a test segment, wait while 30, production → 50; then Send works', async () => {
		const id = (await create('To validate')).items[0].json.id as string;
		const testSegment = state().segments.byName('Test recipients')!.id;
		const result = await run('action', 'validate', { action: byId(id), phases: 'both', testSegment: byId(testSegment), options: { pollInterval: 1 } });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id, state: 50, phasesRun: ['test', 'production'] });
		expect(log().handled('action.validate').map((e) => e.body)).toEqual([
			{ fortest: true, testSegments: [testSegment], campaignAnalyser: false, textandHtml: false },
			{ fortest: false },
		]);
		contact('validated@example.com');
		expect((await run('action', 'send', send(id), [{ email: 'validated@example.com' }])).items[0].json.status).toBe('sent');
	});

	test('Validate: each phase alone; production from 20 is refused before any request; Unvalidate', async () => {
		const id = (await create('Phases')).items[0].json.id as string;
		const testSegment = state().segments.byName('Test recipients')!.id;
		log().clear();
		const early = await run('action', 'validate', { action: byId(id), phases: 'production' });
		expect(early.error?.message).toMatch(/cannot be validated for production from state 20/);
		expect(log().handled('action.validate')).toHaveLength(0);
		expect((await run('action', 'validate', { action: byId(id), phases: 'test', testSegment: byId(testSegment), options: { pollInterval: 1 } })).items[0].json.state).toBe(38);
		expect((await run('action', 'validate', { action: byId(id), phases: 'production' })).items[0].json.state).toBe(50);
		expect((await run('action', 'unvalidate', { action: byId(id) })).items[0].json).toEqual({ success: true });
		expect(log().handled('action.unvalidate').at(-1)?.body).toEqual({});
		expect((await run('action', 'unvalidate', { action: byId(id) })).error?.httpCode).toBe('409');
	});

	test('Render previews without sending; Render All Items in One Request uses /renders', async () => {
		const action = actionNamed('Order confirmation');
		contact('render.1@example.com');
		contact('render.2@example.com');
		const before = state().deliveries.all.length;
		const one = await run('action', 'render', { ...send(action.id) }, [{ email: 'render.1@example.com' }]);
		expect(one.items[0].json).toMatchObject({ type: 'success', recipient: 'render.1@example.com' });
		const many = await run('action', 'render', { ...send(action.id), renderMany: true }, [{ email: 'render.1@example.com' }, { email: 'render.2@example.com' }]);
		expect(many.items.map((i) => [i.json.recipient, i.pairedItem])).toEqual([
			['render.1@example.com', { item: 0 }],
			['render.2@example.com', { item: 1 }],
		]);
		expect(log().handled('action.renderMany')).toHaveLength(1);
		expect(state().deliveries.all.length).toBe(before);
		expect((await run('action', 'render', { ...send('ZZZ999') }, [{ email: 'render.1@example.com' }])).error?.httpCode).toBe('404');
	});

	test('Get, Get Many, Update, Duplicate, Delete', async () => {
		const id = (await create('Lifecycle action')).items[0].json.id as string;
		expect((await run('action', 'get', { action: byId(id) })).items[0].json.name).toBe('Lifecycle action');
		expect((await run('action', 'getAll', { returnAll: true })).items.map((i) => i.json.id)).toContain(id);
		const updated = await run('action', 'update', { action: byId(id), type: 'mailMessage', name: 'Renamed action', senderEmail: 'a@shop.example.com', senderLabel: 'Shop', subject: 'S', additionalFields: { html: '<p>x</p>' } });
		expect(updated.items[0].json.name).toBe('Renamed action');
		const copy = await run('action', 'duplicate', { action: byId(id) });
		expect(copy.items[0].json.id).not.toBe(id);
		expect((await run('action', 'delete', { action: byId(id) })).items[0].json).toEqual({ success: true });
		expect((await run('action', 'get', { action: byId(id) })).error?.httpCode).toMatch(/404|410/);
	});

	test('Export, Count Recipients, Render Links, legacy sends', async () => {
		const action = actionNamed('Order confirmation');
		contact('export@example.com');
		await run('action', 'send', send(action.id), [{ email: 'export@example.com' }]);
		const [delivery] = deliveriesTo(action.id, 'export@example.com');
		state().events.inject(delivery, { type: 'bounce', verdict: 'soft' });
		state().events.inject(delivery, { type: 'complaint' });
		state().events.inject(delivery, { type: 'hit', link: 'unsubscribe' });
		const exported = async (list: string) => (await run('action', 'export', { action: byId(action.id), list, returnAll: true })).items.map((i) => i.json);
		// The feedback exports list the contact with its message; recipients, opens and clicks answer 204 as the 8.1.0 reference documents.
		for (const list of ['feedback/bounces', 'feedback/complaints', 'feedback/unsubscribes']) {
			expect(await exported(list)).toContainEqual(expect.objectContaining({ target: delivery.contactId, messageId: delivery.messageId }));
		}
		for (const list of ['recipients', 'tracking/opens', 'tracking/clicks']) expect(await exported(list)).toEqual([]);
		expect(log().handled('action.exportRecipients')).toHaveLength(1);
		expect(log().handled('action.exportUnsubscribes')).toHaveLength(1);
		const count = (await run('action', 'countRecipients', { action: byId(action.id) })).items[0].json.count as number;
		expect(count).toBe(new Set(state().deliveries.forAction(action.id).map((d) => d.contactId)).size);
		const links = await run('action', 'renderLinks', { action: byId(action.id), returnAll: true });
		expect(JSON.stringify(links.items.map((i) => i.json))).toContain('https://');
		const target = contact('legacy@example.com');
		const legacy = await run('action', 'sendToContactLegacy', { action: byId(action.id), contactId: target.id });
		const bulk = await run('action', 'sendBulkLegacy', { action: byId(action.id), targets: JSON.stringify([{ recipient: { type: 'id', value: target.id } }]), returnAll: true });
		const legacyDeliveries = deliveriesTo(action.id, 'legacy@example.com');
		expect(legacyDeliveries).toHaveLength(2);
		// Each legacy send answers the id of the message it sent.
		expect([...legacy.items, ...bulk.items].map((i) => Object.values(i.json)[0])).toEqual(legacyDeliveries.map((d) => d.messageId));
		expect((await run('action', 'export', { action: byId('ZZZ999'), list: 'recipients', returnAll: true })).error?.httpCode).toBe('404');
		expect((await run('action', 'countRecipients', { action: byId('ZZZ999') })).error?.httpCode).toBe('404');
	});
});

describe('Archive and Statistics', () => {
	test('archives of sent emails, by account and window, and by action and contact', async () => {
		const action = actionNamed('Order confirmation');
		const target = contact('archived@example.com');
		await run('action', 'send', send(action.id), [{ email: 'archived@example.com' }]);
		const all = await run('archive', 'getAll', { filters: { startDate: new Date(Date.now() - 60_000).toISOString() }, returnAll: true });
		const mine = await run('archive', 'getForContact', { action: byId(action.id), contactId: target.id, returnAll: true });
		expect(action.settings?.archive).toBe(true);
		expect(all.items.map((i) => i.json.target)).toContain(target.id);
		expect(mine.items.map((i) => i.json)).toEqual([expect.objectContaining({ action: action.id, target: target.id })]);
		expect(log().handled('archive.list')[0].query).toMatchObject({ startDate: expect.stringMatching(/Z$/) });
		expect((await run('archive', 'getAll', { filters: { startDate: 'yesterday-ish' }, returnAll: true })).error?.message).toMatch(/"Sent After" is not valid/);
	});

	test('statistics of an action, bounces, and a message history', async () => {
		const action = actionNamed('Order confirmation');
		contact('stats@example.com');
		const sent = await run('action', 'send', send(action.id), [{ email: 'stats@example.com' }]);
		const messageId = sent.items[0].json.messageId as string;
		state().events.inject(state().deliveries.get(messageId)!, { type: 'bounce', verdict: 'hard' });
		const stats = (await run('statistics', 'getForAction', { action: byId(action.id) })).items[0].json as { dispatch: { sent: number }; feedback: { bounce: { hard: number } } };
		expect(stats.dispatch.sent).toBe(state().deliveries.forAction(action.id).length);
		expect(stats.feedback.bounce.hard).toBeGreaterThanOrEqual(1);
		const bounces = await run('statistics', 'getActionBounces', { action: byId(action.id), returnAll: true });
		expect(bounces.items.map((i) => i.json.target)).toContain(contact('stats@example.com').id);
		const bounced = await run('statistics', 'getBouncedContacts', { returnAll: true });
		expect(bounced.items.map((i) => i.json.id)).toContain(contact('stats@example.com').id);
		const history = await run('statistics', 'getMessage', { messageId });
		expect(history.items[0].json).toMatchObject({ id: messageId, actionId: action.id, target: contact('stats@example.com').id });
		expect((await run('statistics', 'getMessage', { messageId: '00000000-0000-4000-8000-000000000000' })).error?.httpCode).toBe('404');
		expect((await run('statistics', 'getForAction', { action: byId('ZZZ999') })).error?.httpCode).toBe('404');
	});
});

describe('pickers', () => {
	const node = { type: 'np6Action', parameters: { resource: 'action', operation: 'send' } };

	test('actions with their type and state; test segments; categories; notifications', async () => {
		const { loadOptions } = await import('../harness/engine');
		const { Np6Action } = await import('../../nodes/Np6Action/Np6Action.node');
		const { listSearch } = new Np6Action().methods;
		const actions = await loadOptions(simulator(), node, listSearch.searchActions);
		expect(actions.results.find((r) => r.value === '000A01')?.name).toBe('Order confirmation — Email message, validated (50)');
		expect(actions.results.find((r) => r.value === '000A02')?.name).toBe('Welcome — Email message, created (20)');
		const testSegments = await loadOptions(simulator(), node, listSearch.searchTestSegments);
		expect(testSegments.results.map((r) => r.name)).toEqual([expect.stringMatching(/^Test recipients \(static, test/)]);
		const categories = await loadOptions(simulator(), node, listSearch.searchCategories);
		expect(categories.results.map((r) => r.name)).toEqual(['Newsletters', 'Transactional']);
		const created = await run('action', 'create', {
			type: 'mailMessage',
			name: 'Categorised',
			senderEmail: 'a@shop.example.com',
			senderLabel: 'Shop',
			subject: 'S',
			additionalFields: { html: '<p>x</p>', category: { __rl: true, mode: 'list', value: categories.results[1].value } },
		});
		expect((created.items[0].json.informations as IDataObject).category).toBe(Number(categories.results[1].value));
	});
});
