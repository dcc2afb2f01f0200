/** The /targets operations beyond create/read/update/delete: upsert by unicity, bulk delete, redlists, segments. */
import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();
const call = httpClient(simulator);
const fieldId = (name: string) => String(simulator().state.fields.byName(name)!.id);

let counter = 0;
async function newContact(fields: Record<string, string> = {}) {
	const created = await call('POST', '/targets', { body: { Email: `contact.${++counter}@example.com`, ...fields } });
	expect(created.status).toBe(200);
	return created.json as { id: string; hash: string; fields: Record<string, string> };
}

async function newSegment(body: Record<string, unknown>) {
	const created = await call('POST', '/segments', { body: { name: `segment ${++counter}`, ...body } });
	expect(created.status).toBe(200);
	return created.json as { id: number };
}

describe('PUT /targets?unicity= (upsert by unicity)', () => {
	test('creates the contact the unicity names, from a body keyed by field id', async () => {
		const created = await call('PUT', '/targets?unicity=upsert.me%40example.com', { body: { [fieldId('City')]: 'Lyon' } });
		expect(created.status).toBe(200);
		expect(created.json.fields).toEqual({ [fieldId('Email')]: 'upsert.me@example.com', [fieldId('City')]: 'Lyon' });
	});

	test('updates the existing contact and keeps its id', async () => {
		const existing = await newContact({ City: 'Paris' });
		const email = existing.fields[fieldId('Email')];
		const updated = await call('PUT', `/targets?unicity=${encodeURIComponent(email)}`, { body: { [fieldId('City')]: 'Nantes' } });
		expect(updated.status).toBe(200);
		expect(updated.json).toMatchObject({ id: existing.id, fields: { [fieldId('City')]: 'Nantes' } });
	});

	test('400 for a body keyed by field name, 404 for an invalid value', async () => {
		expect((await call('PUT', '/targets?unicity=x%40example.com', { body: { City: 'Lyon' } })).status).toBe(400);
		expect((await call('PUT', '/targets?unicity=x%40example.com', { body: { [fieldId('LoyaltyPoints')]: 'lots' } })).status).toBe(404);
	});
});

describe('DELETE /targets (bulk)', () => {
	test('by id: 204, the contacts are gone; 404 when none exists', async () => {
		const [a, b] = [await newContact(), await newContact()];
		const deleted = await call('DELETE', '/targets', { body: { type: 'id', value: [a.id, b.id, 'NOPE0000'] } });
		expect(deleted.status).toBe(204);
		expect(simulator().state.contacts.find({ id: a.id })).toBeUndefined();
		expect(simulator().state.contacts.find({ id: b.id })).toBeUndefined();
		expect((await call('DELETE', '/targets', { body: { type: 'id', value: [a.id] } })).status).toBe(404);
	});

	test('by unicity, as tuples or plain strings; the older Accept header lists what was deleted', async () => {
		const [a, b] = [await newContact(), await newContact()];
		const [emailA, emailB] = [a.fields[fieldId('Email')], b.fields[fieldId('Email')]];
		const deleted = await call('DELETE', '/targets', {
			body: { type: 'unicity', value: [[emailA], emailB] },
			headers: { accept: 'application/vnd.np6.cm.v1' },
		});
		expect(deleted.status).toBe(200);
		expect(deleted.json).toEqual([
			{ id: a.id, unicity: [emailA] },
			{ id: b.id, unicity: [emailB] },
		]);
	});

	test('by segment: deletes its members, who leave every segment', async () => {
		const [a, b, outsider] = [await newContact(), await newContact(), await newContact()];
		const doomed = await newSegment({ type: 'static' });
		const other = await newSegment({ type: 'static' });
		await call('PUT', `/segments/${doomed.id}/targets`, { body: [a.id, b.id] });
		await call('PUT', `/segments/${other.id}/targets`, { body: [a.id, outsider.id] });
		expect((await call('DELETE', '/targets', { body: { type: 'segment', value: doomed.id } })).status).toBe(204);
		expect((await call('GET', `/targets/${a.id}`)).status).toBe(404);
		expect((await call('GET', `/segments/${other.id}/targets`)).json).toEqual([outsider.id]);
		expect((await call('DELETE', '/targets', { body: { type: 'segment', value: 999999 } })).status).toBe(404);
	});

	test('400 for an unknown type or a malformed value', async () => {
		for (const body of [{ type: 'email', value: ['x'] }, { type: 'id', value: 'x' }, { type: 'id', value: [] }, { type: 'segment', value: 'abc' }]) {
			expect((await call('DELETE', '/targets', { body })).status).toBe(400);
		}
	});
});

test('GET /targets/count answers {targetsCount}', async () => {
	await newContact();
	const count = await call('GET', '/targets/count');
	expect(count.json).toEqual({ targetsCount: simulator().state.contacts.byId.size });
});

