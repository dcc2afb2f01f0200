/**
 * NP6 Event through n8n-core's engine: every Kind × Scope of every resource reads the feed the
 * catalogue names, with the query keys the catalogue names, and outputs the events that feed holds
 * (EXPECTED, by event name, as the catalogue describes each feed) one item each, flattened.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';
import { DAY, eventScenes, EXPECTED, HOUR, type Named } from '../simulator/eventScenes';

const simulator = useSimulator();
const { everyKind, deliver, inject, freshDay, emailAction, newContact } = eventScenes(simulator);
const log = () => simulator().server.log;

let scene: ReturnType<typeof everyKind>;
beforeAll(() => {
	scene = everyKind();
});

const range = (from: number, to: number) => ({ dateRange: 'custom', from: new Date(from).toISOString(), to: new Date(to).toISOString() });
const locator = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const sceneRange = () => range(scene.t0, scene.t0 + HOUR);
const byTime = (named: Named) => (names: string[]) => [...names].sort((x, y) => named[x].timestamp - named[y].timestamp);
const namesOf = (items: Array<{ json: IDataObject }>, named: Named) => {
	const byId = new Map(Object.entries(named).map(([name, event]) => [event.id, name]));
	return items.map((item) => byId.get(String(item.json.eventId)) ?? `unknown ${String(item.json.eventType)}`);
};

/** resource, Kind, Scope ("one": the scene's action / notification / content) → the catalogue feed. */
const FEEDS: Array<[string, string, 'all' | 'one', string]> = [
	['emailEvent', 'all', 'all', 'actionEvent.list'],
	['emailEvent', 'cancellations', 'all', 'actionEvent.listCancellations'],
	['emailEvent', 'activations', 'one', 'actionEvent.listActivationsForAction'],
	['emailEvent', 'cancellations', 'one', 'actionEvent.listCancellationsForAction'],
	['emailEvent', 'bounces', 'one', 'actionEvent.listBouncesForAction'],
	['emailEvent', 'mirror', 'one', 'actionEvent.listMirrorHitsForAction'],
	['emailReactivity', 'all', 'all', 'actionReactivity.list'],
	['emailReactivity', 'bounces', 'all', 'actionReactivity.listBounces'],
	['emailReactivity', 'hits', 'all', 'actionReactivity.listHits'],
	['emailReactivity', 'opens', 'all', 'actionReactivity.listOpenHits'],
	['emailReactivity', 'clicks', 'all', 'actionReactivity.listRedirectionHits'],
	['emailReactivity', 'unsubscribes', 'all', 'actionReactivity.listUnsubscribeHits'],
	['emailReactivity', 'mirror', 'all', 'actionReactivity.listMirrorHits'],
	['emailReactivity', 'form', 'all', 'actionReactivity.listFormHits'],
	['emailReactivity', 'all', 'one', 'actionReactivity.listForAction'],
	['emailReactivity', 'bounces', 'one', 'actionReactivity.listBouncesForAction'],
	['emailReactivity', 'hits', 'one', 'actionReactivity.listHitsForAction'],
	['emailReactivity', 'opens', 'one', 'actionReactivity.listOpenHitsForAction'],
	['emailReactivity', 'clicks', 'one', 'actionReactivity.listRedirectionHitsForAction'],
	['emailReactivity', 'unsubscribes', 'one', 'actionReactivity.listUnsubscribeHitsForAction'],
	['emailReactivity', 'mirror', 'one', 'actionReactivity.listMirrorHitsForAction'],
	['emailReactivity', 'form', 'one', 'actionReactivity.listFormHitsForAction'],
	['notificationEvent', 'activations', 'one', 'notificationEvent.listActivations'],
	['notificationEvent', 'executions', 'one', 'notificationEvent.listExecutions'],
	['notificationEvent', 'cancellations', 'one', 'notificationEvent.listCancellations'],
	['notificationReactivity', 'all', 'all', 'notificationReactivity.list'],
	['notificationReactivity', 'impressions', 'all', 'notificationReactivity.listImpressions'],
	['notificationReactivity', 'hits', 'all', 'notificationReactivity.listHits'],
	['notificationReactivity', 'optouts', 'all', 'notificationReactivity.listOptouts'],
	['notificationReactivity', 'bounces', 'all', 'notificationReactivity.listBounces'],
	['notificationReactivity', 'all', 'one', 'notificationReactivity.listForNotification'],
	['notificationReactivity', 'impressions', 'one', 'notificationReactivity.listImpressionsForNotification'],
	['notificationReactivity', 'hits', 'one', 'notificationReactivity.listHitsForNotification'],
	['notificationReactivity', 'optouts', 'one', 'notificationReactivity.listOptoutsForNotification'],
	['notificationReactivity', 'bounces', 'one', 'notificationReactivity.listBouncesForNotification'],
	['displayEvent', 'activations', 'all', 'displayEvent.listActivations'],
	['displayEvent', 'activations', 'one', 'displayEvent.listActivationsForContent'],
];

