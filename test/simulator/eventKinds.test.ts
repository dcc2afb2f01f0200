/**
 * Which events each events and reactivity endpoint answers: one event of every kind, and each
 * endpoint's answer by name (catalogue sections actionevent, notificationevent, displayevent,
 * actionreactivity, notificationreactivity, contactevent).
 */
import { catalogue } from '../../simulator/catalogue';
import { useSimulator } from '../harness/simulator';
import { eventScenes, EXPECTED, HOUR } from './eventScenes';

const simulator = useSimulator();
const { call, everyKind, pathOf, namesIn, deliver, inject, freshDay, emailAction, newContact } = eventScenes(simulator);

const SECTIONS = ['actionevent', 'notificationevent', 'displayevent', 'actionreactivity', 'notificationreactivity', 'contactevent', 'campaignevent'];
const operations = catalogue.sections.filter((s) => SECTIONS.includes(s.docSlug ?? '')).flatMap((s) => s.operations);

test('every routable operation of the seven sections is implemented; the two without a path are not', () => {
	const implemented = simulator().server.router.implementedOperations;
	for (const { key, path } of operations) expect([key, implemented.includes(key)]).toEqual([key, path !== null]);
	expect(operations.filter((o) => o.path === null).map((o) => o.key)).toEqual(['actionEvent.listStopsForAction', 'displayEvent.listActivationsForCampaign']);
	expect(Object.keys(EXPECTED).sort()).toEqual(operations.filter((o) => o.path !== null && o.method === 'GET').map((o) => o.key).sort());
});

test('no events operation documents a 204: an empty answer is always 200 []', () => {
	for (const { responses } of operations) expect(responses.map((r) => r.status)).not.toContain(204);
});

describe('each endpoint answers its kinds of events, about its action, notification, content or contact', () => {
	let scene: ReturnType<typeof everyKind>;
	beforeAll(() => {
		scene = everyKind();
	});

	test.each(Object.entries(EXPECTED))('%s', async (key, expected) => {
		const { t0, c, a, n, d, named } = scene;
		const ids = { id: key.startsWith('actionEvent') || key.startsWith('actionReactivity') ? a.id : key.startsWith('notification') ? n.id : key.startsWith('display') ? d.id : c.id, hash: c.hash, unicity: c.unicity };
		const answer = await call('GET', pathOf(key, ids, t0, t0 + HOUR) + '&sort=asc');
		expect(answer.status).toBe(200);
		expect(namesIn(answer.json, named)).toEqual([...expected].sort((x, y) => named[x].timestamp - named[y].timestamp));
	});
});

describe('reactivity endpoints filter on two windows', () => {
	test('activationStart/End bound the send, reactivityStart/End the reaction; both half-open', async () => {
		const t0 = freshDay();
		const action = emailAction();
		const early = deliver(action, newContact(), t0);
		const late = deliver(action, newContact(), t0 + HOUR);
		const earlyOpen = inject(early, { type: 'hit', link: 'open', at: t0 + 3 * HOUR });
		const lateOpen = inject(late, { type: 'hit', link: 'open', at: t0 + 2 * HOUR });
		const ids = async (query: string) => {
			const answer = await call('GET', `/actions/${action.id}/reactivities/hits/open?sort=asc&${query}`);
			expect(answer.status).toBe(200);
			return (answer.json as Array<{ id: string }>).map((e) => e.id);
		};
		expect(await ids('')).toEqual([lateOpen.id, earlyOpen.id]);
		expect(await ids(`activationStart=${t0 + HOUR}`)).toEqual([lateOpen.id]);
		expect(await ids(`activationEnd=${t0 + HOUR}`)).toEqual([earlyOpen.id]);
		expect(await ids(`activationStart=${t0}&activationEnd=${t0 + 1}`)).toEqual([earlyOpen.id]);
		expect(await ids(`reactivityStart=${t0 + 3 * HOUR}`)).toEqual([earlyOpen.id]);
		expect(await ids(`reactivityEnd=${t0 + 3 * HOUR}`)).toEqual([lateOpen.id]);
		// The early send's open is the later reaction: the two windows are independent.
		expect(await ids(`activationEnd=${t0 + HOUR}&reactivityStart=${t0 + 2 * HOUR}&reactivityEnd=${t0 + 3 * HOUR}`)).toEqual([]);
		expect(await ids(`activationEnd=${t0 + HOUR}&reactivityEnd=${t0 + 3 * HOUR + 1}`)).toEqual([earlyOpen.id]);
		expect(await ids(`activationStart=${new Date(t0 + HOUR).toISOString()}&reactivityStart=${new Date(t0 + 2 * HOUR).toISOString()}`)).toEqual([lateOpen.id]);
	});

	test('they take no start/end of their own (ignored, like any key they do not document), and 400 for a bad window', async () => {
		const t0 = freshDay();
		const action = emailAction();
		const opened = inject(deliver(action, newContact(), t0), { type: 'hit', link: 'open', at: t0 + 1 });
		const answer = await call('GET', `/actions/${action.id}/reactivities?start=${t0 + HOUR}&end=${t0}`);
		expect(answer.json.map((e: { id: string }) => e.id)).toEqual([opened.id]);
		for (const query of ['activationStart=soon', 'activationEnd=2031-13-01', 'reactivityStart=', 'reactivityEnd=1.5', 'sort=up']) {
			expect([query, (await call('GET', `/actions/${action.id}/reactivities?${query}`)).status]).toEqual([query, 400]);
		}
	});
});

describe('contact stop events: one path, routed on the query key', () => {
	test('by id, unicity and hash the same STOP replies, and only them', async () => {
		const { c, c2, named } = everyKind();
		const routed: string[] = [];
		for (const query of [`id=${c.id}`, `unicity=${encodeURIComponent(c.unicity)}`, `hash=${c.hash}`]) {
			simulator().server.log.clear();
			const answer = await call('GET', `/targets/events/responses/stop?${query}`);
			routed.push(simulator().server.log.entries[0].operation!);
			expect(namesIn(answer.json, named)).toEqual(['sStop']);
			expect(answer.json[0].source.detail.reply).toEqual({ type: 'stop', text: 'stop ' });
		}
		expect(routed).toEqual(['contactEvent.listStopsById', 'contactEvent.listStopsByUnicity', 'contactEvent.listStopsByHash']);
		expect((await call('GET', `/targets/events/responses/stop?id=${c2.id}`)).json).toEqual([]);
	});
});
