/** Email & SMS actions: documents, the validation state machine, sends, renders, events and legacy sends. */
import { Readable } from 'node:stream';
import { request } from 'undici';

import { catalogue } from '../../simulator/catalogue';
import { useSimulator } from '../harness/simulator';
import { EMAIL, mailMessage, messaging, SMS } from './messaging';

const simulator = useSimulator({ validationDelayMs: 30 });
const {
	call,
	fieldId,
	newContact,
	createAction,
	stateOf,
	waitForState,
	testSegmentId,
	testPhase,
	productionPhase,
	unvalidate,
	validate,
	validatedAction,
	send,
	sendMany,
	byId,
} = messaging(simulator);

const smsMessage = (extra: Record<string, unknown> = {}) => ({
	type: 'smsMessage',
	name: 'Test SMS',
	settings: { field: fieldId('Mobile') },
	content: { textContent: 'Hi {{FirstName}}' },
	...extra,
});

const deliveries = () => simulator().state.deliveries.all;

beforeEach(() => simulator().server.faults.clear());

test('every operation of the section is implemented', () => {
	const operations = catalogue.sections.find((s) => s.docSlug === 'actionmanagement')!.operations;
	expect(operations).toHaveLength(22);
	for (const { key } of operations) expect(simulator().server.router.implementedOperations).toContain(key);
});

describe('action documents', () => {
	test('create stores the document as given, with id, creationDate and state 20 when it has content', async () => {
		const body = mailMessage({ description: 'a description', settings: { templating: { version: '4.1' }, culture: 'fr-FR', archive: false } });
		const created = await call('POST', '/actions', { body });
		expect(created.status).toBe(200);
		expect(created.json).toEqual({
			...body,
			id: expect.stringMatching(/^[0-9A-Z]{6}$/),
			creationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
			informations: { folder: null, category: null, state: 20 },
		});
		expect((await call('GET', `/actions/${created.json.id}`)).json).toEqual(created.json);
	});

	test('state 10 without content; SMS content is textContent (or text)', async () => {
		expect((await createAction({ type: 'mailMessage', name: 'empty' })).informations.state).toBe(10);
		expect((await createAction({ type: 'mailMessage', name: 'no body', content: { subject: 'only a subject' } })).informations.state).toBe(10);
		expect((await createAction(smsMessage())).informations.state).toBe(20);
		expect((await createAction(smsMessage({ content: { text: 'plain' } }))).informations.state).toBe(20);
		expect((await createAction(smsMessage({ content: {} }))).informations.state).toBe(10);
	});

	test('the server assigns id, creationDate and state whatever the body says', async () => {
		const created = await createAction(mailMessage({ id: 'MINE00', creationDate: '2000-01-01T00:00:00Z', informations: { state: 50, folder: 3 } }));
		expect(created.id).not.toBe('MINE00');
		expect(created.informations).toEqual({ folder: 3, category: null, state: 20 });
	});

	test('400 for a string from, an unknown type or no name; 404 for an unknown settings.field', async () => {
		const stringFrom = mailMessage({ content: { headers: { from: 'test@example.com' }, subject: 's', html: 'h' } });
		for (const body of [stringFrom, { type: 'emailBlast', name: 'x' }, { type: 'mailMessage' }, [mailMessage()], mailMessage({ content: 'text' })]) {
			const response = await call('POST', '/actions', { body });
			expect(response.status).toBe(400);
			expect(response.text).toBe('');
		}
		const unknownField = await call('POST', '/actions', { body: mailMessage({ settings: { field: 999999 } }) });
		expect(unknownField.status).toBe(404);
		expect(unknownField.text).toBe('');
		expect((await call('POST', '/actions', { body: mailMessage({ settings: { field: fieldId('Email') } }) })).status).toBe(200);
		expect((await call('POST', '/actions', { body: mailMessage({ scheduler: null, informations: null }) })).status).toBe(200);
	});

	test('update is a full replacement; the type cannot change; 404 for an unknown action', async () => {
		const action = await createAction(mailMessage({ description: 'first' }));
		const replaced = await call('PUT', `/actions/${action.id}`, { body: { type: 'mailMessage', name: 'renamed' } });
		expect(replaced.status).toBe(200);
		expect(replaced.json).toEqual({
			type: 'mailMessage',
			id: action.id,
			name: 'renamed',
			creationDate: (action as unknown as { creationDate: string }).creationDate,
			informations: { folder: null, category: null, state: 10 },
		});
		expect((await call('PUT', `/actions/${action.id}`, { body: { type: 'smsMessage', name: 'x' } })).status).toBe(400);
		expect((await call('PUT', `/actions/${action.id}`, { body: mailMessage({ content: { headers: { from: 'x@y.z' } } }) })).status).toBe(400);
		expect((await call('PUT', '/actions/ZZZZZZ', { body: mailMessage() })).status).toBe(404);
	});

	test('delete answers 204; then reads answer 404 and validation or sends 410 ("action gone")', async () => {
		const action = await validatedAction();
		expect((await call('DELETE', `/actions/${action.id}`)).status).toBe(204);
		expect((await call('GET', `/actions/${action.id}`)).status).toBe(404);
		expect((await call('PUT', `/actions/${action.id}`, { body: mailMessage() })).status).toBe(404);
		expect((await call('DELETE', `/actions/${action.id}`)).status).toBe(404);
		expect((await testPhase(action.id)).status).toBe(410);
		expect((await unvalidate(action.id)).status).toBe(410);
		expect((await call('POST', `/actions/${action.id}/duplication`)).status).toBe(410);
		expect((await send(action.id, { recipient: byId(newContact()) })).status).toBe(410);
		expect((await sendMany(action.id, [{ recipient: byId(newContact()) }])).status).toBe(410);
		expect((await call('GET', '/actions/QQQQQQ')).status).toBe(404);
		expect((await testPhase('QQQQQQ')).status).toBe(404);
		expect((await send('QQQQQQ', { recipient: byId(newContact()) })).status).toBe(404);
	});

	test('duplicate copies into "<name>(1)" in state 10, in the folder asked for', async () => {
		const action = await validatedAction(mailMessage({ name: 'Original' }));
		const copy = await call('POST', `/actions/${action.id}/duplication?type=0&folder=7`, { body: '' });
		expect(copy.status).toBe(200);
		expect(copy.json).toMatchObject({ type: 'mailMessage', name: 'Original(1)', informations: { state: 10, folder: 7 }, content: mailMessage().content });
		expect(copy.json.id).not.toBe(action.id);
		expect(await stateOf(action.id)).toBe(50);
		expect((await call('POST', `/actions/${action.id}/duplication`, { body: '' })).json.informations.folder).toBeNull();
		expect((await call('POST', `/actions/${action.id}/duplication?folder=x`, { body: '' })).status).toBe(400);
		expect((await call('POST', '/actions/QQQQQQ/duplication', { body: '' })).status).toBe(404);
	});

	test('list (deprecated) answers summaries, filtered by creation_start (inclusive) and creation_end (exclusive)', async () => {
		const all = await call('GET', '/actions');
		expect(all.status).toBe(200);
		const welcome = all.json.find((a: { name: string }) => a.name === 'Welcome');
		expect(welcome).toEqual({
			type: 'mailMessage',
			id: '000A02',
			name: 'Welcome',
			creationDate: '2026-01-05T09:00:00Z',
			informations: { folder: null, category: null, state: 20 },
			settings: { templating: { version: '4.1' } },
		});
		const seededOnly = await call('GET', '/actions?creation_start=2026-01-05T09:00:00Z&creation_end=2026-01-05T09:00:01Z');
		expect(seededOnly.json.map((a: { id: string }) => a.id)).toEqual(['000A01', '000A02', '000A03', '000A04']);
		expect((await call('GET', '/actions?creation_end=2026-01-05T09:00:00Z')).json).toEqual([]);
		expect((await call('GET', '/actions?creation_start=yesterday')).status).toBe(400);

		const action = await validatedAction();
		await send(action.id, { recipient: byId(newContact()) });
		const listed = (await call('GET', '/actions')).json.find((a: { id: string }) => a.id === action.id);
		expect(listed.monitor.lastSent.at).toMatch(/^\d{4}-/);
	});
});

