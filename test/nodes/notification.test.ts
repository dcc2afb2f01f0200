/** Notification (push) operations of the NP6 Action node, run by n8n's engine against the simulator. */
import { Np6Action } from '../../nodes/Np6Action/Np6Action.node';
import { loadOptions, runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const state = () => simulator().state;
const log = () => simulator().server.log;
const run = (operation: string, parameters: Record<string, unknown> = {}, input?: Parameters<typeof runNode>[2], continueOnFail = false) =>
	runNode(simulator(), { type: 'np6Action', parameters: { resource: 'notification', operation, ...parameters }, continueOnFail }, input);
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
/** A value that only turns out bad at run time (n8n's editor checks a literal "By ID" against its pattern). */
const byExpression = (value: string) => ({ __rl: true, mode: 'id', value: `={{ ${JSON.stringify(value)} }}` });

const MAYBE_SENT = "NP6 may or may not have sent this notification; check the notification's events before sending again";
const UNKNOWN_VERSION = '00000000-0000-4000-8000-000000000000';

let application: string;
beforeAll(() => {
	application = state().applications.add('Shop app').id;
});

beforeEach(() => {
	log().clear();
	simulator().server.faults.clear();
});

function contact(email: string, firstName = 'Alice') {
	const written = state().contacts.create({
		[String(state().fields.byName('Email')!.id)]: email,
		[String(state().fields.byName('FirstName')!.id)]: firstName,
	});
	if (!written.ok) throw new Error(`contact ${email}: ${written.status}`);
	return written.contact;
}

const versions = [
	{ master: true, title: 'Hello {{FirstName}}', body: 'Your order {{orderId}} is ready' },
	{ title: 'Bonjour {{FirstName}}', body: 'Commande {{orderId}} prête' },
];

async function notification(name: string, additionalFields: Record<string, unknown> = {}) {
	const result = await run('create', {
		type: 'push-app',
		name,
		application: byId(application),
		additionalFields: { versions: JSON.stringify(versions), ...additionalFields },
	});
	expect(result.error).toBeUndefined();
	log().clear();
	return result.items[0].json as { id: number; versions: Array<{ id: string }> };
}

const sendParameters = (notificationId: number, extra: Record<string, unknown> = {}) => ({
	notification: byId(notificationId),
	findBy: 'unicity',
	unicity: '={{ $json.email }}',
	...extra,
});

describe('Create, Get, Get Many, Update, Delete', () => {
	test('Create sends the fields as NP6 names them; Get and Get Many read it back', async () => {
		const result = await run('create', {
			type: 'push-app',
			name: 'Order ready',
			application: byId(application),
			additionalFields: { versions: JSON.stringify(versions), description: 'Tells the buyer', urgent: true, active: true },
		});
		const created = result.items[0].json as { id: number };
		expect(log().handled('notification.create')[0].body).toEqual({
			type: 'push-app',
			name: 'Order ready',
			application,
			description: 'Tells the buyer',
			active: true,
			settings: { urgent: true },
			versions,
		});
		expect(state().notifications.byId.get(created.id)).toMatchObject({ name: 'Order ready', application });

		const got = await run('get', { notification: byId(created.id) });
		expect(got.items[0].json).toMatchObject({ id: created.id, name: 'Order ready', description: 'Tells the buyer' });
		expect(got.items[0].pairedItem).toEqual({ item: 0 });

		await notification('Second one');
		const all = await run('getAll', { returnAll: true });
		expect(all.items.map((i) => i.json.name)).toEqual(expect.arrayContaining(['Order ready', 'Second one']));
		expect((await run('getAll', { returnAll: false, limit: 1 })).items).toHaveLength(1);
	});

	test('Update changes only the given fields: the notification is read, then replaced with the changes', async () => {
		const created = await notification('Before', { description: 'Kept', urgent: true });
		log().clear();
		const updated = await run('update', { notification: byId(created.id), additionalFields: { name: 'After', active: false } });
		expect(updated.error).toBeUndefined();
		expect(log().handled().map((e) => e.operation)).toEqual(['notification.get', 'notification.update']);
		const put = log().handled('notification.update')[0].body as Record<string, unknown>;
		expect(put).toMatchObject({ type: 'push-app', name: 'After', description: 'Kept', application, active: false, settings: { urgent: true } });
		expect(put).not.toHaveProperty('id');
		expect(put).not.toHaveProperty('stamp');
		expect(state().notifications.byId.get(created.id)).toMatchObject({ name: 'After', description: 'Kept', active: false, settings: { urgent: true } });
		expect(state().notifications.byId.get(created.id)!.versions.map((v) => v.id)).toEqual(created.versions.map((v) => v.id));
		expect(updated.items[0].json).toMatchObject({ id: created.id, name: 'After' });
	});

	test('Delete removes the notification', async () => {
		const created = await notification('Short-lived');
		const deleted = await run('delete', { notification: byId(created.id) });
		expect(deleted.items[0].json).toEqual({ success: true });
		expect(state().notifications.byId.has(created.id)).toBe(false);
	});

	test('an unknown notification is a 404 for every operation', async () => {
		const parameters = { notification: byId(999999), returnAll: true, additionalFields: { name: 'x' }, findBy: 'unicity', unicity: 'x@example.com', version: 'master' };
		for (const operation of ['get', 'update', 'delete', 'render', 'send']) {
			const result = await run(operation, parameters);
			expect(`${operation}: ${result.error?.httpCode} ${result.error?.message}`).toBe(`${operation}: 404 NP6 404: ${
				operation === 'update' || operation === 'get' || operation === 'delete' || operation === 'send'
					? 'NP6 has no notification with this ID'
					: 'NP6 has no such notification or contact'
			}`);
		}
	});

	test('bad parameters are refused before any request', async () => {
		const cases: Array<[string, Record<string, unknown>, RegExp]> = [
			['get', { notification: byExpression('abc') }, /"Notification" is not valid/],
			['create', { type: 'push-app', name: 'Bad', application: byExpression('not-a-uuid') }, /"Application" is not valid/],
			['create', { type: 'push-app', name: 'Bad', application: byId(application), additionalFields: { versions: '[{' } }, /"Versions \(JSON\)" is not valid/],
			['update', { notification: byId(1), additionalFields: {} }, /No field to update/],
			['update', { notification: byId(1), additionalFields: { application: { __rl: true, mode: 'id', value: 'app' } } }, /"Application" is not valid/],
			['render', { notification: byId(1), version: 'specific', versionId: 'v1', findBy: 'unicity', unicity: 'a@example.com' }, /"Version ID" is not valid/],
			['render', { notification: byId(1), version: 'master', findBy: 'hash', hash: 'nothex' }, /"Hash" is not valid/],
		];
		for (const [operation, parameters, message] of cases) {
			const result = await run(operation, parameters);
			expect(`${operation}: ${result.error?.message}`).toMatch(message);
		}
		expect(log().entries).toHaveLength(0);
	});

	test('Create: an application NP6 does not know is a 404', async () => {
		const result = await run('create', { type: 'push-app', name: 'Orphan', application: byId(UNKNOWN_VERSION) });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toMatch(/no such application/);
	});

	test('the notification picker lists the notifications, filtered by name', async () => {
		const created = await notification('Picker target');
		const { listSearch } = new Np6Action().methods;
		const node = { type: 'np6Action', parameters: { resource: 'notification', operation: 'get' } };
		const all = await loadOptions(simulator(), node, listSearch.searchNotifications);
		expect(all.results).toContainEqual({ name: 'Picker target (active)', value: String(created.id) });
		const filtered = await loadOptions(simulator(), node, listSearch.searchNotifications, 'picker');
		expect(filtered.results.map((r) => r.value)).toEqual([String(created.id)]);
	});
});

describe('Render', () => {
	test('routes to the 8 render operations: master or version, contact by ID, unicity, hash or in the body', async () => {
		const created = await notification('Rendered');
		const version = created.versions[1].id;
		const alice = contact('render.alice@example.com', 'Alice');
		const byContact = { id: { contactId: alice.id }, unicity: { unicity: alice.unicity }, hash: { hash: alice.hash } };
		const expected: Array<[string, Record<string, unknown>, string, string]> = [
			['master', { findBy: 'id', ...byContact.id }, 'notification.renderMasterForContactId', 'Hello Alice'],
			['master', { findBy: 'unicity', ...byContact.unicity }, 'notification.renderMasterForContactUnicity', 'Hello Alice'],
			['master', { findBy: 'hash', ...byContact.hash }, 'notification.renderMasterForContactHash', 'Hello Alice'],
			['master', { findBy: 'id', ...byContact.id, additionalFields: { stamp: '{"set":"s"}' } }, 'notification.renderMaster', 'Hello Alice'],
			['specific', { findBy: 'id', ...byContact.id }, 'notification.renderVersionForContactId', 'Bonjour Alice'],
			['specific', { findBy: 'unicity', ...byContact.unicity }, 'notification.renderVersionForContactUnicity', 'Bonjour Alice'],
			['specific', { findBy: 'hash', ...byContact.hash }, 'notification.renderVersionForContactHash', 'Bonjour Alice'],
			['specific', { findBy: 'unicity', ...byContact.unicity, additionalFields: { related: '{}' } }, 'notification.renderVersion', 'Bonjour Alice'],
		];
		for (const [which, parameters, key, title] of expected) {
			log().clear();
			const result = await run('render', { notification: byId(created.id), version: which, versionId: version, ...parameters });
			expect(`${key}: ${result.error?.message ?? (result.items[0].json.render as { title: string }).title}`).toBe(`${key}: ${title}`);
			expect(log().handled().map((e) => e.operation)).toEqual([key]);
		}
		log().clear();
		await run('render', { notification: byId(created.id), version: 'master', findBy: 'unicity', unicity: alice.unicity, additionalFields: { stamp: '{"set":"s"}' } });
		expect(log().handled('notification.renderMaster')[0].body).toEqual({ receiver: { unicity: alice.unicity }, stamp: { set: 's' } });
		// Nothing was sent.
		expect(state().deliveries.forNotification(created.id)).toHaveLength(0);
	});

	test('an unknown version or contact is a 404', async () => {
		const created = await notification('Render failures');
		const alice = contact('render.failures@example.com');
		const badVersion = await run('render', { notification: byId(created.id), version: 'specific', versionId: UNKNOWN_VERSION, findBy: 'id', contactId: alice.id });
		expect(badVersion.error?.httpCode).toBe('404');
		expect(badVersion.error?.message).toMatch(/no such notification, version or contact/);
		const noContact = await run('render', { notification: byId(created.id), version: 'master', findBy: 'unicity', unicity: 'nobody@example.com' });
		expect(noContact.error?.httpCode).toBe('404');
	});
});

describe('Send', () => {
	test('Skip Recipients Already Sent: a re-run sends nothing to contacts with an activation of the notification', async () => {
		const created = await notification('Sent once');
		const people = ['dan', 'eve'].map((name) => contact(`once.${name}@example.com`));
		const first = await run('send', sendParameters(created.id, { sendOptions: { skipAlreadySent: true } }), people.map((p) => ({ email: p.unicity })));
		expect(first.items.map((i) => i.json.status)).toEqual(['sent', 'sent']);
		const again = await run('send', sendParameters(created.id, { sendOptions: { skipAlreadySent: true } }), people.map((p) => ({ email: p.unicity })));
		expect(again.items.map((i) => [i.json.status, i.json.notificationId])).toEqual([['skipped', created.id], ['skipped', created.id]]);
		expect(state().deliveries.forNotification(created.id)).toHaveLength(2);
		expect(log().handled('notificationEvent.listActivations')).toHaveLength(2);
	});

	test('one request per batch, results paired with their items, overrides applied', async () => {
		const created = await notification('Batch send');
		const people = ['ann', 'ben', 'cat'].map((name) => contact(`send.${name}@example.com`, name.toUpperCase()));
		const result = await run(
			'send',
			sendParameters(created.id, { additionalFields: { title: 'Hi {{FirstName}}', data: '{"orderId":"A1"}', urgent: true } }),
			people.map((p) => ({ email: p.unicity })),
		);
		expect(result.error).toBeUndefined();
		const [request] = log().handled('notification.executeMany');
		expect(log().handled()).toHaveLength(1);
		expect(request.body).toEqual(
			people.map((p) => ({ recipient: { type: 'contact', value: { unicity: p.unicity } }, title: 'Hi {{FirstName}}', data: { orderId: 'A1' }, urgent: true })),
		);
		const deliveries = state().deliveries.forNotification(created.id);
		expect(result.items.map((i) => [i.json.status, i.json.messageId, (i.json.recipient as { id: string }).id, i.pairedItem])).toEqual(
			people.map((p, item) => ['sent', deliveries.find((d) => d.contactId === p.id)!.messageId, p.id, { item }]),
		);
		expect(deliveries.map((d) => d.rendered.body)).toEqual(['Your order A1 is ready', 'Your order A1 is ready', 'Your order A1 is ready']);
	});

	test('batches of the given size; a batch of one uses /execution; contacts by ID and by hash', async () => {
		const created = await notification('Sized batches');
		const people = [1, 2, 3, 4, 5].map((n) => contact(`sized.${n}@example.com`));
		const byIdResult = await run(
			'send',
			{ notification: byId(created.id), findBy: 'id', contactId: '={{ $json.id }}', sendOptions: { batchSize: 2 } },
			people.map((p) => ({ id: p.id })),
		);
		expect(byIdResult.items.map((i) => i.json.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
		expect(log().handled().map((e) => [e.operation, Array.isArray(e.body) ? e.body.length : 1])).toEqual([
			['notification.executeMany', 2],
			['notification.executeMany', 2],
			['notification.execute', 1],
		]);
		expect(log().handled('notification.execute')[0].body).toEqual({ recipient: { type: 'contact', value: { id: people[4].id } } });
		log().clear();
		const byHash = await run('send', { notification: byId(created.id), findBy: 'hash', hash: people[0].hash.toUpperCase() });
		expect(byHash.items[0].json).toMatchObject({ status: 'sent', recipient: { id: people[0].id } });
		expect(log().handled('notification.execute')[0].body).toEqual({ recipient: { type: 'contact', value: { hash: people[0].hash } } });
		expect(state().deliveries.forNotification(created.id).filter((d) => d.contactId === people[0].id)).toHaveLength(2);
	});

	test('a recipient NP6 does not know fails its item; the others are sent (Continue On Fail)', async () => {
		const created = await notification('Partly unknown');
		const known = [contact('known.1@example.com'), contact('known.2@example.com')];
		const emails = [known[0].unicity, 'nobody.here@example.com', known[1].unicity];
		const result = await run('send', sendParameters(created.id), emails.map((email) => ({ email })), true);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.status ?? i.json.error, i.pairedItem])).toEqual([
			['sent', { item: 0 }],
			['NP6 did not send to this recipient: recipient not found', { item: 1 }],
			['sent', { item: 2 }],
		]);
		expect(state().deliveries.forNotification(created.id).map((d) => d.contactId)).toEqual(known.map((c) => c.id));
	});

	test('without Continue On Fail the node fails on the first failed item, after the batch results are known', async () => {
		const created = await notification('Stops');
		const known = contact('stops.1@example.com');
		const result = await run('send', sendParameters(created.id), [{ email: known.unicity }, { email: 'nobody.stops@example.com' }]);
		expect(result.error?.message).toBe('NP6 did not send to this recipient: recipient not found');
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		expect(result.error?.description).toMatch(/1 of 2 items failed \(items 2\); 1 were sent/);
		expect(state().deliveries.forNotification(created.id).map((d) => d.contactId)).toEqual([known.id]);
	});

	test('a bad recipient is refused before anything is sent, naming the parameter', async () => {
		const created = await notification('Checked first');
		const good = contact('checked@example.com');
		const input = [{ id: good.id }, { id: 'alice@example.com' }];
		const parameters = { notification: byId(created.id), findBy: 'id', contactId: '={{ $json.id }}' };
		const refused = await run('send', parameters, input);
		expect(refused.error?.message).toBe('The parameter "Contact ID" is not valid: "alice@example.com"');
		expect(log().entries).toHaveLength(0);
		const empty = await run('send', parameters, [{ id: good.id }, {}]);
		expect(empty.error?.message).toBe('The parameter "Contact ID" is empty');
		const badData = await run('send', { ...sendParameters(created.id), additionalFields: { data: '{oops' } }, [{ email: good.unicity }]);
		expect(badData.error?.message).toMatch(/"Data \(JSON\)" is not valid/);
		expect(log().entries).toHaveLength(0);
		// With Continue On Fail, only the bad item fails.
		const continued = await run('send', parameters, input, true);
		expect(continued.items.map((i) => i.json.status ?? i.json.error)).toEqual(['sent', 'The parameter "Contact ID" is not valid: "alice@example.com"']);
		expect(log().handled()).toHaveLength(1);
	});

	test('an inactive notification refuses the send (409); nothing is sent', async () => {
		const created = await notification('Offline', { active: false });
		const result = await run('send', sendParameters(created.id), [{ email: contact('offline@example.com').unicity }]);
		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.message).toMatch(/not active/);
		expect(state().deliveries.forNotification(created.id)).toHaveLength(0);
	});

	test('a batch whose outcome is unknown fails its items with "may or may not"; it is never sent twice', async () => {
		const created = await notification('Unknown outcome');
		const people = [1, 2, 3, 4, 5].map((n) => contact(`unknown.${n}@example.com`));
		simulator().server.addFault({ kind: 'status', status: 503, operation: 'notification.executeMany', phase: 'after', times: 1 });
		const result = await run('send', sendParameters(created.id, { sendOptions: { batchSize: 2 } }), people.map((p) => ({ email: p.unicity })), true);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.status ?? i.json.error, i.pairedItem])).toEqual([
			[MAYBE_SENT, { item: 0 }],
			[MAYBE_SENT, { item: 1 }],
			['sent', { item: 2 }],
			['sent', { item: 3 }],
			['sent', { item: 4 }],
		]);
		expect(result.items[0].json.details).toMatch(/NP6 503/);
		// NP6 carried the lost batch out: every recipient got exactly one push.
		const deliveries = state().deliveries.forNotification(created.id);
		expect(people.map((p) => deliveries.filter((d) => d.contactId === p.id).length)).toEqual([1, 1, 1, 1, 1]);
		const sends = log().entries.filter((e) => e.path.startsWith(`/notifications/${created.id}/execution`));
		expect(sends.map((e) => [e.operation, e.status])).toEqual([
			['notification.executeMany', 503],
			['notification.executeMany', 200],
			['notification.execute', 200],
		]);
	});

	test('without Continue On Fail an unknown outcome still lets the other batches go, then fails the node', async () => {
		const created = await notification('Unknown outcome, stop');
		const people = [1, 2, 3].map((n) => contact(`unknown.stop.${n}@example.com`));
		simulator().server.addFault({ kind: 'status', status: 503, operation: 'notification.executeMany', phase: 'after', times: 1 });
		const result = await run('send', sendParameters(created.id, { sendOptions: { batchSize: 2 } }), people.map((p) => ({ email: p.unicity })));
		expect(result.error?.message).toBe(MAYBE_SENT);
		const deliveries = state().deliveries.forNotification(created.id);
		expect(people.map((p) => deliveries.filter((d) => d.contactId === p.id).length)).toEqual([1, 1, 1]);
		expect(log().entries.filter((e) => e.path.includes('/execution')).map((e) => e.operation)).toEqual(['notification.executeMany', 'notification.execute']);
	});
});

test('Update moves a notification to another application picked from the list', async () => {
	const other = state().applications.add('Other app').id;
	const created = (await run('create', { type: 'push-app', name: 'Moving', application: byId(application) })).items[0].json as { id: number };
	const moved = await run('update', { notification: byId(created.id), additionalFields: { application: { __rl: true, mode: 'list', value: other } } });
	expect(moved.error).toBeUndefined();
	expect(state().notifications.byId.get(created.id)?.application).toBe(other);
});
