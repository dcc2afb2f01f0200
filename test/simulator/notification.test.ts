/** Push notifications: documents with versions, renders for a contact named five ways, executions. */
import { randomUUID } from 'node:crypto';

import { catalogue } from '../../simulator/catalogue';
import { SEEDED_APPLICATION_ID, SEEDED_MASTER_VERSION_ID } from '../../simulator/seed';
import { useSimulator } from '../harness/simulator';
import { messaging } from './messaging';

const simulator = useSimulator();
const { call, fieldId, newContact } = messaging(simulator);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function createNotification(extra: Record<string, unknown> = {}) {
	const created = await call('POST', '/notifications', {
		body: {
			type: 'push-app',
			name: 'Test push',
			application: SEEDED_APPLICATION_ID,
			versions: [{ name: 'master', master: true, title: 'Hi {{FirstName}}', body: 'News', redirection: 'https://example.com/push' }],
			...extra,
		},
	});
	if (created.status !== 200) throw new Error(`notification not created: ${created.status}`);
	return created.json as { id: number; versions: Array<{ id: string }> };
}

const asContact = (contact: { id: string }) => ({ type: 'contact', value: { id: contact.id } });
const lastOperation = () => simulator().server.log.entries.at(-1)!.operation;

test('every operation with a known path is implemented; the five without one are left out', () => {
	const operations = catalogue.sections.find((s) => s.docSlug === 'notificationmanagement')!.operations;
	const known = operations.filter((o) => o.method);
	expect(known).toHaveLength(15);
	for (const { key } of known) expect(simulator().server.router.implementedOperations).toContain(key);
	expect(operations.filter((o) => !o.method).map((o) => o.key).sort()).toEqual(
		['notification.activate', 'notification.deactivate', 'notification.duplicate', 'notification.testMaster', 'notification.testVersion'].sort(),
	);
});

describe('notification documents', () => {
	test('create assigns an int id and a stamp; without versions, one master version with a uuid', async () => {
		const created = await call('POST', '/notifications', { body: { type: 'push-app', id: 0, name: 'Bare' } });
		expect(created.status).toBe(200);
		expect(created.json).toEqual({
			type: 'push-app',
			id: expect.any(Number),
			name: 'Bare',
			stamp: { creation: expect.any(String), modification: expect.any(String) },
			active: true,
			settings: { urgent: false },
			versions: [{ id: expect.stringMatching(UUID), name: 'master', master: true }],
		});
		expect(created.json.id).toBeGreaterThan(0);
		expect((await call('GET', `/notifications/${created.json.id}`)).json).toEqual(created.json);
		expect((await call('GET', '/notifications')).json).toContainEqual(created.json);
	});

	test('400 for another type, no name or a malformed version; 404 for an unknown application', async () => {
		for (const body of [{ type: 'email', name: 'x' }, { type: 'push-app' }, { type: 'push-app', name: 'x', versions: [{ id: 'not-a-uuid' }] }, { type: 'push-app', name: 'x', application: 'app' }]) {
			const response = await call('POST', '/notifications', { body });
			expect(response.status).toBe(400);
			expect(response.text).toBe('');
		}
		expect((await call('POST', '/notifications', { body: { type: 'push-app', name: 'x', application: randomUUID() } })).status).toBe(404);
	});

	test('update replaces the document, keeping id, creation date and (when none are sent) the versions', async () => {
		const notification = await createNotification({ description: 'before' });
		const updated = await call('PUT', `/notifications/${notification.id}`, { body: { type: 'push-app', name: 'Renamed', active: false } });
		expect(updated.status).toBe(200);
		expect(updated.json).toMatchObject({ id: notification.id, name: 'Renamed', active: false, versions: notification.versions });
		expect(updated.json).not.toHaveProperty('description');
		expect((await call('PUT', '/notifications/999999', { body: { type: 'push-app', name: 'x' } })).status).toBe(404);
		expect((await call('PUT', `/notifications/${notification.id}`, { body: { name: 'typeless' } })).status).toBe(400);
	});

	test('delete answers 204, then 404', async () => {
		const notification = await createNotification();
		expect((await call('DELETE', `/notifications/${notification.id}`)).status).toBe(204);
		expect((await call('GET', `/notifications/${notification.id}`)).status).toBe(404);
		expect((await call('DELETE', `/notifications/${notification.id}`)).status).toBe(404);
		expect((await call('GET', '/notifications/abc')).status).toBe(404);
	});

	test('the seed holds "Flash sale" with a master version, on a notifiable application', async () => {
		const all = (await call('GET', '/notifications')).json;
		const flashSale = all.find((n: { name: string }) => n.name === 'Flash sale');
		expect(flashSale).toMatchObject({ type: 'push-app', application: SEEDED_APPLICATION_ID, versions: [{ id: SEEDED_MASTER_VERSION_ID, master: true }] });
		expect(simulator().state.applications.byId.get(SEEDED_APPLICATION_ID)).toMatchObject({ id: SEEDED_APPLICATION_ID, type: 'native', name: 'Example Shop' });
	});
});