/** Each step of the test phase long enough to be read over HTTP on a loaded machine (reset after each test). */
function slowTestPhase(): void {
	simulator().state.actions.testStartDelayMs = 400;
	simulator().state.actions.validationDelayMs = 400;
}

afterEach(() => {
	simulator().state.actions.testStartDelayMs = 50;
	simulator().state.actions.validationDelayMs = 30;
});

describe('the validation state machine (catalogue README table)', () => {
	test('phase 1 from 20: 204 while the action still shows 20, then 30, then 38 asynchronously', async () => {
		slowTestPhase();
		const action = await createAction();
		const tested = await testPhase(action.id);
		expect(tested.status).toBe(204);
		expect(tested.text).toBe('');
		expect(await stateOf(action.id)).toBe(20);
		await waitForState(action.id, 30);
		await waitForState(action.id, 38);
	});

	test('phase 1 from 10 works the same; a second test phase while one runs is a 409', async () => {
		slowTestPhase();
		const action = await createAction({ type: 'mailMessage', name: 'draft' });
		expect(action.informations.state).toBe(10);
		expect((await testPhase(action.id)).status).toBe(204);
		expect((await testPhase(action.id)).status).toBe(409);
		await waitForState(action.id, 30);
		await waitForState(action.id, 38);
	});

	test('a failing test send takes the action back to its earlier state', async () => {
		slowTestPhase();
		const action = await createAction();
		simulator().state.actions.failingTests.add(action.id);
		expect((await testPhase(action.id)).status).toBe(204);
		await waitForState(action.id, 30);
		await waitForState(action.id, 20);
	});

	test('phase 1 from 30, 38 and 50: 409 with an empty body', async () => {
		const action = await createAction();
		await testPhase(action.id);
		expect((await testPhase(action.id)).status).toBe(409);
		await waitForState(action.id, 38);
		const again = await testPhase(action.id);
		expect(again.status).toBe(409);
		expect(again.text).toBe('');
		expect((await productionPhase(action.id)).status).toBe(204);
		expect((await testPhase(action.id)).status).toBe(409);
	});

	test('phase 2 from 38: 204 and state 50; from 50: 409; from 10, 20 and 30: 409 (two phases are mandatory)', async () => {
		const draft = await createAction({ type: 'mailMessage', name: 'draft' });
		expect((await productionPhase(draft.id)).status).toBe(409);
		const action = await createAction();
		expect((await productionPhase(action.id)).status).toBe(409);
		expect(await stateOf(action.id)).toBe(20);
		await testPhase(action.id);
		expect((await productionPhase(action.id)).status).toBe(409);
		await waitForState(action.id, 38);
		const validated = await productionPhase(action.id);
		expect(validated.status).toBe(204);
		expect(validated.text).toBe('');
		expect(await stateOf(action.id)).toBe(50);
		expect((await productionPhase(action.id)).status).toBe(409);
	});

	test('unvalidate (DELETE with {}) from 38 and 50: 204 and state 20; from 10 and 20: 409', async () => {
		const draft = await createAction({ type: 'mailMessage', name: 'draft' });
		expect((await unvalidate(draft.id)).status).toBe(409);
		const action = await createAction();
		const refused = await unvalidate(action.id);
		expect(refused.status).toBe(409);
		expect(refused.text).toBe('');
		await testPhase(action.id);
		await waitForState(action.id, 38);
		expect((await unvalidate(action.id)).status).toBe(204);
		expect(await stateOf(action.id)).toBe(20);
		await validate(action.id);
		expect(await stateOf(action.id)).toBe(50);
		expect((await unvalidate(action.id)).status).toBe(204);
		expect(await stateOf(action.id)).toBe(20);
		expect((await unvalidate(action.id)).status).toBe(409);
	});

	test('unvalidate needs a body (live notes); validation needs an object body', async () => {
		const action = await validatedAction();
		expect((await call('DELETE', `/actions/${action.id}/validation`)).status).toBe(400);
		expect((await call('POST', `/actions/${action.id}/validation`, { body: [] })).status).toBe(400);
		expect((await call('POST', `/actions/${action.id}/validation`, { body: { fortest: 'yes' } })).status).toBe(400);
		expect(await stateOf(action.id)).toBe(50);
	});

	test('phase 1 needs static test segments (or mediaForTest): others give 400', async () => {
		const action = await createAction();
		const { segments } = simulator().state;
		const newsletter = segments.byName('Newsletter')!.id;
		const dynamicTest = segments.create({ type: 'dynamic', name: 'dynamic test', isTest: true })!.id;
		for (const body of [
			{ fortest: true },
			{ fortest: true, testSegments: [] },
			{ fortest: true, testSegments: [newsletter] },
			{ fortest: true, testSegments: [testSegmentId(), 999999] },
			{ fortest: true, testSegments: [dynamicTest] },
		]) {
			expect((await call('POST', `/actions/${action.id}/validation`, { body })).status).toBe(400);
		}
		expect(await stateOf(action.id)).toBe(20);
		const byMedia = await call('POST', `/actions/${action.id}/validation`, { body: { fortest: true, mediaForTest: 'qa@example.com' } });
		expect(byMedia.status).toBe(204);
		await waitForState(action.id, 38);
	});

	test('sends from 10, 20, 30 and 38 answer 409 with an empty body; from 50, 200', async () => {
		const contact = newContact();
		const draft = await createAction({ type: 'mailMessage', name: 'draft' });
		const action = await createAction();
		const refusedIn = async (id: string) => {
			for (const response of [await send(id, { recipient: byId(contact) }), await sendMany(id, [{ recipient: byId(contact) }])]) {
				expect(response.status).toBe(409);
				expect(response.text).toBe('');
			}
		};
		await refusedIn(draft.id);
		await refusedIn(action.id);
		await testPhase(action.id);
		await refusedIn(action.id);
		await waitForState(action.id, 38);
		await refusedIn(action.id);
		await productionPhase(action.id);
		expect((await send(action.id, { recipient: byId(contact) })).status).toBe(200);
		expect(await stateOf(action.id)).toBe(50);
	});

	test('PUT from 20 keeps 20; on a 38 or 50 action it resets the state to 20', async () => {
		const action = await createAction();
		expect((await call('PUT', `/actions/${action.id}`, { body: mailMessage({ name: 'v2' }) })).json.informations.state).toBe(20);
		await validate(action.id);
		const replaced = await call('PUT', `/actions/${action.id}`, { body: mailMessage({ name: 'v3' }) });
		expect(replaced.status).toBe(200);
		expect(replaced.json.informations.state).toBe(20);
		expect((await send(action.id, { recipient: byId(newContact()) })).status).toBe(409);
		await testPhase(action.id);
		await waitForState(action.id, 38);
		expect((await call('PUT', `/actions/${action.id}`, { body: mailMessage() })).json.informations.state).toBe(20);
	});

	test('a PUT during the test phase cancels it: the action does not reach 38 later', async () => {
		const action = await createAction();
		await testPhase(action.id);
		await call('PUT', `/actions/${action.id}`, { body: mailMessage() });
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(await stateOf(action.id)).toBe(20);
	});
});

