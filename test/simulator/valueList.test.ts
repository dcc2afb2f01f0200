/** Value lists (Enumeration section): the values of select fields, case-insensitive. */
import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();
const call = httpClient(simulator);

test('list and get: the seeded "Languages" list, indexed from 1', async () => {
	const list = await call('GET', '/valueLists');
	const languages = list.json.find((l: { name: string }) => l.name === 'Languages');
	expect(languages).toEqual({
		id: expect.any(Number),
		name: 'Languages',
		ordered: false,
		values: [
			{ index: 1, value: 'English' },
			{ index: 2, value: 'French' },
			{ index: 3, value: 'German' },
			{ index: 4, value: 'Spanish' },
		],
	});
	expect((await call('GET', `/valueLists/${languages.id}`)).json).toEqual(languages);
	expect((await call('GET', '/valueLists/99999')).status).toBe(404);
});

test('create: values with or without index; 400 without a name; 409 for a taken name', async () => {
	const created = await call('POST', '/valueLists', {
		body: { name: 'Civility', ordered: false, values: [{ index: 1, value: 'Mr' }, { index: 2, value: 'Mme' }, { value: 'Mx' }] },
	});
	expect(created.status).toBe(200);
	expect(created.json.values).toEqual([
		{ index: 1, value: 'Mr' },
		{ index: 2, value: 'Mme' },
		{ index: 3, value: 'Mx' },
	]);
	expect((await call('GET', `/valueLists/${created.json.id}`)).json).toEqual(created.json);
	expect((await call('POST', '/valueLists', { body: { values: [{ value: 'A' }] } })).status).toBe(400);
	expect((await call('POST', '/valueLists', { body: { name: 'Twice', values: [{ value: 'A' }, { value: 'a' }] } })).status).toBe(400);
	expect((await call('POST', '/valueLists', { body: { name: 'Civility' } })).status).toBe(409);
});

test('an ordered list shows its values alphabetically', async () => {
	const created = await call('POST', '/valueLists', { body: { name: 'Fruits', ordered: true, values: [{ value: 'Pear' }, { value: 'Apple' }] } });
	expect(created.json.values).toEqual([
		{ index: 2, value: 'Apple' },
		{ index: 1, value: 'Pear' },
	]);
});

test('update: partial, values replaced; 404 for an unknown list', async () => {
	const created = await call('POST', '/valueLists', { body: { name: 'Sizes', values: [{ value: 'S' }, { value: 'M' }] } });
	const renamed = await call('PUT', `/valueLists/${created.json.id}`, { body: { name: 'Shirt sizes' } });
	expect(renamed.json).toMatchObject({ name: 'Shirt sizes', values: created.json.values });
	const updated = await call('PUT', `/valueLists/${created.json.id}`, { body: { values: [{ index: 1, value: 'S' }, { value: 'L' }] } });
	expect(updated.json.values).toEqual([
		{ index: 1, value: 'S' },
		{ index: 2, value: 'L' },
	]);
	expect((await call('PUT', '/valueLists/99999', { body: { name: 'Nothing' } })).status).toBe(404);
});

test('contact values match list values case-insensitively (or by index)', async () => {
	expect((await call('POST', '/targets', { body: { Email: 'lang.1@example.com', Language: 'french' } })).status).toBe(200);
	expect((await call('POST', '/targets', { body: { Email: 'lang.2@example.com', Language: 'GERMAN' } })).status).toBe(200);
	expect((await call('POST', '/targets', { body: { Email: 'lang.3@example.com', Language: '4' } })).status).toBe(200);
	expect((await call('POST', '/targets', { body: { Email: 'lang.4@example.com', Language: 'Klingon' } })).status).toBe(404);
});
