/**
 * NP6 Trigger through n8n-core's PollContext, polled as an active workflow polls it, its static data
 * kept between polls as n8n keeps it: every event emitted once, in order, across overlapping
 * windows, late events, a failed poll and a restart; feeds, catch-up and "Fetch Test Event".
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Np6Event } from '../../simulator/state/events';
import { pollTrigger } from '../harness/engine';
import { useSimulator } from '../harness/simulator';
import { eventScenes, HOUR } from '../simulator/eventScenes';

const simulator = useSimulator();
const { deliver, inject, emailAction, newContact } = eventScenes(simulator);
const log = () => simulator().server.log;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const LAG_S = 1;
const ALLOWANCE_S = 2;
const trigger = (parameters: IDataObject = {}) => ({
	type: 'np6Trigger',
	parameters: { feed: 'opened', scope: 'all', excludeBots: false, pollOptions: { lagSeconds: LAG_S, allowanceSeconds: ALLOWANCE_S }, ...parameters },
});
const ids = (items: INodeExecutionData[] | null) => (items ?? []).map((item) => String(item.json.eventId));
const cursorOf = (staticData: IDataObject) => (staticData.np6Cursor as { cursor: number }).cursor;
/** Where the trigger was activated: events dated before it are not its business, however late they come. */
const floorOf = (staticData: IDataObject) => (staticData.np6Cursor as { floor: number }).floor;

/** A delivery of a fresh action to a fresh contact, a minute ago, to hang opens on. */
function freshDelivery() {
	return deliver(emailAction(), newContact(), Date.now() - 60_000);
}

/** The trigger on opens of the delivery's action only: other tests' events are not in its feed. */
const onAction = (actionId: string | undefined, extra: IDataObject = {}) => trigger({ scope: 'one', action: { __rl: true, mode: 'id', value: actionId }, ...extra });

test('the first poll only sets the cursor at now − lag; later polls emit each event once, in order, over overlapping windows, late events, a failed poll and a restart', async () => {
	let staticData: IDataObject = {};
	const delivery = freshDelivery();
	const node = onAction(delivery.actionId);
	const open = (at: number) => inject(delivery, { type: 'hit', link: 'open', at });
	const emitted: string[] = [];
	const poll = async () => {
		const items = await pollTrigger(simulator(), node, staticData);
		const times = (items ?? []).map((item) => Number(item.json.timestamp));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		emitted.push(...ids(items));
		return items;
	};

	const before = Date.now();
	expect(await poll()).toBeNull();
	expect(cursorOf(staticData)).toBeGreaterThanOrEqual(before - LAG_S * 1000);
	expect(cursorOf(staticData)).toBeLessThanOrEqual(Date.now() - LAG_S * 1000);
	const expected: Np6Event[] = [];
	const unexpected: Np6Event[] = [open(cursorOf(staticData) - 10)];
	for (let round = 0; round < 6; round++) {
		expected.push(open(Date.now() - 100)); // young: read once it is older than the lag
		const late = open(cursorOf(staticData) - 1000); // published after the cursor passed it, within the allowance
		(late.timestamp >= floorOf(staticData) ? expected : unexpected).push(late);
		if (round === 2) {
			// NP6 fails the read: the poll errors, nothing moves, the next poll reads the same window.
			const frozen = JSON.stringify(staticData);
			simulator().server.addFault({ kind: 'status', status: 503, operation: 'actionReactivity.listOpenHitsForAction', times: 4 });
			await expect(pollTrigger(simulator(), node, staticData)).rejects.toThrow(/503|Service Unavailable/);
			expect(JSON.stringify(staticData)).toBe(frozen);
		}
		if (round === 4) staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject; // n8n restarted
		await pause(400);
		await poll();
	}
	unexpected.push(open(cursorOf(staticData) - ALLOWANCE_S * 1000 - 500)); // later than the allowance: lost
	await pause(LAG_S * 1000 + 200);
	await poll();
	await poll();

	expect(unexpected.length).toBeGreaterThan(1);
	expect(emitted.filter((id) => unexpected.some((e) => e.id === id))).toEqual([]);
	expect([...emitted].sort()).toEqual(expected.map((e) => e.id).sort());
	expect(new Set(emitted).size).toBe(emitted.length);
});

test('property: random event times and poll intervals (seeded), every event within the allowance emitted exactly once', async () => {
	let seed = 20261129;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	let staticData: IDataObject = {};
	const delivery = freshDelivery();
	const node = onAction(delivery.actionId);
	await pollTrigger(simulator(), node, staticData);
	const injected: Np6Event[] = [];
	const emitted: string[] = [];
	for (let round = 0; round < 12; round++) {
		for (let n = Math.floor(random() * 4); n > 0; n--) {
			// Published now, dated up to the allowance back: what a slow NP6 index looks like.
			injected.push(inject(delivery, { type: 'hit', link: 'open', at: Date.now() - Math.floor(random() * ALLOWANCE_S * 1000) }));
		}
		if (random() < 0.25) staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		await pause(50 + Math.floor(random() * 300));
		emitted.push(...ids(await pollTrigger(simulator(), node, staticData)));
	}
	await pause(LAG_S * 1000 + 100);
	emitted.push(...ids(await pollTrigger(simulator(), node, staticData)));
	const afterActivation = injected.filter((e) => e.timestamp >= floorOf(staticData)).map((e) => e.id);
	expect(afterActivation.length).toBeGreaterThan(10);
	expect([...emitted].sort()).toEqual(afterActivation.sort());
});

