/** Mobile applications (catalogue section notifiable-application) under /parameters/applications. */
import { SEEDED_APPLICATION_ID } from '../../simulator/seed';
import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();
const call = httpClient(simulator);

/** The catalogue's create example: id and stamp null, a firebase and an apns provider, a route and a channel. */
const example = {
	type: 'native',
	id: null,
	name: 'another mobile app',
	description: 'An application that handles push notifications using firebase and apns',
	active: false,
	stamp: null,
	icon: null,
	providers: [
		{ type: 'firebase', key: '...', sender: 'np6.push' },
		{ type: 'apns', certificate: { type: 'p12', value: '...', password: '...', expiration: '2025-12-31T23:59:59.999Z' }, bundle: 'com.np6.push' },
	],
	routes: [{ name: 'home', value: { type: 'literal', value: 'app://homepage' }, default: true }],
	channels: [{ name: 'marketing', value: { type: 'literal', value: 'marketing' }, default: true }],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test("create: the catalogue's example, with a server-assigned uuid and stamp; get and list then show it", async () => {
	const created = await call('POST', '/parameters/applications', { body: example });
	expect(created.status).toBe(200);
	const { id: _id, stamp: _stamp, ...written } = example;
	expect(created.json).toEqual({ ...written, id: expect.stringMatching(UUID), stamp: { creation: expect.any(String), modification: expect.any(String) } });
	expect((await call('GET', `/parameters/applications/${created.json.id}`)).json).toEqual(created.json);
	const listed = (await call('GET', '/parameters/applications')).json as Array<{ id: string }>;
	expect(listed.map((a) => a.id).sort()).toEqual([SEEDED_APPLICATION_ID, created.json.id].sort());
});

test('create: absent optional fields take their defaults; an http provider needs its url', async () => {
	const created = await call('POST', '/parameters/applications', { body: { type: 'native', name: 'Minimal', providers: [{ type: 'http', url: 'https://push.example.com' }] } });
	expect(created.json).toMatchObject({ name: 'Minimal', description: null, active: false, icon: null, routes: null, channels: null, providers: [{ type: 'http', url: 'https://push.example.com' }] });
});

test('400 for any body the documented schema does not describe', async () => {
	const bodies: unknown[] = [
		undefined,
		[],
		{ ...example, type: 'web' },
		{ ...example, type: undefined },
		{ ...example, name: '' },
		{ ...example, name: 42 },
		{ ...example, active: 'yes' },
		{ ...example, providers: {} },
		{ ...example, providers: [{ type: 'sms' }] },
		{ ...example, providers: [{ type: 'firebase', key: '...' }] },
		{ ...example, providers: [{ type: 'apns', certificate: { type: 'pem', value: '.', password: '.', expiration: '2025-12-31T23:59:59Z' }, bundle: 'b' }] },
		{ ...example, providers: [{ type: 'apns', certificate: { type: 'p12', value: '.', password: '.', expiration: 'soon' }, bundle: 'b' }] },
		{ ...example, providers: [{ type: 'http', url: '' }] },
		{ ...example, routes: [{ name: 'home', value: { type: 'expression', value: 'x' }, default: true }] },
		{ ...example, channels: [{ name: 'marketing', value: { type: 'literal', value: 'marketing' } }] },
		{ ...example, routes: 'home' },
	];
	for (const body of bodies) {
		const answer = await call('POST', '/parameters/applications', { body: body === undefined ? '' : body });
		expect([body, answer.status, answer.text]).toEqual([body, 400, '']);
	}
});

test('update (inferred PUT): a full replacement that keeps the id and creation date and moves the modification date', async () => {
	const created = (await call('POST', '/parameters/applications', { body: example })).json;
	await new Promise((resolve) => setTimeout(resolve, 5));
	const replaced = await call('PUT', `/parameters/applications/${created.id}`, { body: { type: 'native', name: 'Renamed', active: true } });
	expect(replaced.status).toBe(200);
	expect(replaced.json).toMatchObject({ id: created.id, name: 'Renamed', active: true, description: null, providers: [], routes: null, channels: null });
	expect(replaced.json.stamp.creation).toBe(created.stamp.creation);
	expect(Date.parse(replaced.json.stamp.modification)).toBeGreaterThan(Date.parse(created.stamp.modification));
	expect((await call('PUT', `/parameters/applications/${created.id}`, { body: { type: 'native' } })).status).toBe(400);
});

test('delete (inferred): 204, then the application is gone; unknown or malformed ids are 404', async () => {
	const created = (await call('POST', '/parameters/applications', { body: { type: 'native', name: 'Short-lived' } })).json;
	const deleted = await call('DELETE', `/parameters/applications/${created.id}`);
	expect([deleted.status, deleted.text]).toEqual([204, '']);
	for (const [method, body] of [['GET'], ['DELETE'], ['PUT', example]] as const) {
		expect([method, (await call(method, `/parameters/applications/${created.id}`, { body })).status]).toEqual([method, 404]);
	}
	expect((await call('GET', '/parameters/applications/not-a-uuid')).status).toBe(404);
});

test('the list comes in a seeded order that is not the creation order', async () => {
	const names = Array.from({ length: 6 }, (_, i) => `Ordered ${i}`);
	for (const name of names) await call('POST', '/parameters/applications', { body: { type: 'native', name } });
	const listed = ((await call('GET', '/parameters/applications')).json as Array<{ name: string }>).map((a) => a.name).filter((name) => names.includes(name));
	expect(listed.sort()).toEqual(names);
	const orders = new Set<string>();
	for (let i = 0; i < 4; i++) orders.add(JSON.stringify(((await call('GET', '/parameters/applications')).json as Array<{ name: string }>).map((a) => a.name)));
	expect(orders.size).toBeGreaterThan(1);
});
