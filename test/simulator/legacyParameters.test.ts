/** The legacy sections "Groups" and "Common" (older public NP6 docs only). */
import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();
const call = httpClient(simulator);

test('groups: list, get, their platform users, delete; unknown or malformed ids are 404', async () => {
	const groups = (await call('GET', '/groups')).json as Array<{ id: number; name: string }>;
	expect(groups.map((g) => g.name).sort()).toEqual(['Administrators', 'Marketing team']);
	const team = groups.find((g) => g.name === 'Marketing team')!;
	expect((await call('GET', `/groups/${team.id}`)).json).toEqual({ id: team.id, name: 'Marketing team', description: 'Receives import reports', type: 'standard' });
	const users = (await call('GET', `/groups/${team.id}/contacts`)).json as Array<{ email: string }>;
	expect(users.map((u) => u.email).sort()).toEqual(['camille.roux@shop.example.com', 'malik.benali@shop.example.com']);
	const deleted = await call('DELETE', `/groups/${team.id}`);
	expect([deleted.status, deleted.text]).toEqual([204, '']);
	for (const path of [`/groups/${team.id}`, `/groups/${team.id}/contacts`, '/groups/abc']) expect([path, (await call('GET', path)).status]).toEqual([path, 404]);
	expect((await call('DELETE', `/groups/${team.id}`)).status).toBe(404);
});

test('time zones: list and get, the id (with its "/") encoded in the path', async () => {
	const zones = (await call('GET', '/common/timezones')).json as Array<{ id: string }>;
	expect(zones.map((z) => z.id)).toContain('Europe/Paris');
	const paris = await call('GET', `/common/timezones/${encodeURIComponent('Europe/Paris')}`);
	expect(paris.json).toEqual({ id: 'Europe/Paris', name: expect.stringContaining('Paris'), utcOffset: '+01:00' });
	expect((await call('GET', '/common/timezones/UTC')).json.id).toBe('UTC');
	expect((await call('GET', '/common/timezones/Europe/Paris')).status).toBe(404);
	expect((await call('GET', '/common/timezones/Mars%2FOlympus')).status).toBe(404);
});
