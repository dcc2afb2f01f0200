/** Marketing pressure (catalogue section marketing-pressure): topics, rules and the mandatory topic option. */
import { SEEDED_TOPIC_IDS } from '../../simulator/seedParameters';
import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();
const call = httpClient(simulator);

test("topics and rules: the seeded ones, in the catalogue's shape", async () => {
	const topics = await call('GET', '/marketing/pressure/topics');
	expect(topics.status).toBe(200);
	expect(topics.json.map((t: { id: string }) => t.id).sort()).toEqual(Object.values(SEEDED_TOPIC_IDS).sort());
	expect(topics.json.find((t: { id: string }) => t.id === SEEDED_TOPIC_IDS.blackFriday)).toEqual({
		id: SEEDED_TOPIC_IDS.blackFriday,
		label: 'Black friday',
		description: 'Black friday',
		stamp: { creation: expect.any(String), modification: expect.any(String) },
		createdBy: 'Connected user',
		modifiedBy: 'Connected user',
	});
	const rules = await call('GET', '/marketing/pressure/rules');
	expect(rules.json).toEqual([expect.objectContaining({ label: 'At most 3 promotions a week', predicate: { type: 'and', expressions: [] } })]);
});

test('the mandatory topic option: a bare boolean, off at first, set by PUT (which answers the stored value)', async () => {
	expect((await call('GET', '/settings/marketing/pressure/topic')).text).toBe('false');
	const set = await call('PUT', '/settings/marketing/pressure/topic', { body: true });
	expect([set.status, set.text]).toEqual([200, 'true']);
	expect((await call('GET', '/settings/marketing/pressure/topic')).json).toBe(true);
	expect((await call('PUT', '/settings/marketing/pressure/topic', { body: false })).json).toBe(false);
});

test('the option takes only true or false: 400 otherwise, and the value stays', async () => {
	await call('PUT', '/settings/marketing/pressure/topic', { body: true });
	for (const body of ['', '{}', '"true"', '1', 'null', '[true]']) {
		const answer = await call('PUT', '/settings/marketing/pressure/topic', { body, headers: { 'content-type': 'application/json' } });
		expect([body, answer.status]).toEqual([body, 400]);
	}
	expect((await call('GET', '/settings/marketing/pressure/topic')).json).toBe(true);
	expect((await call('PUT', '/settings/marketing/pressure/topic', { body: 'true', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
});