const ownerParameter = (resource: string) => {
	if (resource.startsWith('email')) return { action: locator(scene.a.id) };
	if (resource.startsWith('notification')) return { notification: locator(scene.n.id) };
	return { contentId: scene.d.id };
};

describe.each(FEEDS)('%s, kind %s, scope %s', (resource, kind, scope, key) => {
	test(`reads ${key} with the catalogue's window keys and outputs its events in time order`, async () => {
		log().clear();
		const result = await runNode(simulator(), {
			type: 'np6Event',
			parameters: { resource, operation: 'getAll', scope, kind, ...ownerParameter(resource), ...sceneRange(), returnAll: true },
		});
		expect(result.error).toBeUndefined();
		expect(namesOf(result.items, scene.named)).toEqual(byTime(scene.named)(EXPECTED[key]));
		const requests = log().entries.filter((entry) => entry.operation !== undefined);
		expect(requests.map((entry) => entry.operation)).toEqual([key]);
		const window = resource.endsWith('Reactivity') ? ['reactivityEnd', 'reactivityStart'] : ['end', 'start'];
		expect(Object.keys(requests[0].query).sort()).toEqual([...window, 'sort'].sort());
		expect(requests[0].query.sort).toBe('asc');
	});

	test(`fails with NP6's status when ${key} answers 400, without repeating the request`, async () => {
		simulator().server.addFault({ kind: 'status', status: 400, operation: key, times: 1 });
		log().clear();
		const result = await runNode(simulator(), {
			type: 'np6Event',
			parameters: { resource, operation: 'getAll', scope, kind, ...ownerParameter(resource), ...sceneRange(), returnAll: true },
		});
		expect(result.error?.httpCode).toBe('400');
		expect(log().entries.map((entry) => entry.operation)).toEqual([key]);
	});
});