describe('sending', () => {
	test('execute sends one message: a success result with the message id and the contact footprint', async () => {
		const action = await validatedAction();
		const contact = newContact();
		const before = deliveries().length;
		const sent = await send(action.id, { recipient: { type: 'unicity', value: [contact.unicity] } });
		expect(sent.status).toBe(200);
		expect(sent.json).toEqual({
			type: 'success',
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			recipient: { type: 'footprint', id: contact.id, unicity: contact.unicity, hash: contact.hash },
		});
		expect(deliveries()).toHaveLength(before + 1);
		expect(simulator().state.deliveries.get(sent.json.id)).toMatchObject({
			messageId: sent.json.id,
			channel: 'email',
			actionId: action.id,
			contactId: contact.id,
			address: contact.unicity,
			rendered: { subject: `Hello ${contact.fields[fieldId('FirstName')]}` },
		});
	});

	test('executeMany: one result per recipient in any order, "recipient not found" mixed with successes, one delivery per resolved recipient', async () => {
		const action = await validatedAction();
		const [a, b, c, d] = [newContact(), newContact(), newContact(), newContact()];
		const before = deliveries().length;
		const nobody = { type: 'unicity', value: ['nobody@example.com'] };
		const unknownId = { type: 'id', value: 'NOPE0000' };
		const recipients = [
			{ type: 'id', value: a.id },
			nobody,
			{ type: 'unicity', value: [b.unicity] },
			{ type: 'hash', value: c.hash },
			{ type: 'footprint', id: d.id, unicity: d.unicity, hash: d.hash },
			unknownId,
		];
		const sent = await sendMany(action.id, recipients.map((recipient) => ({ recipient })));
		expect(sent.status).toBe(200);
		const results = sent.json as Array<{ type: string; id?: string; recipient?: { id: string }; value?: unknown }>;
		expect(results).toHaveLength(6);
		// NP6 promises no order: the simulator answers in another one than the request's.
		expect(results.map((r) => r.recipient?.id ?? r.type)).not.toEqual([a.id, 'error', b.id, c.id, d.id, 'error']);
		expect(results.filter((r) => r.type === 'error')).toEqual(
			expect.arrayContaining([
				{ type: 'error', value: { type: 'recipient not found', recipient: nobody } },
				{ type: 'error', value: { type: 'recipient not found', recipient: unknownId } },
			]),
		);
		const successes = results.filter((r) => r.type === 'success');
		expect(successes.map((r) => r.recipient!.id).sort()).toEqual([a.id, b.id, c.id, d.id].sort());
		const added = deliveries().slice(before);
		expect(added).toHaveLength(4);
		for (const result of successes) expect(added.find((delivery) => delivery.messageId === result.id)?.contactId).toBe(result.recipient!.id);
	});

	test('a unicity value given as a string is a 400 for the whole request; nothing is sent', async () => {
		const action = await validatedAction();
		const before = deliveries().length;
		const [ok, bad] = [newContact(), newContact()];
		const response = await sendMany(action.id, [{ recipient: byId(ok) }, { recipient: { type: 'unicity', value: bad.unicity } }]);
		expect(response.status).toBe(400);
		expect(response.text).toBe('');
		expect((await send(action.id, { recipient: { type: 'unicity', value: bad.unicity } })).status).toBe(400);
		for (const body of [{}, { recipient: { type: 'email', value: 'x' } }, { recipient: byId(ok), headers: { from: 'x@y.z' } }]) {
			expect((await send(action.id, body)).status).toBe(400);
		}
		expect((await sendMany(action.id, [])).status).toBe(400);
		expect((await sendMany(action.id, { recipient: byId(ok) })).status).toBe(400);
		expect((await send(action.id, [{ recipient: byId(ok) }])).status).toBe(400);
		expect(deliveries()).toHaveLength(before);
	});

	test('415 for JSON and for the other channel\'s vendor type; 411 without Content-Length', async () => {
		const email = await validatedAction();
		const sms = await validatedAction(smsMessage());
		const recipient = { recipient: byId(newContact()) };
		const before = deliveries().length;
		for (const [id, type] of [[email.id, 'application/json'], [email.id, SMS], [sms.id, EMAIL], [sms.id, 'application/json']]) {
			for (const response of [await send(id, recipient, type), await sendMany(id, [recipient], type)]) {
				expect(response.status).toBe(415);
				expect(response.text).toBe('');
			}
		}
		const chunked = await request(`${simulator().url}/actions/${email.id}/execution`, {
			method: 'POST',
			headers: { 'X-Key': simulator().apiKey, 'content-type': EMAIL },
			body: Readable.from([Buffer.from(JSON.stringify(recipient))]),
		});
		expect(chunked.statusCode).toBe(411);
		await chunked.body.text();
		expect(deliveries()).toHaveLength(before);
	});

	test('an SMS action sends with application/vnd.np6.cm.sms to the Mobile field', async () => {
		const action = await validatedAction(smsMessage());
		const contact = newContact({ Mobile: '+33600000001' });
		const sent = await send(action.id, { recipient: byId(contact) }, SMS);
		expect(sent.status).toBe(200);
		expect(simulator().state.deliveries.get(sent.json.id)).toMatchObject({
			channel: 'sms',
			address: '+33600000001',
			rendered: { type: 'success', recipient: '+33600000001', text: `Hi ${contact.fields[fieldId('FirstName')]}` },
		});
	});

	test('overrides are recorded; content overrides are sent verbatim and need templating 4.1 (409 otherwise)', async () => {
		const action = await validatedAction();
		const contact = newContact();
		const sent = await send(action.id, {
			recipient: byId(contact),
			headers: { from: { prefix: 'promo', label: 'Promo' }, reply: 'reply@example.com' },
			subject: 'Special {{FirstName}}',
			content: { html: '<p>{{FirstName}} verbatim</p>', text: 'verbatim' },
			data: { orderId: 42 },
			variables: [{ key: 'k', value: 'v' }],
			attachments: [{ name: 'invoice.pdf', mime: 'application/pdf', data: {} }],
		});
		expect(sent.status).toBe(200);
		const delivery = simulator().state.deliveries.get(sent.json.id)!;
		expect(delivery).toMatchObject({
			overrides: { subject: 'Special {{FirstName}}', from: { prefix: 'promo', label: 'Promo' }, reply: 'reply@example.com', content: { html: '<p>{{FirstName}} verbatim</p>', text: 'verbatim' } },
			data: { orderId: 42 },
			variables: [{ key: 'k', value: 'v' }],
			attachments: ['invoice.pdf'],
		});
		expect(delivery.rendered).toMatchObject({
			subject: `Special ${contact.fields[fieldId('FirstName')]}`,
			html: '<p>{{FirstName}} verbatim</p>',
			sender: { value: 'promo@example.com', label: 'Promo', reply: 'reply@example.com' },
		});

		const older = await validatedAction(mailMessage({ settings: { templating: { version: '4' } } }));
		const before = deliveries().length;
		const refused = await send(older.id, { recipient: byId(contact), content: { html: '<p>x</p>' } });
		expect(refused.status).toBe(409);
		expect(refused.text).toBe('');
		expect((await sendMany(older.id, [{ recipient: byId(contact) }, { recipient: byId(contact), content: { html: 'x' } }])).status).toBe(409);
		expect(deliveries()).toHaveLength(before);
		expect((await send(older.id, { recipient: byId(contact), subject: 'allowed' })).status).toBe(200);
	});

	test('redlisted contacts get a "recipient redlisted" error: the mail redlist for email, the SMS one for SMS', async () => {
		const email = await validatedAction();
		const sms = await validatedAction(smsMessage());
		const { contacts } = simulator().state;
		const noMail = newContact({ Mobile: '+33600000002' });
		contacts.redlist(noMail.id, 'mail', { timestamp: new Date().toISOString(), origin: 1, detail: {} });
		const before = deliveries().length;
		const other = newContact();
		const sent = await sendMany(email.id, [{ recipient: byId(noMail) }, { recipient: byId(other) }]);
		expect(sent.json).toEqual(
			expect.arrayContaining([
				{ type: 'error', value: { type: 'recipient redlisted', recipient: byId(noMail) } },
				expect.objectContaining({ type: 'success', recipient: expect.objectContaining({ id: other.id }) }),
			]),
		);
		expect((await send(sms.id, { recipient: byId(noMail) }, SMS)).json.type).toBe('success');
		expect(deliveries()).toHaveLength(before + 2);
		expect(simulator().state.deliveries.rejections).toContainEqual(expect.objectContaining({ actionId: email.id, contactId: noMail.id, reason: 'redlist' }));
	});

	test('campaign kinds take no executions (409), even validated', async () => {
		const campaign = await validatedAction(mailMessage({ type: 'mailCampaign', scheduler: { type: 'asap', segments: { selected: [], excluded: [] } } }));
		expect(await stateOf(campaign.id)).toBe(50);
		expect((await send(campaign.id, { recipient: byId(newContact()) })).status).toBe(409);
	});

	test('"after" faults on executeMany: NP6 sends (the deliveries are recorded) and the answer is lost', async () => {
		const action = await validatedAction();
		const { server } = simulator();
		const recipients = [newContact(), newContact()].map((c) => ({ recipient: byId(c) }));

		server.addFault({ kind: 'status', status: 503, operation: 'action.executeMany', phase: 'after', times: 1 });
		let before = deliveries().length;
		const unavailable = await sendMany(action.id, recipients);
		expect(unavailable.status).toBe(503);
		expect(unavailable.text).toBe('');
		expect(deliveries().slice(before).map((d) => d.contactId)).toEqual(recipients.map((r) => r.recipient.value));
		expect(server.log.entries.at(-1)).toMatchObject({ operation: 'action.executeMany', handled: true, status: 503, interference: 'status' });

		server.addFault({ kind: 'reset', operation: 'action.executeMany', phase: 'after', times: 1 });
		before = deliveries().length;
		await expect(sendMany(action.id, recipients)).rejects.toThrow();
		expect(deliveries().slice(before)).toHaveLength(2);
		expect(server.log.entries.at(-1)).toMatchObject({ operation: 'action.executeMany', handled: true, status: 0, interference: 'reset' });

		server.addFault({ kind: 'status', status: 503, operation: 'action.executeMany', times: 1 });
		before = deliveries().length;
		expect((await sendMany(action.id, recipients)).status).toBe(503);
		expect(deliveries()).toHaveLength(before);
	});
});

