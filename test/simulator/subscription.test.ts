/** Push subscriptions: upserted by id, bound to a contact named by footprint, id, unicity or hash. */
import { randomUUID } from 'node:crypto';

import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();
const call = httpClient(simulator);
const APPLICATION = '56c874e9-2f8e-4b60-ab4b-6410c3238352';

let counter = 0;
function newContact() {
	const email = simulator().state.fields.byName('Email')!.id;
	const written = simulator().state.contacts.create({ [email]: `subscriber.${++counter}@example.com` });
	if (!written.ok) throw new Error(`contact not created: ${written.status}`);
	return written.contact;
}

const subscribe = (contact: unknown, extra: Record<string, unknown> = {}) =>
	call('PUT', '/subscriptions', {
		body: { id: randomUUID(), application: APPLICATION, provider: { type: 'firebase', token: `token-${++counter}` }, contact, ...extra },
	});

test('upsert creates, answers the contact as a footprint, and updates by id keeping the creation date', async () => {
	const contact = newContact();
	const id = randomUUID();
	const created = await subscribe({ type: 'footprint', id: contact.id, unicity: contact.unicity, hash: contact.hash }, { id });
	expect(created.status).toBe(200);
	expect(created.json).toEqual({
		id,
		lifecycle: { creation: { date: expect.any(String), user: null }, modification: { date: expect.any(String), user: null } },
		application: APPLICATION,
		provider: { type: 'firebase', token: expect.any(String) },
		contact: { type: 'footprint', id: contact.id, unicity: contact.unicity, hash: contact.hash },
	});
	await new Promise((resolve) => setTimeout(resolve, 5));
	const updated = await subscribe({ type: 'hash', value: contact.hash }, { id, provider: { type: 'firebase', token: 'renewed' } });
	expect(updated.json.provider.token).toBe('renewed');
	expect(updated.json.lifecycle.creation.date).toBe(created.json.lifecycle.creation.date);
	expect(updated.json.lifecycle.modification.date > created.json.lifecycle.modification.date).toBe(true);
	expect((await call('GET', `/subscriptions/${id}`)).json).toEqual(updated.json);
});

test('upsert names the contact in every way and generates an id when none is sent', async () => {
	const contact = newContact();
	for (const reference of [
		{ type: 'id', value: contact.id },
		{ type: 'unicity', value: contact.unicity },
		{ type: 'unicity', value: [contact.unicity] },
		{ type: 'hash', value: contact.hash },
		{ type: 'footprint', unicity: contact.unicity },
	]) {
		const answer = await subscribe(reference, { id: undefined });
		expect(answer.status).toBe(200);
		expect(answer.json.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(answer.json.contact.id).toBe(contact.id);
	}
});

test('upsert: 404 for an unknown contact, 400 for a malformed body', async () => {
	expect((await subscribe({ type: 'id', value: 'NOPE0000' })).status).toBe(404);
	expect((await subscribe({ type: 'email', value: 'x' })).status).toBe(400);
	const contact = { type: 'id', value: newContact().id };
	expect((await subscribe(contact, { application: 'not-a-uuid' })).status).toBe(400);
	expect((await subscribe(contact, { provider: { type: 'firebase' } })).status).toBe(400);
	expect((await subscribe(contact, { id: 'not-a-uuid' })).status).toBe(400);
});

test('get and delete: 204, then 404', async () => {
	const created = await subscribe({ type: 'id', value: newContact().id });
	const path = `/subscriptions/${created.json.id}`;
	expect((await call('DELETE', path)).status).toBe(204);
	expect((await call('GET', path)).status).toBe(404);
	expect((await call('DELETE', path)).status).toBe(404);
});

describe('per contact', () => {
	test('listed by id, by ?unicity= and by ?hash= (same path, routed on the query key)', async () => {
		const [contact, other] = [newContact(), newContact()];
		const mine = [await subscribe({ type: 'id', value: contact.id }), await subscribe({ type: 'id', value: contact.id })].map((a) => a.json.id);
		await subscribe({ type: 'id', value: other.id });
		const ids = (answer: { json: Array<{ id: string }> }) => answer.json.map((s) => s.id).sort();

		simulator().server.log.clear();
		expect(ids(await call('GET', `/targets/${contact.id}/subscriptions`))).toEqual(mine.sort());
		expect(ids(await call('GET', `/targets/subscriptions?unicity=${encodeURIComponent(contact.unicity)}`))).toEqual(mine);
		expect(ids(await call('GET', `/targets/subscriptions?hash=${contact.hash}`))).toEqual(mine);
		expect(simulator().server.log.entries.map((e) => e.operation)).toEqual([
			'subscription.listForContactId',
			'subscription.listForContactUnicity',
			'subscription.listForContactHash',
		]);
	});

	test('a contact without subscriptions lists none; an unknown contact is 404', async () => {
		expect((await call('GET', `/targets/${newContact().id}/subscriptions`)).json).toEqual([]);
		expect((await call('GET', '/targets/NOPE0000/subscriptions')).status).toBe(404);
		expect((await call('GET', '/targets/subscriptions?unicity=nobody%40example.com')).status).toBe(404);
		expect((await call('GET', `/targets/subscriptions?hash=${'0'.repeat(32)}`)).status).toBe(404);
	});

	test('deleted by id, by ?unicity= and by ?hash=', async () => {
		const contacts = [newContact(), newContact(), newContact()];
		for (const contact of contacts) await subscribe({ type: 'id', value: contact.id });
		simulator().server.log.clear();
		expect((await call('DELETE', `/targets/${contacts[0].id}/subscriptions`)).status).toBe(204);
		expect((await call('DELETE', `/targets/subscriptions?unicity=${encodeURIComponent(contacts[1].unicity)}`)).status).toBe(204);
		expect((await call('DELETE', `/targets/subscriptions?hash=${contacts[2].hash}`)).status).toBe(204);
		expect(simulator().server.log.entries.map((e) => e.operation)).toEqual([
			'subscription.deleteForContactId',
			'subscription.deleteForContactUnicity',
			'subscription.deleteForContactHash',
		]);
		for (const contact of contacts) expect((await call('GET', `/targets/${contact.id}/subscriptions`)).json).toEqual([]);
		expect((await call('DELETE', '/targets/subscriptions?hash=ffffffffffffffffffffffffffffffff')).status).toBe(404);
	});

	test('deleting a contact deletes its subscriptions', async () => {
		const contact = newContact();
		const created = await subscribe({ type: 'id', value: contact.id });
		await call('DELETE', `/targets/${contact.id}`);
		expect((await call('GET', `/subscriptions/${created.json.id}`)).status).toBe(404);
	});
});
