/** NP6 Setting through n8n's engine against the simulator: every operation, its failure, and the pickers. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { Np6Setting } from '../../nodes/Np6Setting/Np6Setting.node';
import { SEEDED_APPLICATION_ID } from '../../simulator/seed';
import { SEEDED_TOPIC_IDS } from '../../simulator/seedParameters';
import { loadOptions, runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const state = () => simulator().state;
const log = () => simulator().server.log;
const run = (resource: string, operation: string, parameters: IDataObject = {}, input?: Parameters<typeof runNode>[2], continueOnFail = false) =>
	runNode(simulator(), { type: 'np6Setting', parameters: { resource, operation, ...parameters }, continueOnFail }, input);
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
/** A value that only turns out bad at run time (n8n's editor checks a literal "By ID" against its pattern). */
const byExpression = (value: string) => ({ __rl: true, mode: 'id', value: `={{ ${JSON.stringify(value)} }}` });
const calls = () => log().entries.map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
const { listSearch } = new Np6Setting().methods;
const notices = (resource: string, operation: string) =>
	new Np6Setting().description.properties
		.filter((p: INodeProperties) => p.type === 'notice' && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions.show.operation?.includes(operation))
		.map((p) => p.displayName);

beforeEach(() => {
	log().clear();
	simulator().server.faults.clear();
});