describe('events', () => {
	test('each delivery emits an execution and an activation event in the catalogue Event shape', async () => {
		const action = await validatedAction();
		const contact = newContact();
		const sent = await send(action.id, { recipient: byId(contact), data: { orderId: 7 } });
		const events = simulator().state.events.query({ messageId: sent.json.id });
		expect(events.map((e) => e.type)).toEqual(['execution', 'activation']);
		const footprint = { type: 'footprint', id: contact.id, unicity: contact.unicity, hash: contact.hash };
		const stamp = { time: expect.any(Number), id: sent.json.id, thread: expect.stringMatching(/^[0-9a-f-]{36}$/) };
		expect(events[0]).toEqual({
			type: 'execution',
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			timestamp: expect.any(Number),
			identity: { type: 'customer', agency: 'SIM', customer: '001' },
			source: {
				type: 'email',
				detail: { execution: { id: action.id, kind: 'message', recipient: footprint, data: { orderId: 7 }, stamp }, message: { id: sent.json.id } },
			},
		});
		expect(events[1].source.detail).toEqual({
			activation: { id: action.id, kind: 'message', receiver: footprint, stamp, recipient: contact.unicity },
			message: { id: sent.json.id },
		});
		expect(simulator().state.events.query({ actionId: action.id, contactId: contact.id })).toEqual(events);
	});

	test('bounces, hits, complaints and cancellations can be injected; queries use a half-open window', async () => {
		const action = await validatedAction();
		const sent = await send(action.id, { recipient: byId(newContact()) });
		const { events, deliveries: log } = simulator().state;
		const delivery = log.get(sent.json.id)!;
		const at = delivery.at + 60_000;
		const bounce = events.inject(delivery, { type: 'bounce', verdict: 'hard', at });
		expect(bounce.source.detail).toMatchObject({
			activation: { id: action.id },
			bounce: { analysis: { verdict: 'hard' }, status: { type: 'sync' } },
			message: { id: sent.json.id },
		});
		const hit = events.inject(delivery, { type: 'hit', link: 'redirection', url: 'https://example.com/a', at: at + 1 });
		expect(hit.source.detail.link).toEqual({ type: 'redirection', url: 'https://example.com/a' });
		const complaint = events.inject(delivery, { type: 'complaint', at: at + 2 });
		const cancellation = events.inject(delivery, { type: 'cancellation', reason: 'template error', at: at + 3 });
		expect(cancellation.source.detail.cancellation).toEqual({ type: 'user defined policy', value: { type: 'render', message: 'template error' } });

		expect(events.query({ messageId: sent.json.id, start: at, end: at + 3 })).toEqual([bounce, hit, complaint]);
		expect(events.query({ messageId: sent.json.id, start: at + 1 })).toEqual([hit, complaint, cancellation]);
		expect(events.query({ actionId: action.id, types: ['hit', 'complaint'] })).toEqual([hit, complaint]);
		expect(events.query({ actionId: action.id, end: delivery.at }).length).toBe(0);
	});

	test('other processes inject feedback through POST /_simulator/events', async () => {
		const action = await validatedAction();
		const sent = await send(action.id, { recipient: byId(newContact()) });
		const inject = (body: unknown) => request(`${simulator().url}/_simulator/events`, { method: 'POST', body: JSON.stringify(body) });
		const injected = await inject({ messageId: sent.json.id, type: 'hit', link: 'open' });
		expect(injected.statusCode).toBe(200);
		expect(((await injected.body.json()) as { type: string }).type).toBe('hit');
		expect((await inject({ messageId: 'unknown', type: 'complaint' })).statusCode).toBe(404);
		expect((await inject({ messageId: sent.json.id, type: 'bounce', verdict: 'maybe' })).statusCode).toBe(400);
		const listed = await request(`${simulator().url}/_simulator/deliveries`);
		expect(((await listed.body.json()) as Array<{ messageId: string }>).some((d) => d.messageId === sent.json.id)).toBe(true);
	});
});

