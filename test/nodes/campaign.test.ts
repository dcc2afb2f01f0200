/**
 * NP6 Campaign through n8n's engine against the simulator: Create, and Get Events, which is NP6 Event's
 * Campaign Event → Get Many (same parameters, same request, same output).
 */
import type { IDataObject } from 'n8n-workflow';

import { resources as campaignResources } from '../../nodes/Np6Campaign/actions/resources';
import { resources as eventResources } from '../../nodes/Np6Event/actions/resources';
import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';
import { eventScenes, HOUR } from '../simulator/eventScenes';

const simulator = useSimulator();
const state = () => simulator().state;
const log = () => simulator().server.log;
const { everyKind } = eventScenes(simulator);
const run = (operation: string, parameters: IDataObject = {}, input?: Parameters<typeof runNode>[2], continueOnFail = false) =>
	runNode(simulator(), { type: 'np6Campaign', parameters: { resource: 'campaign', operation, ...parameters }, continueOnFail }, input);

let scene: ReturnType<typeof everyKind>;
beforeAll(() => {
	scene = everyKind();
});

beforeEach(() => {
	log().clear();
	simulator().server.faults.clear();
});

describe('Create', () => {
	test('sends the name, dates, own UUID and the actions as items; outputs the campaign NP6 stored', async () => {
		const id = '6a1c0b9e-3f4d-4c2e-9a8b-7d6e5f4a3b2c';
		const result = await run('create', {
			name: 'Customer journey',
			additionalFields: { description: 'Order and delivery messages', startDate: '2026-03-01T08:00:00Z', endDate: '2026-03-31T20:00:00.000Z', campaignId: id, actionIds: '000A01, 000A03' },
		});
		expect(result.error).toBeUndefined();
		expect(log().entries[0].body).toEqual({
			name: 'Customer journey',
			description: 'Order and delivery messages',
			startDate: '2026-03-01T08:00:00Z',
			endDate: '2026-03-31T20:00:00Z',
			id,
			items: [
				{ type: 'email', id: '000A01' },
				{ type: 'email', id: '000A03' },
			],
		});
		expect(result.items[0].json).toMatchObject({ id, name: 'Customer journey', items: [{ id: '000A01' }, { id: '000A03' }], creationDate: expect.any(String) });
		expect(state().campaigns.byId.get(id)?.name).toBe('Customer journey');
	});

	test('with only a name NP6 makes up the UUID; the notice says the item type is not confirmed', async () => {
		const result = await run('create', { name: 'Bare' });
		expect(log().entries[0].body).toEqual({ name: 'Bare' });
		expect(result.items[0].json.id).toMatch(/^[0-9a-f-]{36}$/);
		const notice = campaignResources.campaign.operations.create.description.find((p) => p.type === 'notice')?.displayName;
		expect(notice).toMatch(/^Not confirmed by NP6's docs: the item type/);
	});

	test("bad input is refused before any request; NP6's 404 (unknown action) and 409 (UUID taken) are explained", async () => {
		const refused: Array<[IDataObject, RegExp]> = [
			[{ name: '={{ "" }}' }, /"Name" is empty/],
			[{ name: 'X', additionalFields: { campaignId: 'campaign-1' } }, /"Campaign ID" is not valid/],
			[{ name: 'X', additionalFields: { startDate: 'next spring' } }, /"Start Date" is not valid/],
		];
		for (const [parameters, message] of refused) expect((await run('create', parameters)).error?.message).toMatch(message);
		expect(log().entries).toHaveLength(0);
		const ghost = await run('create', { name: 'Ghost', additionalFields: { actionIds: '000ZZZ' } });
		expect([ghost.error?.httpCode, ghost.error?.message]).toEqual(['404', 'NP6 404: NP6 has no such action']);
		const id = state().campaigns.create({ name: 'Taken', actionIds: [] }).id;
		const taken = await run('create', { name: 'Again', additionalFields: { campaignId: id } });
		expect([taken.error?.httpCode, taken.error?.message]).toEqual(['409', 'NP6 409: A campaign with this ID already exists']);
	});

	test('Continue On Fail: one campaign per item, a failing item in its place, paired', async () => {
		const result = await run('create', { name: '={{ $json.name }}', additionalFields: { actionIds: '={{ $json.actions }}' } }, [{ name: 'One', actions: '000A01' }, { name: 'Two', actions: '000ZZZ' }, { name: 'Three', actions: ['000A02', '000A04'] }], true);
		expect(result.items.map((i) => [i.pairedItem, i.json.name ?? i.json.error])).toEqual([
			[{ item: 0 }, 'One'],
			[{ item: 1 }, 'NP6 404: NP6 has no such action'],
			[{ item: 2 }, 'Three'],
		]);
		expect((result.items[2].json.items as IDataObject[]).map((i) => i.id)).toEqual(['000A02', '000A04']);
	});
});

describe('Get Events', () => {
	const range = () => ({ dateRange: 'custom', from: new Date(scene.t0).toISOString(), to: new Date(scene.t0 + HOUR).toISOString() });
	const names = (items: Array<{ json: IDataObject }>) => {
		const byId = new Map(Object.entries(scene.named).map(([name, event]) => [event.id, name]));
		return items.map((item) => byId.get(String(item.json.eventId)));
	};

	test('is the same operation as NP6 Event → Campaign Event → Get Many: same parameters, request and output', async () => {
		const campaign = (await run('create', { name: 'Evented', additionalFields: { actionIds: scene.a.id } })).items[0].json;
		const parameters = { campaignId: campaign.id, items: scene.a.id, eventTypes: ['bounce', 'hit'], hitSubtypes: ['open'], ...range(), returnAll: true };
		log().clear();
		const fromCampaign = await run('getEvents', parameters);
		const fromEvent = await runNode(simulator(), { type: 'np6Event', parameters: { resource: 'campaignEvent', operation: 'getAll', ...parameters } });
		const [campaignRequest, eventRequest] = log().entries;
		expect(campaignRequest.operation).toBe('campaignEvent.query');
		expect(campaignRequest.body).toEqual({ itemsEvents: [{ type: 'email', events: [{ type: 'bounce' }, { type: 'hit', subtypes: ['open'] }], items: [scene.a.id] }] });
		expect([eventRequest.path, eventRequest.query, eventRequest.body]).toEqual([campaignRequest.path, campaignRequest.query, campaignRequest.body]);
		expect(names(fromCampaign.items)).toEqual(['aBounceHard', 'aBounceSoft', 'aOpen', 'aOpenMpp', 'a2Open']);
		expect(fromCampaign.items.map((i) => i.json)).toEqual(fromEvent.items.map((i) => i.json));
		expect(fromCampaign.items[0].json).toMatchObject({ eventType: 'bounce', bounceVerdict: 'hard', actionId: scene.a.id, contactId: scene.c.id });
		const parametersOf = (properties: Array<{ name: string }>) => properties.map((p) => p.name);
		expect(parametersOf(campaignResources.campaign.operations.getEvents.description)).toEqual(parametersOf(eventResources.campaignEvent.operations.getAll.description));
	});

	test('options apply as in NP6 Event: Exclude Bot Hits drops the mpp open, Limit keeps the first', async () => {
		const campaign = state().campaigns.create({ name: 'Filtered', actionIds: [scene.a.id] });
		const base = { campaignId: campaign.id, items: scene.a.id, eventTypes: ['hit'], hitSubtypes: ['open'], ...range() };
		expect(names((await run('getEvents', { ...base, returnAll: true, eventOptions: { excludeBots: true } })).items)).toEqual(['aOpen', 'a2Open']);
		expect(names((await run('getEvents', { ...base, returnAll: false, limit: 1 })).items)).toEqual(['aOpen']);
	});

	test("an unknown campaign or an action outside it is NP6's 404; bad parameters are refused before any request", async () => {
		const campaign = state().campaigns.create({ name: 'Narrow', actionIds: [scene.a.id] });
		const unknown = await run('getEvents', { campaignId: '00000000-0000-4000-8000-000000000000', items: scene.a.id, eventTypes: ['hit'], ...range() });
		expect(unknown.error?.httpCode).toBe('404');
		const outside = await run('getEvents', { campaignId: campaign.id, items: scene.s.id, eventTypes: ['hit'], ...range() });
		expect(outside.error?.httpCode).toBe('404');
		log().clear();
		const refused: Array<[IDataObject, RegExp]> = [
			[{ campaignId: 'campaign-1', items: scene.a.id, eventTypes: ['hit'] }, /"Campaign ID" is not valid/],
			[{ campaignId: campaign.id, items: '={{ [] }}', eventTypes: ['hit'] }, /"Action IDs" is empty/],
			[{ campaignId: campaign.id, items: scene.a.id, eventTypes: '={{ [] }}' }, /"Event Types" is empty/],
			[{ campaignId: campaign.id, items: scene.a.id, eventTypes: '={{ ["click"] }}' }, /"Event Types" is not valid: "click"/],
			[{ campaignId: campaign.id, items: scene.a.id, eventTypes: ['hit'], hitSubtypes: '={{ ["tap"] }}' }, /"Hit Kinds" is not valid: "tap"/],
		];
		for (const [parameters, message] of refused) expect((await run('getEvents', { ...range(), ...parameters })).error?.message).toMatch(message);
		expect(log().entries).toHaveLength(0);
	});
});