test('after a long pause it catches up in bounded windows over successive polls, skipping nothing', async () => {
	const delivery = deliver(emailAction(), newContact(), Date.now() - 80 * HOUR);
	const opens = [70, 50, 30, 10].map((hoursAgo) => inject(delivery, { type: 'hit', link: 'open', at: Date.now() - hoursAgo * HOUR }));
	const staticData: IDataObject = {};
	const parameters = { feed: 'opened', scope: 'one', action: { __rl: true, mode: 'id', value: delivery.actionId }, pollOptions: { lagSeconds: 0, maxWindowHours: 24, lookBackHours: 72 } };
	const emitted: string[] = [];
	let polls = 0;
	log().clear();
	while (polls < 10) {
		polls++;
		emitted.push(...ids(await pollTrigger(simulator(), trigger(parameters), staticData)));
		if (cursorOf(staticData) >= Date.now() - 1000) break;
	}
	expect(emitted).toEqual(opens.map((e) => e.id));
	expect(polls).toBe(3); // 72 hours in windows of 24
	for (const entry of log().entries) {
		expect(Date.parse(String(entry.query.reactivityEnd)) - Date.parse(String(entry.query.reactivityStart))).toBeLessThanOrEqual(24 * HOUR + 300_000);
	}
});

test('"Fetch Test Event" returns recent events, newest first, without moving the cursor', async () => {
	const delivery = deliver(emailAction(), newContact(), Date.now() - 10 * 60_000);
	const opens = [3, 2, 1].map((minutesAgo) => inject(delivery, { type: 'hit', link: 'open', at: Date.now() - minutesAgo * 60_000 }));
	const staticData: IDataObject = { np6Cursor: { feed: 'elsewhere', cursor: 5, floor: 5, seen: {} } };
	const parameters = { scope: 'one', action: { __rl: true, mode: 'id', value: delivery.actionId } };
	const items = await pollTrigger(simulator(), trigger(parameters), staticData, 'manual');
	expect(ids(items)).toEqual(opens.map((e) => e.id).reverse());
	expect(staticData).toEqual({ np6Cursor: { feed: 'elsewhere', cursor: 5, floor: 5, seen: {} } });
});

describe('each feed starts the workflow on its own kind of event only', () => {
	const FEEDS: Array<[string, IDataObject, string[]]> = [
		['bounced', {}, ['bounceHard', 'bounceSoft']],
		['bounced', { bounceVerdict: 'hard' }, ['bounceHard']],
		['opened', { excludeBots: true }, ['open']],
		['opened', { excludeBots: false }, ['open', 'openMpp']],
		['clicked', {}, ['click']],
		['unsubscribed', {}, ['unsubscribe']],
		['complained', {}, ['complaint']],
		['sent', {}, ['activation']],
		['cancelled', {}, ['cancellation']],
	];
	let scene: Record<string, Np6Event> & { actionId?: never };
	let actionId: string;
	beforeAll(() => {
		const start = Date.now() - 30 * 60_000;
		const delivery = deliver(emailAction(), newContact(), start);
		actionId = delivery.actionId!;
		const at = (n: number) => start + n * 1000;
		scene = {
			activation: simulator().state.events.query({ messageId: delivery.messageId, types: ['activation'] })[0],
			bounceHard: inject(delivery, { type: 'bounce', verdict: 'hard', at: at(1) }),
			bounceSoft: inject(delivery, { type: 'bounce', verdict: 'soft', at: at(2) }),
			open: inject(delivery, { type: 'hit', link: 'open', at: at(3) }),
			openMpp: inject(delivery, { type: 'hit', link: 'open', classification: 'mpp', at: at(4) }),
			click: inject(delivery, { type: 'hit', link: 'redirection', url: 'https://shop.example.com', at: at(5) }),
			unsubscribe: inject(delivery, { type: 'hit', link: 'unsubscribe', at: at(6) }),
			complaint: inject(delivery, { type: 'complaint', at: at(7) }),
			cancellation: inject(delivery, { type: 'cancellation', at: at(8) }),
		};
	});

	test.each(FEEDS)('%s %j', async (feed, options, expected) => {
		for (const scope of ['one', 'all']) {
			const staticData: IDataObject = {};
			const parameters = { feed, scope, action: { __rl: true, mode: 'id', value: actionId }, ...options, pollOptions: { lagSeconds: 0, lookBackHours: 1 } };
			const items = await pollTrigger(simulator(), trigger(parameters), staticData);
			const names = Object.entries(scene).filter(([, event]) => ids(items).includes(event.id)).map(([name]) => name);
			expect([scope, names]).toEqual([scope, expected]);
		}
	});
});

test('a malformed action ID fails the poll before any request', async () => {
	log().clear();
	const parameters = { scope: 'one', action: { __rl: true, mode: 'id', value: 'nope' } };
	await expect(pollTrigger(simulator(), trigger(parameters), {})).rejects.toThrow(/"Action" is not valid/);
	expect(log().entries).toHaveLength(0);
});