describe('render', () => {
	test('render answers the RenderMailResult for the receiver, personalised; it never sends', async () => {
		const action = await createAction();
		const contact = newContact();
		const before = deliveries().length;
		const rendered = await call('POST', `/actions/${action.id}/render`, { body: { receiver: byId(contact) }, headers: { 'content-type': EMAIL } });
		expect(rendered.status).toBe(200);
		const firstName = contact.fields[fieldId('FirstName')];
		expect(rendered.json).toEqual({
			type: 'success',
			recipient: contact.unicity,
			sender: { bounce: 'bounce@example.com', label: 'Test', reply: '', value: 'test@example.com' },
			subject: `Hello ${firstName}`,
			html: `<p>Hi ${firstName}, <a href="https://example.com/a">a</a> <a href='https://example.com/b?x=1'>b</a></p>`,
			text: `Hi ${firstName}`,
			amp: '',
			headers: {},
		});
		const withData = await call('POST', `/actions/${action.id}/render`, {
			body: { receiver: byId(contact), data: { FirstName: 'Override' } },
			headers: { 'content-type': EMAIL },
		});
		expect(withData.json.subject).toBe('Hello Override');
		expect(deliveries()).toHaveLength(before);
	});

	test('renders: one result per receiver, an error entry for an unknown one; render: 404 for it', async () => {
		const action = await createAction();
		const contact = newContact();
		const nobody = { type: 'hash', value: '0'.repeat(32) };
		const many = await call('POST', `/actions/${action.id}/renders`, {
			body: [{ receiver: byId(contact) }, { receiver: nobody }],
			headers: { 'content-type': EMAIL },
		});
		expect(many.status).toBe(200);
		expect(many.json[0].type).toBe('success');
		expect(many.json[1]).toEqual({ type: 'error', value: { type: 'recipient not found', recipient: nobody } });
		expect((await call('POST', `/actions/${action.id}/render`, { body: { receiver: nobody }, headers: { 'content-type': EMAIL } })).status).toBe(404);
		expect((await call('POST', '/actions/QQQQQQ/render', { body: { receiver: byId(contact) }, headers: { 'content-type': EMAIL } })).status).toBe(404);
	});

	test('render media types follow the channel (415 otherwise); state 10 cannot render (409); SMS renders its text', async () => {
		const action = await createAction();
		const receiver = { receiver: byId(newContact({ Mobile: '+33600000003' })) };
		for (const type of ['application/json', SMS]) {
			expect((await call('POST', `/actions/${action.id}/render`, { body: receiver, headers: { 'content-type': type } })).status).toBe(415);
			expect((await call('POST', `/actions/${action.id}/renders`, { body: [receiver], headers: { 'content-type': type } })).status).toBe(415);
		}
		const draft = await createAction({ type: 'mailMessage', name: 'draft' });
		expect((await call('POST', `/actions/${draft.id}/render`, { body: receiver, headers: { 'content-type': EMAIL } })).status).toBe(409);
		const sms = await createAction(smsMessage());
		const rendered = await call('POST', `/actions/${sms.id}/render`, { body: receiver, headers: { 'content-type': SMS } });
		expect(rendered.json).toEqual({ type: 'success', recipient: '+33600000003', text: expect.stringMatching(/^Hi First\d+$/) });
		expect((await call('POST', `/actions/${sms.id}/render`, { body: receiver, headers: { 'content-type': EMAIL } })).status).toBe(415);
	});

	test('renderLinks answers the links of the action HTML', async () => {
		const action = await createAction(mailMessage({ content: { subject: 's', html: '<a href="https://example.com/{{FirstName}}">x</a><a HREF=\'https://example.com/b\'>y</a>' } }));
		const contact = newContact();
		const links = await call('POST', `/actions/${action.id}/render/links`, { body: {} });
		expect(links.status).toBe(200);
		expect(links.json).toEqual({ type: 'success', links: ['https://example.com/{{FirstName}}', 'https://example.com/b'] });
		const personal = await call('POST', `/actions/${action.id}/render/links`, { body: { receiver: byId(contact) } });
		expect(personal.json.links[0]).toBe(`https://example.com/${contact.fields[fieldId('FirstName')]}`);
		expect((await call('POST', `/actions/${action.id}/render/links`, { body: { receiver: { type: 'id', value: 'NOPE0000' } } })).status).toBe(404);
		expect((await call('POST', '/actions/QQQQQQ/render/links', { body: {} })).status).toBe(404);
	});
});