describe('renders', () => {
	test('render master for a receiver in the body: the render result, personalised', async () => {
		const notification = await createNotification();
		const contact = newContact();
		const rendered = await call('POST', `/notifications/${notification.id}/render`, { body: { receiver: { id: contact.id } } });
		expect(rendered.status).toBe(200);
		expect(rendered.json).toEqual({
			type: 'success',
			meta: {
				notification: notification.id,
				version: notification.versions[0].id,
				application: SEEDED_APPLICATION_ID,
				subscription: null,
				stamp: { time: expect.any(Number), id: expect.stringMatching(UUID), thread: expect.stringMatching(UUID) },
			},
			channel: 'push',
			redirection: 'https://example.com/push',
			render: { title: `Hi ${contact.fields[fieldId('FirstName')]}`, body: 'News', icon: '', thumbnail: '', image: '' },
		});
		expect(simulator().state.deliveries.forNotification(notification.id)).toEqual([]);
	});

	test('the contact by id (path), ?unicity= or ?hash= on the same path, each routed to its own operation', async () => {
		const notification = await createNotification();
		const contact = newContact();
		const base = `/notifications/${notification.id}/render/contact`;
		const byId = await call('GET', `${base}/${contact.id}`);
		expect(byId.status).toBe(200);
		expect(lastOperation()).toBe('notification.renderMasterForContactId');
		const byUnicity = await call('GET', `${base}?unicity=${encodeURIComponent(contact.unicity)}`);
		expect(lastOperation()).toBe('notification.renderMasterForContactUnicity');
		const byHash = await call('GET', `${base}?hash=${contact.hash}`);
		expect(lastOperation()).toBe('notification.renderMasterForContactHash');
		for (const response of [byUnicity, byHash]) expect(response.json.render).toEqual(byId.json.render);
		expect((await call('GET', `${base}?hash=${'0'.repeat(32)}`)).status).toBe(404);
		expect((await call('GET', `${base}?unicity=nobody%40example.com`)).status).toBe(404);
		expect((await call('GET', `${base}/NOPE0000`)).status).toBe(404);
	});

	test('a given version renders its own content, by body receiver, id, unicity or hash; 404 for an unknown version', async () => {
		const notification = await createNotification({
			versions: [
				{ name: 'master', master: true, title: 'Master' },
				{ name: 'b', title: 'Version B for {{FirstName}}' },
			],
		});
		const version = notification.versions[1].id;
		const contact = newContact();
		const base = `/notifications/${notification.id}/versions/${version}/render`;
		const expected = `Version B for ${contact.fields[fieldId('FirstName')]}`;
		const responses = [
			[await call('POST', base, { body: { receiver: { unicity: contact.unicity } } }), 'notification.renderVersion'],
			[await call('GET', `${base}/contact/${contact.id}`), 'notification.renderVersionForContactId'],
			[await call('GET', `${base}/contact?unicity=${encodeURIComponent(contact.unicity)}`), 'notification.renderVersionForContactUnicity'],
			[await call('GET', `${base}/contact?hash=${contact.hash}`), 'notification.renderVersionForContactHash'],
		] as const;
		const operations = simulator().server.log.entries.slice(-4).map((e) => e.operation);
		expect(operations).toEqual(responses.map(([, operation]) => operation));
		for (const [response] of responses) {
			expect(response.status).toBe(200);
			expect(response.json.meta.version).toBe(version);
			expect(response.json.render.title).toBe(expected);
		}
		expect((await call('GET', `/notifications/${notification.id}/versions/${randomUUID()}/render/contact/${contact.id}`)).status).toBe(404);
		expect((await call('POST', `/notifications/999999/versions/${version}/render`, { body: { receiver: { id: contact.id } } })).status).toBe(404);
	});

	test('meta.subscription names the contact\'s subscription to the application; a receiver is required', async () => {
		const notification = await createNotification();
		const contact = newContact();
		const subscription = simulator().state.subscriptions.upsert({
			id: randomUUID(),
			application: SEEDED_APPLICATION_ID,
			provider: { type: 'firebase', token: 't' },
			contactId: contact.id,
		});
		const rendered = await call('POST', `/notifications/${notification.id}/render`, { body: { receiver: { type: 'contact', value: { hash: contact.hash } } } });
		expect(rendered.json.meta.subscription).toBe(subscription.id);
		expect((await call('POST', `/notifications/${notification.id}/render`, { body: {} })).status).toBe(400);
		expect((await call('POST', `/notifications/${notification.id}/render`, { body: { receiver: { id: 'NOPE0000' } } })).status).toBe(404);
	});
});