describe('contact events: every kind, the contact named by ID, unicity value or hash', () => {
	const CASES: Array<[string, 'id' | 'unicity' | 'hash', string[]]> = [
		['all', 'id', ['contactEvent.list']],
		['all', 'unicity', ['target.search', 'contactEvent.list']],
		['activations', 'id', ['contactEvent.listActivations']],
		['activations', 'hash', ['contactEvent.listActivationsByHash']],
		['hits', 'id', ['contactEvent.listHitsById']],
		['opens', 'hash', ['target.search', 'contactEvent.listOpenHits']],
		['formHits', 'id', ['contactEvent.listFormHits']],
		['stops', 'id', ['contactEvent.listStopsById']],
		['stops', 'unicity', ['contactEvent.listStopsByUnicity']],
		['stops', 'hash', ['contactEvent.listStopsByHash']],
	];
	test.each(CASES)('%s by %s calls %j', async (kind, findBy, operations) => {
		const { c, named } = scene;
		log().clear();
		const result = await runNode(simulator(), {
			type: 'np6Event',
			parameters: { resource: 'contactEvent', operation: 'getAll', kind, findBy, contactId: c.id, unicity: c.unicity, hash: c.hash, ...sceneRange(), returnAll: true },
		});
		expect(result.error).toBeUndefined();
		expect(log().entries.map((entry) => entry.operation)).toEqual(operations);
		expect(namesOf(result.items, named)).toEqual(byTime(named)(EXPECTED[operations[operations.length - 1]]));
	});

	test("NP6's classification filter goes to the stream that takes it (GET /targets/events?id=)", async () => {
		const { c, named } = scene;
		log().clear();
		const result = await runNode(simulator(), {
			type: 'np6Event',
			parameters: { resource: 'contactEvent', operation: 'getAll', kind: 'all', findBy: 'id', contactId: c.id, ...sceneRange(), returnAll: true, eventOptions: { classification: ['mpp'] } },
		});
		expect(result.error).toBeUndefined();
		const [request] = log().entries;
		expect([request.operation, request.query.classification, request.query.id]).toEqual(['contactEvent.listById', 'mpp', c.id]);
		expect(namesOf(result.items, named)).toContain('aOpenMpp');
	});

	test('an unknown contact fails with NP6 404 explained, after one lookup', async () => {
		log().clear();
		const result = await runNode(simulator(), {
			type: 'np6Event',
			parameters: { resource: 'contactEvent', operation: 'getAll', kind: 'opens', findBy: 'unicity', unicity: 'nobody@nowhere.example', ...sceneRange() },
		});
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toMatch(/no contact with this unicity value/);
		expect(log().entries).toHaveLength(1);
	});
});

test('campaign events: the POST query body names the channel, the event types and hit kinds, and the actions', async () => {
	const { a, named } = scene;
	const campaign = simulator().state.campaigns.create({ name: 'Node test campaign', actionIds: [a.id] });
	log().clear();
	const result = await runNode(simulator(), {
		type: 'np6Event',
		parameters: { resource: 'campaignEvent', operation: 'getAll', campaignId: campaign.id, items: a.id, eventTypes: ['bounce', 'hit'], hitSubtypes: ['open'], ...sceneRange(), returnAll: true },
	});
	expect(result.error).toBeUndefined();
	const [request] = log().entries;
	expect(request.operation).toBe('campaignEvent.query');
	expect(request.body).toEqual({ itemsEvents: [{ type: 'email', events: [{ type: 'bounce' }, { type: 'hit', subtypes: ['open'] }], items: [a.id] }] });
	expect(namesOf(result.items, named)).toEqual(byTime(named)(['aBounceHard', 'aBounceSoft', 'aOpen', 'aOpenMpp', 'a2Open']));
});

test('each event comes out flattened: type, ISO time, contact, action, bounce verdict, hit type, link, classification', async () => {
	const { a, c, named } = scene;
	const result = await runNode(simulator(), {
		type: 'np6Event',
		parameters: { resource: 'emailReactivity', operation: 'getAll', scope: 'one', kind: 'all', action: locator(a.id), ...sceneRange(), returnAll: true },
	});
	const item = (name: string) => result.items.find((i) => i.json.eventId === named[name].id)!.json;
	expect(item('aBounceHard')).toMatchObject({
		eventType: 'bounce',
		occurredAt: new Date(named.aBounceHard.timestamp).toISOString(),
		channel: 'email',
		actionId: a.id,
		contactId: c.id,
		bounceVerdict: 'hard',
		sentAt: new Date(scene.t0).toISOString(),
		type: 'bounce',
		id: named.aBounceHard.id,
	});
	expect(item('aRedirection')).toMatchObject({ eventType: 'hit', hitType: 'redirection', linkUrl: 'https://example.com/a', contactId: c.id });
	expect(item('aOpenMpp')).toMatchObject({ hitType: 'open', classification: 'mpp' });
	expect(item('aOpen').classification).toBeUndefined();
});