describe('legacy sends', () => {
	test('send a message (POST /actions/{id}/targets/{targetId}): 204, or the message id with Accept .message.id', async () => {
		const action = await validatedAction();
		const contact = newContact();
		const before = deliveries().length;
		const quiet = await call('POST', `/actions/${action.id}/targets/${contact.id}`, { body: { data: { k: 'v' } } });
		expect(quiet.status).toBe(204);
		const withId = await call('POST', `/actions/${action.id}/targets/${contact.id}`, {
			body: { views: { subject: 'Legacy subject', fromLabel: 'Legacy' } },
			headers: { accept: 'application/vnd.mperf.v8.message.id' },
		});
		expect(withId.status).toBe(200);
		expect(withId.json).toMatch(/^[0-9a-f-]{36}$/);
		expect(deliveries()).toHaveLength(before + 2);
		expect(simulator().state.deliveries.get(withId.json)!.rendered).toMatchObject({ subject: 'Legacy subject', sender: { label: 'Legacy', value: 'test@example.com' } });
		expect((await call('POST', `/actions/${action.id}/targets/NOPE0000`, { body: {} })).status).toBe(404);
		const draft = await createAction();
		expect((await call('POST', `/actions/${draft.id}/targets/${contact.id}`, { body: {} })).status).toBe(409);
	});

	test('send a bulked message (application/vnd.np6.cm.email-v4): one message id per recipient, null when none was sent', async () => {
		const action = await validatedAction();
		const [a, b] = [newContact(), newContact()];
		const bulk = (id: string, body: unknown, type = 'application/vnd.np6.cm.email-v4') =>
			call('POST', `/actions/${id}/targets`, { body, headers: { 'content-type': type } });
		const before = deliveries().length;
		const sent = await bulk(action.id, [{ recipient: byId(a) }, { recipient: { type: 'id', value: 'NOPE0000' } }, { recipient: byId(b) }]);
		expect(sent.status).toBe(200);
		expect(sent.json).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/), null, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
		expect(deliveries().slice(before).map((d) => d.contactId)).toEqual([a.id, b.id]);
		expect((await bulk(action.id, [{ recipient: byId(a) }], 'application/json')).status).toBe(415);
		expect((await bulk(action.id, [{ recipient: byId(a) }], EMAIL)).status).toBe(415);
		expect((await bulk(action.id, [])).status).toBe(400);
		const sms = await validatedAction(smsMessage());
		expect((await bulk(sms.id, [{ recipient: byId(a) }])).status).toBe(415);
	});
});

