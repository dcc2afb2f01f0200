/**
 * Acceptance: `npm run simulator` with its rate limiter at 5 requests/s; 50 upserts through the
 * NP6 Contact node all succeed, none is lost, each contact is created once, and the node paces itself
 * so that NP6 (almost) never refuses a request; the simulator's request log shows it.
 */
import { request } from 'undici';

import { startCliSimulator, type CliSimulator } from '../harness/cliSimulator';
import { runNode } from '../harness/engine';

let simulator: CliSimulator;
beforeAll(async () => {
	simulator = await startCliSimulator(['--port', '0', '--rate-limit', '5', '--seed', 'fields']);
});
afterAll(async () => simulator?.stop());

interface Logged {
	operation?: string;
	status?: number;
	handled: boolean;
	body?: { Email?: string };
}

test('50 upserts at 5 requests/s: all succeed, none lost', async () => {
	const people = Array.from({ length: 50 }, (_, i) => ({ email: `rate.${i}@example.com`, city: i % 2 ? 'Lyon' : 'Paris' }));
	const started = Date.now();
	const result = await runNode(
		simulator,
		{
			type: 'np6Contact',
			parameters: {
				resource: 'contact',
				operation: 'upsert',
				fields: { mappingMode: 'defineBelow', value: { Email: '={{ $json.email }}', City: '={{ $json.city }}' } },
			},
		},
		people,
	);
	const seconds = (Date.now() - started) / 1000;

	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(50);
	expect(result.items.map((i) => i.pairedItem)).toEqual(people.map((_, item) => ({ item })));
	result.items.forEach((item) => expect(item.json.id).toMatch(/^[0-9A-Z]{8}$/));

	const log = (await (await request(`${simulator.url}/_simulator/requests`)).body.json()) as Logged[];
	const creates = log.filter((e) => e.operation === 'target.create' && e.handled);
	const refused = log.filter((e) => e.status === 429).length;
	expect(creates.map((e) => e.body?.Email).sort()).toEqual(people.map((p) => p.email).sort());
	expect(creates.every((e) => e.status === 200)).toBe(true);
	// Paced to the advertised limit from the first answer on: NP6 hardly ever has to refuse anything.
	expect(refused).toBeLessThanOrEqual(2);
	// One create per new contact, plus the field list and the first item's lookup.
	expect(log.filter((e) => e.status !== 429)).toHaveLength(52);

	await request(`${simulator.url}/_simulator/rate-limit`, { method: 'PUT', body: 'null' });
	const all = (await (await request(`${simulator.url}/targets`, { headers: { 'X-Key': simulator.apiKey } })).body.json()) as unknown[];
	expect(all).toHaveLength(50);

	console.log(
		`rate limit 5 req/s: 50 upserts in ${seconds.toFixed(1)} s, ${log.length} requests logged, ` +
			`${creates.length} contacts created, ${refused} answered 429, 0 lost`,
	);
});