describe('Mobile Application', () => {
	const providers = [{ type: 'firebase', key: 'server-key', sender: 'np6.push' }];
	const routes = [{ name: 'home', value: { type: 'literal', value: 'app://home' }, default: true }];
	const create = (name: string, additionalFields: IDataObject = {}) => run('application', 'create', { type: 'native', name, additionalFields });

	test('Create sends the native type, the name and the JSON parts parsed; NP6 assigns the id and stamp', async () => {
		const result = await create('Shop app', { description: 'iOS and Android', active: true, providers: JSON.stringify(providers), routes: JSON.stringify(routes) });
		expect(result.error).toBeUndefined();
		expect(log().entries[0].body).toEqual({ type: 'native', name: 'Shop app', description: 'iOS and Android', active: true, providers, routes });
		const created = result.items[0].json;
		expect(created).toMatchObject({ type: 'native', name: 'Shop app', active: true, providers, routes, channels: null, stamp: { creation: expect.any(String) } });
		expect(state().applications.byId.get(String(created.id))?.name).toBe('Shop app');
	});

	test('Create: JSON parts that are not arrays are refused before any request; a provider NP6 does not take is its 400', async () => {
		for (const field of ['providers', 'routes', 'channels']) {
			const result = await create('Bad', { [field]: '{"type": "firebase"}' });
			expect(result.error?.message).toMatch(new RegExp(`"${field.charAt(0).toUpperCase()}${field.slice(1)} \\(JSON\\)" is not valid`));
			expect(result.error?.description).toBe('"' + `${field.charAt(0).toUpperCase()}${field.slice(1)} (JSON)` + '" must be a JSON array.');
		}
		expect(log().entries).toHaveLength(0);
		const refused = await create('Bad provider', { providers: '[{"type": "carrier-pigeon"}]' });
		expect(refused.error?.httpCode).toBe('400');
	});

	test('Get and Get Many: the application; Limit keeps the first ones of the list', async () => {
		const got = await run('application', 'get', { application: byId(SEEDED_APPLICATION_ID) });
		expect(got.items[0].json).toMatchObject({ id: SEEDED_APPLICATION_ID, name: 'Example Shop', type: 'native' });
		const apns = { type: 'apns', certificate: { type: 'p12', value: 'MIIK', password: 'secret', expiration: '2027-12-31T23:59:59.999Z' }, bundle: 'com.shop.app' };
		const full = state().applications.create({ type: 'native', name: 'Full', description: 'Every part', active: true, icon: null, providers: [apns as never], routes: [routes[0] as never], channels: [{ name: 'marketing', value: { type: 'literal', value: 'marketing' }, default: true }] });
		expect((await run('application', 'get', { application: byId(full.id) })).items[0].json).toEqual(JSON.parse(JSON.stringify(full)));
		const all = await run('application', 'getAll', { returnAll: true });
		expect(all.items.map((i) => i.json.id)).toEqual(expect.arrayContaining([SEEDED_APPLICATION_ID]));
		expect(all.items.length).toBe(state().applications.byId.size);
		const limited = await run('application', 'getAll', { returnAll: false, limit: 1 });
		expect(limited.items).toHaveLength(1);
	});

	test('Update reads the application and sends it back whole with the changes, without id and stamp', async () => {
		const created = (await create('Before', { description: 'Kept', providers: JSON.stringify(providers) })).items[0].json;
		log().clear();
		const updated = await run('application', 'update', { application: byId(String(created.id)), additionalFields: { name: 'After', active: true } });
		expect(updated.error).toBeUndefined();
		expect(log().entries.map((e) => e.operation)).toEqual(['application.get', 'application.update']);
		expect(log().entries[1].body).toEqual({ type: 'native', name: 'After', description: 'Kept', active: true, icon: null, providers, routes: null, channels: null });
		expect(updated.items[0].json).toMatchObject({ id: created.id, name: 'After', description: 'Kept', providers });
		expect(notices('application', 'update').join(' ')).toMatch(/Not confirmed by NP6's docs/);
	});

	test('Delete removes the application, and says the endpoint is inferred', async () => {
		const created = (await create('Short-lived')).items[0].json;
		const deleted = await run('application', 'delete', { application: byId(String(created.id)) });
		expect(deleted.items[0].json).toEqual({ success: true });
		expect(state().applications.byId.has(String(created.id))).toBe(false);
		expect(notices('application', 'delete').join(' ')).toMatch(/Not confirmed by NP6's docs/);
	});

	test('an unknown application is a 404 for Get, Update and Delete; a malformed ID or no change is refused before any request', async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		for (const operation of ['get', 'update', 'delete']) {
			const result = await run('application', operation, { application: byId(unknown), additionalFields: { name: 'x' } });
			expect(`${operation}: ${result.error?.httpCode} ${result.error?.message}`).toBe(`${operation}: 404 NP6 404: NP6 has no mobile application with this ID`);
		}
		log().clear();
		expect((await run('application', 'get', { application: byExpression('not-a-uuid') })).error?.message).toMatch(/"Mobile Application" is not valid/);
		expect((await run('application', 'update', { application: byId(SEEDED_APPLICATION_ID), additionalFields: {} })).error?.message).toBe('No field to update');
		expect(log().entries).toHaveLength(0);
	});

	test('Continue On Fail: each item its own output, paired with its input', async () => {
		const result = await run(
			'application',
			'get',
			{ application: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			[{ id: SEEDED_APPLICATION_ID }, { id: '00000000-0000-4000-8000-000000000000' }],
			true,
		);
		expect(result.items.map((i) => [i.pairedItem, i.json.name ?? i.json.error])).toEqual([
			[{ item: 0 }, 'Example Shop'],
			[{ item: 1 }, 'NP6 404: NP6 has no mobile application with this ID'],
		]);
	});
});

describe('Category', () => {
	const category = (name: string) => state().categories.byName(name)!;

	test('Create (one item per category, with or without a description), Get, Get Many, Delete', async () => {
		const created = await run('category', 'create', { name: '={{ $json.name }}', additionalFields: { description: '={{ $json.description }}' } }, [
			{ name: 'Loyalty', description: 'Points and rewards' },
			{ name: 'Misc' },
		]);
		expect(log().entries.map((e) => e.body)).toEqual([{ name: 'Loyalty', description: 'Points and rewards' }, { name: 'Misc' }]);
		expect(created.items.map((i) => i.json)).toEqual([
			expect.objectContaining({ name: 'Loyalty', description: 'Points and rewards', creationDate: expect.stringMatching(/Z$/) }),
			expect.objectContaining({ name: 'Misc', description: null }),
		]);
		const ids = created.items.map((i) => Number(i.json.id));
		const got = await run('category', 'get', { category: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, ids.map((id) => ({ id })));
		expect(got.items.map((i) => i.json)).toEqual(created.items.map((i) => i.json));
		expect((await run('category', 'getAll', { returnAll: true })).items.map((i) => i.json.name).sort()).toEqual(['Loyalty', 'Misc', 'Newsletters', 'Transactional']);
		for (const id of ids) expect((await run('category', 'delete', { category: byId(id) })).items[0].json).toEqual({ success: true });
		expect(ids.filter((id) => state().categories.byId.has(id))).toEqual([]);
	});

	test('Update keeps the name when only the description changes (NP6 requires the name)', async () => {
		const { id } = category('Newsletters');
		const updated = await run('category', 'update', { category: byId(id), additionalFields: { description: 'Monthly and seasonal' } });
		expect(log().entries.map((e) => e.operation)).toEqual(['category.get', 'category.update']);
		expect(log().entries[1].body).toEqual({ name: 'Newsletters', description: 'Monthly and seasonal' });
		expect(updated.items[0].json).toMatchObject({ id, name: 'Newsletters', description: 'Monthly and seasonal' });
	});

	test("a name already taken is NP6's 409, explained; an unknown category a 404; a bad ID is refused before any request", async () => {
		const duplicate = await run('category', 'create', { name: 'Transactional' });
		expect([duplicate.error?.httpCode, duplicate.error?.message]).toEqual(['409', 'NP6 409: A category with this name already exists']);
		const renamed = await run('category', 'update', { category: byId(category('Newsletters').id), additionalFields: { name: 'Transactional' } });
		expect([renamed.error?.httpCode, renamed.error?.message]).toEqual(['409', 'NP6 409: A category with this name already exists']);
		for (const operation of ['get', 'update', 'delete']) {
			const result = await run('category', operation, { category: byId(999999), additionalFields: { name: 'x' } });
			expect(`${operation}: ${result.error?.message}`).toBe(`${operation}: NP6 404: NP6 has no category with this ID`);
		}
		log().clear();
		expect((await run('category', 'get', { category: byExpression('twelve') })).error?.message).toMatch(/"Category" is not valid/);
		expect((await run('category', 'create', { name: '={{ "  " }}' })).error?.message).toBe('The parameter "Name" is empty');
		expect(log().entries).toHaveLength(0);
	});
});

describe('Marketing Pressure', () => {
	test('Get Many Topics and Rules, with Limit', async () => {
		const topics = await run('marketingPressure', 'getTopics', { returnAll: true });
		expect(topics.items.map((i) => i.json.id).sort()).toEqual(Object.values(SEEDED_TOPIC_IDS).sort());
		expect((await run('marketingPressure', 'getTopics', { returnAll: false, limit: 1 })).items).toHaveLength(1);
		const rules = await run('marketingPressure', 'getRules', { returnAll: true });
		expect(rules.items.map((i) => i.json.label)).toEqual(['At most 3 promotions a week']);
	});

	test('the mandatory topic option: read as {mandatoryTopic}, set with a bare JSON boolean', async () => {
		expect((await run('marketingPressure', 'getMandatoryTopic')).items[0].json).toEqual({ mandatoryTopic: false });
		const set = await run('marketingPressure', 'setMandatoryTopic', { mandatoryTopic: true });
		expect(log().entries[1]).toMatchObject({ method: 'PUT', body: true });
		expect(set.items[0].json).toEqual({ mandatoryTopic: true });
		expect(state().marketingPressure.mandatoryTopic).toBe(true);
		const unset = await run('marketingPressure', 'setMandatoryTopic', { mandatoryTopic: false });
		expect(log().entries[2].body).toBe(false);
		expect(unset.items[0].json).toEqual({ mandatoryTopic: false });
	});

	test.each([
		['getTopics', 'marketingPressure.listTopics'],
		['getRules', 'marketingPressure.listRules'],
		['getMandatoryTopic', 'marketingPressure.getMandatoryTopic'],
		['setMandatoryTopic', 'marketingPressure.setMandatoryTopic'],
	])('%s: a key without the right fails with the status (NP6 answers 409 for rights)', async (operation, key) => {
		simulator().server.addFault({ kind: 'status', status: 409, operation: key, times: 1 });
		const result = await run('marketingPressure', operation, { returnAll: true, mandatoryTopic: true });
		expect(result.error?.httpCode).toBe('409');
		expect(calls()).toEqual([expect.stringMatching(/ 409$/)]);
	});
});

describe('Group (legacy)', () => {
	const team = () => [...state().groups.byId.values()].find((g) => g.name === 'Marketing team')!;

	test('Get Many, Get and Get Contacts (the NP6 users of the group); each says it comes from the older API', async () => {
		expect((await run('group', 'getAll', { returnAll: true })).items.map((i) => i.json.name).sort()).toEqual(['Administrators', 'Marketing team']);
		const both = await run('group', 'get', { group: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, [...state().groups.byId.keys()].map((id) => ({ id })));
		expect(both.items.map((i) => [i.pairedItem, i.json.name])).toEqual([
			[{ item: 0 }, 'Marketing team'],
			[{ item: 1 }, 'Administrators'],
		]);
		expect(both.items[0].json).toEqual({ id: team().id, name: 'Marketing team', description: 'Receives import reports', type: 'standard' });
		const users = await run('group', 'getContacts', { group: byId(team().id), returnAll: true });
		expect(users.items.map((i) => i.json.email).sort()).toEqual(['camille.roux@shop.example.com', 'malik.benali@shop.example.com']);
		for (const operation of ['getAll', 'get', 'getContacts', 'delete']) expect(notices('group', operation).join(' ')).toMatch(/Known from older public NP6 docs only/);
	});

	test('Delete, then every operation on the group is a 404; a bad ID is refused before any request', async () => {
		const id = state().groups.add({ name: 'Temporary', description: null, type: 'standard' }).id;
		expect((await run('group', 'delete', { group: byId(id) })).items[0].json).toEqual({ success: true });
		for (const operation of ['get', 'getContacts', 'delete']) {
			const result = await run('group', operation, { group: byId(id), returnAll: true });
			expect(`${operation}: ${result.error?.message}`).toBe(`${operation}: NP6 404: NP6 has no group with this ID`);
		}
		log().clear();
		expect((await run('group', 'get', { group: byExpression('G1') })).error?.message).toMatch(/"Group" is not valid/);
		expect(log().entries).toHaveLength(0);
	});

	test('Get Many: a failing list fails with its status', async () => {
		simulator().server.addFault({ kind: 'status', status: 404, operation: 'group.list', times: 1 });
		expect((await run('group', 'getAll', { returnAll: true })).error?.httpCode).toBe('404');
	});
});

describe('Time Zone (legacy)', () => {
	test('Get Many, and Get with an ID holding a "/" (encoded in the path)', async () => {
		const all = await run('timeZone', 'getAll', { returnAll: true });
		expect(all.items.map((i) => i.json.id)).toContain('Europe/Paris');
		log().clear();
		const paris = await run('timeZone', 'get', { timeZone: byId('Europe/Paris') });
		expect(log().entries[0].path).toBe('/common/timezones/Europe%2FParis');
		expect(paris.items[0].json).toMatchObject({ id: 'Europe/Paris', utcOffset: '+01:00' });
		for (const operation of ['getAll', 'get']) expect(notices('timeZone', operation).join(' ')).toMatch(/Known from older public NP6 docs only/);
	});

	test('an unknown time zone is a 404; a blank ID is refused before any request; a failing list fails', async () => {
		const unknown = await run('timeZone', 'get', { timeZone: byId('Mars/Olympus') });
		expect(unknown.error?.message).toBe('NP6 404: NP6 has no time zone with this ID');
		log().clear();
		expect((await run('timeZone', 'get', { timeZone: byExpression('  ') })).error?.message).toBe('The parameter "Time Zone" is empty');
		expect(log().entries).toHaveLength(0);
		simulator().server.addFault({ kind: 'status', status: 503, operation: 'timezone.list' });
		expect((await run('timeZone', 'getAll', { returnAll: true })).error?.httpCode).toBe('503');
	});
});

describe('pickers', () => {
	const node = (resource: string, operation = 'get') => ({ type: 'np6Setting', parameters: { resource, operation } });

	test('applications and categories: the shared pickers, filtered by name', async () => {
		const applications = await loadOptions(simulator(), node('application'), listSearch.searchApplications, 'example');
		expect(applications.results).toEqual([{ name: 'Example Shop', value: SEEDED_APPLICATION_ID }]);
		const categories = await loadOptions(simulator(), node('category'), listSearch.searchCategories);
		expect(categories.results.map((r) => r.name)).toEqual(expect.arrayContaining(['Newsletters', 'Transactional']));
		expect(categories.results.map((r) => r.name)).toEqual([...categories.results.map((r) => r.name)].sort((a, b) => a.localeCompare(b)));
	});

	test('groups and time zones: their lists, A–Z, filtered by name or ID', async () => {
		const groups = await loadOptions(simulator(), node('group'), listSearch.searchGroups);
		const administrators = [...state().groups.byId.values()].find((g) => g.name === 'Administrators')!;
		expect(groups.results[0]).toEqual({ name: 'Administrators', value: String(administrators.id) });
		const zones = await loadOptions(simulator(), node('timeZone'), listSearch.searchTimeZones, 'paris');
		expect(zones.results).toEqual([{ name: expect.stringContaining('Paris'), value: 'Europe/Paris' }]);
		const byZoneId = await loadOptions(simulator(), node('timeZone'), listSearch.searchTimeZones, 'europe/london');
		expect(byZoneId.results.map((r) => r.value)).toEqual(['Europe/London']);
	});

	test('without a credential a picker is empty and asks NP6 nothing', async () => {
		const result = await loadOptions(simulator(), { ...node('group'), credentials: false }, listSearch.searchGroups);
		expect(result.results).toEqual([]);
		expect(log().entries).toHaveLength(0);
	});
});