describe('executions', () => {
	test('execute sends one push: a delivery with channel "push" and notification events', async () => {
		const notification = await createNotification();
		const contact = newContact();
		const before = simulator().state.deliveries.all.length;
		const sent = await call('POST', `/notifications/${notification.id}/execution`, {
			body: { recipient: asContact(contact), title: 'Override', data: { code: 'SALE' }, redirection: { type: 'url' }, urgent: true },
		});
		expect(sent.status).toBe(200);
		expect(sent.json).toEqual({
			type: 'success',
			id: expect.stringMatching(UUID),
			recipient: { type: 'footprint', id: contact.id, unicity: contact.unicity, hash: contact.hash },
		});
		expect(simulator().state.deliveries.all).toHaveLength(before + 1);
		expect(simulator().state.deliveries.get(sent.json.id)).toMatchObject({
			channel: 'push',
			notificationId: notification.id,
			versionId: notification.versions[0].id,
			contactId: contact.id,
			overrides: { title: 'Override', redirection: { type: 'url' }, urgent: true },
			data: { code: 'SALE' },
			rendered: { title: 'Override', body: 'News', redirection: 'https://example.com/push' },
		});
		const events = simulator().state.events.query({ messageId: sent.json.id });
		expect(events.map((e) => [e.type, e.source.type])).toEqual([
			['execution', 'notification'],
			['activation', 'notification'],
		]);
		expect(events[1].source.detail.activation).toEqual({
			id: notification.id,
			version: notification.versions[0].id,
			kind: 'application',
			receiver: { type: 'contact', value: { id: contact.id, unicity: contact.unicity, hash: contact.hash } },
			stamp: expect.objectContaining({ id: sent.json.id }),
		});
		expect(simulator().state.events.query({ notificationId: notification.id, contactId: contact.id })).toEqual(events);
	});

	test('executeMany: one result per recipient, an error entry for an unknown contact, one delivery per known one', async () => {
		const notification = await createNotification();
		const [a, b] = [newContact(), newContact()];
		const nobody = { type: 'contact', value: { unicity: 'nobody@example.com' } };
		const sent = await call('POST', `/notifications/${notification.id}/executions`, {
			body: [{ recipient: asContact(a) }, { recipient: nobody }, { recipient: { type: 'contact', value: { unicity: b.unicity } } }],
		});
		expect(sent.status).toBe(200);
		expect(sent.json.map((r: { type: string }) => r.type).sort()).toEqual(['error', 'success', 'success']);
		expect(sent.json).toContainEqual({ type: 'error', value: { type: 'recipient not found', recipient: nobody } });
		expect(simulator().state.deliveries.forNotification(notification.id).map((d) => d.contactId).sort()).toEqual([a.id, b.id].sort());
	});

	test('400 for a malformed body, 404 for an unknown notification, 409 for an inactive one', async () => {
		const notification = await createNotification();
		const contact = newContact();
		const execute = (id: number, body: unknown) => call('POST', `/notifications/${id}/execution`, { body });
		for (const body of [{}, { recipient: 'x' }, { recipient: asContact(contact), title: 5 }, [{ recipient: asContact(contact) }]]) {
			expect((await execute(notification.id, body)).status).toBe(400);
		}
		expect((await call('POST', `/notifications/${notification.id}/executions`, { body: [] })).status).toBe(400);
		expect((await execute(999999, { recipient: asContact(contact) })).status).toBe(404);
		await call('PUT', `/notifications/${notification.id}`, { body: { type: 'push-app', name: 'offline', active: false } });
		const refused = await execute(notification.id, { recipient: asContact(contact) });
		expect(refused.status).toBe(409);
		expect(refused.text).toBe('');
		expect(simulator().state.deliveries.forNotification(notification.id)).toEqual([]);
	});
});