describe('redlists', () => {
	test('redlisting answers 204; the lists filter on the half-open window [startDate, endDate)', async () => {
		const [early, late, smsOnly] = [await newContact(), await newContact(), await newContact()];
		const redlist = (id: string, medium: string, body: unknown) => call('POST', `/targets/${id}/redlist/${medium}`, { body });
		expect((await redlist(early.id, 'mail', { timestamp: '2026-03-01T10:00:00Z', origin: 3, detail: { formId: '0000GH' } })).status).toBe(204);
		expect((await redlist(late.id, 'mail', { timestamp: '2026-03-02T10:00:00Z' })).status).toBe(204);
		expect((await redlist(smsOnly.id, 'sms', { timestamp: '2026-03-01T12:00:00Z', origin: 6 })).status).toBe(204);

		const all = await call('GET', '/targets/redlist/mail');
		expect(all.json).toEqual(
			expect.arrayContaining([
				{ id: early.id, timestamp: '2026-03-01T10:00:00.000Z', origin: 3, detail: { formId: '0000GH' } },
				{ id: late.id, timestamp: '2026-03-02T10:00:00.000Z', origin: 1, detail: {} },
			]),
		);
		expect(all.json.map((e: { id: string }) => e.id)).not.toContain(smsOnly.id);
		const window = await call('GET', '/targets/redlist/mail?startDate=2026-03-01T10:00:00Z&endDate=2026-03-02T10:00:00Z');
		expect(window.json.map((e: { id: string }) => e.id)).toEqual([early.id]);
		const sms = await call('GET', '/targets/redlist/sms?startDate=2026-03-01T00:00:00Z');
		expect(sms.json).toEqual([{ id: smsOnly.id, timestamp: '2026-03-01T12:00:00.000Z', origin: 6, detail: {} }]);
	});

	test('a body may be left out: now, origin 1 (API)', async () => {
		const contact = await newContact();
		const before = Date.now();
		expect((await call('POST', `/targets/${contact.id}/redlist/sms`, { body: '', headers: { 'content-type': 'application/json' } })).status).toBe(204);
		const [entry] = (await call('GET', `/targets/redlist/sms?startDate=${new Date(before - 1000).toISOString()}`)).json.filter(
			(e: { id: string }) => e.id === contact.id,
		);
		expect(entry).toMatchObject({ origin: 1, detail: {} });
	});

	test('404 for an unknown contact, 400 for a bad origin or window', async () => {
		const contact = await newContact();
		expect((await call('POST', '/targets/NOPE0000/redlist/mail', { body: {} })).status).toBe(404);
		expect((await call('POST', `/targets/${contact.id}/redlist/mail`, { body: { origin: 12 } })).status).toBe(400);
		expect((await call('GET', '/targets/redlist/mail?startDate=yesterday')).status).toBe(400);
	});
});

describe('a contact and its segments', () => {
	test('add (204, then 409), list, remove (204, then 404)', async () => {
		const contact = await newContact();
		const segment = await newSegment({ type: 'static' });
		const path = `/targets/${contact.id}/segments/${segment.id}`;
		expect((await call('POST', path)).status).toBe(204);
		expect((await call('POST', path)).status).toBe(409);
		const listed = await call('GET', `/targets/${contact.id}/segments`);
		expect(listed.json).toEqual([expect.objectContaining({ id: segment.id, type: 'static', targetsCount: 1 })]);
		expect((await call('DELETE', path)).status).toBe(204);
		expect((await call('DELETE', path)).status).toBe(404);
		expect((await call('GET', `/targets/${contact.id}/segments`)).json).toEqual([]);
	});

	test('404 for an unknown contact or segment; 409 for a dynamic segment', async () => {
		const contact = await newContact({ City: 'Lyon' });
		const segment = await newSegment({ type: 'static' });
		expect((await call('POST', `/targets/NOPE0000/segments/${segment.id}`)).status).toBe(404);
		expect((await call('POST', `/targets/${contact.id}/segments/999999`)).status).toBe(404);
		expect((await call('GET', '/targets/NOPE0000/segments')).status).toBe(404);
		const lyon = simulator().state.segments.byName('Lyon')!;
		expect((await call('POST', `/targets/${contact.id}/segments/${lyon.id}`)).status).toBe(409);
		expect((await call('DELETE', `/targets/${contact.id}/segments/${lyon.id}`)).status).toBe(409);
		// It is a member of the dynamic segment by its city.
		const listed = await call('GET', `/targets/${contact.id}/segments`);
		expect(listed.json.map((s: { name: string }) => s.name)).toEqual(['Lyon']);
	});

	test('deleting a contact removes it from its segments', async () => {
		const contact = await newContact();
		const segment = await newSegment({ type: 'static' });
		await call('POST', `/targets/${contact.id}/segments/${segment.id}`);
		await call('DELETE', `/targets/${contact.id}`);
		expect((await call('GET', `/segments/${segment.id}`)).json.targetsCount).toBe(0);
	});
});