describe('counts and exports', () => {
	test('countRecipients: distinct contacts a message was sent to; a campaign\'s selected minus excluded segment members', async () => {
		const action = await validatedAction();
		const [a, b] = [newContact(), newContact()];
		await sendMany(action.id, [{ recipient: byId(a) }, { recipient: byId(b) }, { recipient: byId(a) }]);
		expect((await call('GET', `/actions/${action.id}/recipients/count`)).json).toEqual({ count: 2 });

		const { segments } = simulator().state;
		const selected = segments.create({ type: 'static', name: 'count selected' })!;
		const excluded = segments.create({ type: 'static', name: 'count excluded' })!;
		const [c, d, e] = [newContact(), newContact(), newContact()];
		[c, d, e].forEach((contact) => segments.add(selected, contact.id));
		segments.add(excluded, e.id);
		const campaign = await createAction(mailMessage({ type: 'mailCampaign', scheduler: { type: 'asap', segments: { selected: [selected.id], excluded: [excluded.id] }, speed: 0 } }));
		expect((await call('GET', `/actions/${campaign.id}/recipients/count`)).json).toEqual({ count: 2 });
		expect((await call('GET', '/actions/QQQQQQ/recipients/count')).status).toBe(404);
	});

	test('the recipients, opens and clicks exports answer 204 (delivered out of band, as documented)', async () => {
		for (const path of ['export/recipients', 'export/tracking/opens', 'export/tracking/clicks']) {
			const response = await call('GET', `/actions/000A01/${path}`);
			expect(response.status).toBe(204);
			expect(response.text).toBe('');
			expect((await call('GET', `/actions/QQQQQQ/${path}`)).status).toBe(404);
		}
	});

	test('the bounces, complaints and unsubscribes exports list the injected feedback', async () => {
		const action = await validatedAction();
		const [a, b] = [newContact(), newContact()];
		const sent = await sendMany(action.id, [{ recipient: byId(a) }, { recipient: byId(b) }]);
		const { events, deliveries: log } = simulator().state;
		const resultFor = (contact: { id: string }) => sent.json.find((r: { recipient: { id: string } }) => r.recipient.id === contact.id);
		const [first, second] = [a, b].map((contact) => log.get(resultFor(contact).id)!);
		events.inject(first, { type: 'bounce', verdict: 'soft', at: 1_800_000_000_000 });
		events.inject(second, { type: 'complaint', at: 1_800_000_000_000 });
		events.inject(second, { type: 'hit', link: 'unsubscribe', at: 1_800_000_000_001 });
		events.inject(first, { type: 'hit', link: 'open', at: 1_800_000_000_002 });
		const date = '2027-01-15T08:00:00.000Z';
		expect((await call('GET', `/actions/${action.id}/export/feedback/bounces`)).json).toEqual([{ target: a.id, messageId: first.messageId, date, verdict: 'soft' }]);
		expect((await call('GET', `/actions/${action.id}/export/feedback/complaints`)).json).toEqual([{ target: b.id, messageId: second.messageId, date }]);
		expect((await call('GET', `/actions/${action.id}/export/feedback/unsubscribes`)).json).toEqual([
			{ target: b.id, messageId: second.messageId, date: '2027-01-15T08:00:00.001Z' },
		]);
		expect((await call('GET', '/actions/QQQQQQ/export/feedback/bounces')).status).toBe(404);
	});
});

