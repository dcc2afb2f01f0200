import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();
const call = httpClient(simulator);

test('categories: list, create (409 on a duplicate name), get, update, delete', async () => {
	const seeded = (await call('GET', '/categories')).json as Array<{ name: string }>;
	expect(seeded.map((c) => c.name).sort()).toEqual(['Newsletters', 'Transactional']);
	const created = await call('POST', '/categories', { body: { name: 'New', description: 'Category for new campaign' } });
	expect(created.json).toMatchObject({ name: 'New', description: 'Category for new campaign', creationDate: expect.stringMatching(/Z$/) });
	expect((await call('POST', '/categories', { body: { name: 'New' } })).status).toBe(409);
	expect((await call('POST', '/categories', { body: { description: 'no name' } })).status).toBe(400);
	expect((await call('GET', `/categories/${created.json.id}`)).json.name).toBe('New');
	expect((await call('PUT', `/categories/${created.json.id}`, { body: { name: 'Transactional' } })).status).toBe(409);
	expect((await call('PUT', `/categories/${created.json.id}`, { body: { name: 'Updated' } })).json.name).toBe('Updated');
	expect((await call('DELETE', `/categories/${created.json.id}`)).status).toBe(204);
	expect((await call('GET', `/categories/${created.json.id}`)).status).toBe(404);
	expect((await call('PUT', '/categories/999999', { body: { name: 'X' } })).status).toBe(404);
});
