/** `POST /campaigns` (catalogue section campaignmanagement), and the campaign it creates answering its events query. */
import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();
const call = httpClient(simulator);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('create: the campaign schema back, with a server uuid and dates; the client may give the uuid', async () => {
	const body = {
		name: 'Spring',
		description: 'Spring launch',
		startDate: '2026-03-01T08:00:00Z',
		endDate: '2026-03-31T20:00:00.000Z',
		creationDate: '2001-01-01T00:00:00Z',
		items: [{ type: 'email', id: '000A01' }],
	};
	const created = await call('POST', '/campaigns', { body });
	expect(created.status).toBe(200);
	expect(created.json).toEqual({
		id: expect.stringMatching(UUID),
		name: 'Spring',
		description: 'Spring launch',
		startDate: '2026-03-01T08:00:00Z',
		endDate: '2026-03-31T20:00:00Z',
		creationDate: expect.not.stringMatching(/^2001/),
		updateDate: expect.any(String),
		items: [{ type: 'email', id: '000A01' }],
	});
	const chosen = '6a1c0b9e-3f4d-4c2e-9a8b-7d6e5f4a3b2c';
	expect((await call('POST', '/campaigns', { body: { name: 'Chosen id', id: chosen } })).json).toMatchObject({ id: chosen, description: null, startDate: null, items: [] });
	expect((await call('POST', '/campaigns', { body: { name: 'Same id', id: chosen } })).status).toBe(409);
});

test('the created campaign answers the events query for its actions only', async () => {
	const created = (await call('POST', '/campaigns', { body: { name: 'Queried', items: [{ type: 'email', id: '000A01' }] } })).json;
	const query = (items: string[]) => call('POST', `/campaigns/${created.id}/events`, { body: { itemsEvents: [{ type: 'email', events: [{ type: 'hit' }], items }] } });
	expect((await query(['000A01'])).status).toBe(200);
	expect((await query(['000A02'])).status).toBe(404);
});

test('404 for an action the account does not have; 400 for any other shape than the schema', async () => {
	expect((await call('POST', '/campaigns', { body: { name: 'Ghost', items: [{ type: 'email', id: '000ZZZ' }] } })).status).toBe(404);
	const bodies: unknown[] = [
		undefined,
		{},
		{ name: '' },
		{ name: 7 },
		{ name: 'X', id: 'not-a-uuid' },
		{ name: 'X', description: 3 },
		{ name: 'X', startDate: 'someday' },
		{ name: 'X', endDate: 1 },
		{ name: 'X', items: {} },
		{ name: 'X', items: [{ id: '000A01' }] },
		{ name: 'X', items: [{ type: 'sms', id: '000A01' }] },
		{ name: 'X', items: [{ type: 'email', id: '' }] },
		{ name: 'X', items: [{ type: 'email', id: 1.5 }] },
	];
	for (const body of bodies) {
		const answer = await call('POST', '/campaigns', { body: body === undefined ? '' : body });
		expect([body, answer.status, answer.text]).toEqual([body, 400, '']);
	}
});