test('the seed holds the four actions of the issue', async () => {
	const get = async (id: string) => (await call('GET', `/actions/${id}`)).json;
	const order = await get('000A01');
	expect(order).toMatchObject({
		type: 'mailMessage',
		name: 'Order confirmation',
		informations: { state: 50 },
		settings: { templating: { version: '4.1' }, archive: true },
		content: { headers: { from: { prefix: 'orders', domain: 'shop.example.com', label: 'Example Shop' } } },
	});
	expect(order.content.subject).toContain('{{FirstName}}');
	expect(order.content.html).toContain('{{FirstName}}');
	expect(await get('000A02')).toMatchObject({ type: 'mailMessage', name: 'Welcome', informations: { state: 20 } });
	expect(await get('000A03')).toMatchObject({ type: 'smsMessage', name: 'Delivery update', informations: { state: 50 } });
	const newsletter = simulator().state.segments.byName('Newsletter')!.id;
	expect(await get('000A04')).toMatchObject({
		type: 'mailCampaign',
		name: 'Spring newsletter',
		informations: { state: 20 },
		scheduler: { type: 'asap', segments: { selected: [newsletter] } },
	});
	const contact = newContact();
	const sent = await send('000A01', { recipient: byId(contact) });
	expect(sent.json.type).toBe('success');
	expect(simulator().state.deliveries.get(sent.json.id)!.rendered.subject).toBe(`Your order is confirmed, ${contact.fields[fieldId('FirstName')]}`);
});