describe('filters, windows and limits', () => {
	const run = (parameters: IDataObject) =>
		runNode(simulator(), { type: 'np6Event', parameters: { resource: 'emailReactivity', operation: 'getAll', scope: 'one', action: locator(scene.a.id), ...parameters } });

	test('Bounce Verdict and Exclude Bot Hits keep what they say', async () => {
		const hard = await run({ kind: 'bounces', ...sceneRange(), returnAll: true, eventOptions: { bounceVerdict: 'hard' } });
		expect(namesOf(hard.items, scene.named)).toEqual(['aBounceHard']);
		const humans = await run({ kind: 'opens', ...sceneRange(), returnAll: true, eventOptions: { excludeBots: true } });
		expect(namesOf(humans.items, scene.named)).toEqual(['aOpen', 'a2Open']);
	});

	test('Sent After/Before become the activation window, next to the reaction window', async () => {
		log().clear();
		const sentAfter = new Date(scene.t0 + 50).toISOString();
		const result = await run({ kind: 'opens', ...sceneRange(), returnAll: true, eventOptions: { sentAfter } });
		expect(namesOf(result.items, scene.named)).toEqual(['a2Open']);
		expect(log().entries[0].query.activationStart).toBe(sentAfter);
	});

	test('a long range is read in parts, in order (newest part first for Newest First), and concatenated', async () => {
		const t0 = freshDay();
		const contact = newContact();
		const action = emailAction();
		const delivery = deliver(action, contact, t0);
		const opens = [0, 1, 2].map((day) => inject(delivery, { type: 'hit', link: 'open', at: t0 + day * DAY + HOUR }));
		for (const sort of ['asc', 'desc'] as const) {
			log().clear();
			const result = await runNode(simulator(), {
				type: 'np6Event',
				parameters: { resource: 'emailReactivity', operation: 'getAll', scope: 'one', kind: 'opens', action: locator(action.id), ...range(t0, t0 + 3 * DAY), returnAll: true, eventOptions: { partHours: 24, sort } },
			});
			const ids = opens.map((e) => e.id);
			expect(result.items.map((i) => i.json.eventId)).toEqual(sort === 'asc' ? ids : [...ids].reverse());
			const starts = log().entries.map((entry) => Date.parse(String(entry.query.reactivityStart)));
			expect(starts).toEqual(sort === 'asc' ? [t0, t0 + DAY, t0 + 2 * DAY] : [t0 + 2 * DAY, t0 + DAY, t0]);
		}
	});

	test('Limit stops reading parts once enough events are in', async () => {
		log().clear();
		const result = await run({ kind: 'hits', ...range(scene.t0, scene.t0 + 3 * DAY), returnAll: false, limit: 2, eventOptions: { partHours: 1 } });
		expect(result.items).toHaveLength(2);
		expect(log().entries).toHaveLength(1);
	});
});

describe('bad input fails before any request, naming the parameter', () => {
	test.each([
		// Expressions: n8n itself refuses an empty required value or a malformed literal ID before the node runs.
		['a custom range without From', { kind: 'opens', dateRange: 'custom', from: '={{ "" }}', to: '' }, /"From" is empty/],
		['a From that is not a date', { kind: 'opens', dateRange: 'custom', from: 'yesterday-ish', to: '' }, /"From" is not a date/],
		['To before From', { kind: 'opens', ...range(Date.now(), Date.now() - HOUR) }, /"To" is not after "From"/],
		['an action ID of the wrong shape', { kind: 'opens', action: locator('={{ "nope" }}') }, /"Action" is not valid/],
		['more parts than allowed', { kind: 'opens', dateRange: 'last30Days', eventOptions: { partHours: 0.5 } }, /would take 1440 requests/],
	])('%s', async (_, parameters, message) => {
		log().clear();
		const result = await runNode(simulator(), {
			type: 'np6Event',
			parameters: { resource: 'emailReactivity', operation: 'getAll', scope: 'one', action: locator(scene.a.id), ...parameters },
		});
		expect(result.error?.message).toMatch(message);
		expect(log().entries).toHaveLength(0);
	});
});

test('an action NP6 does not know fails with the HTTP code and its meaning', async () => {
	const result = await runNode(simulator(), {
		type: 'np6Event',
		parameters: { resource: 'emailEvent', operation: 'getAll', scope: 'one', kind: 'bounces', action: locator('ZZZZZZ'), dateRange: 'last24Hours' },
	});
	expect(result.error?.httpCode).toBe('404');
});
