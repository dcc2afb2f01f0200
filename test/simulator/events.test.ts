/**
 * The query semantics every events endpoint shares (catalogue "Events (pull only)"): half-open windows
 * in ISO or epoch form, sort, no promised order without it, the classification filter; 404 for what
 * names nothing, 400 for what cannot be read; and the control endpoint injecting events.
 */
import { request } from 'undici';

import { startSimulator, type Simulator } from '../../simulator';
import { useSimulator } from '../harness/simulator';
import { DAY, eventScenes, HOUR } from './eventScenes';

const simulator = useSimulator();
const { call, freshDay, emailAction, smsAction, notification, displayContent, deliver, inject, newContact, everyKind, namesIn } = eventScenes(simulator);

const ids = (json: Array<{ id: string }>) => json.map((e) => e.id);
const iso = (time: number) => new Date(time).toISOString();

describe('windows: start inclusive, end exclusive, ISO dates or epoch-ms timestamps', () => {
	test('an event exactly at start is in, one exactly at end is out, in both forms', async () => {
		const t0 = freshDay() + 12 * HOUR;
		const action = emailAction();
		const delivery = deliver(action, newContact(), t0 - HOUR);
		const [before, atStart, inside, atEnd] = [-1, 0, 500, 1000].map((offset) => inject(delivery, { type: 'bounce', verdict: 'soft', at: t0 + offset }));
		const path = `/actions/${action.id}/events/bounces`;
		for (const [start, end] of [
			[String(t0), String(t0 + 1000)],
			[iso(t0), iso(t0 + 1000)],
			[iso(t0).replace('.000Z', 'Z'), iso(t0 + 1000).replace('.000Z', '+00:00')],
		]) {
			const answer = await call('GET', `${path}?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}&sort=asc`);
			expect([start, end, answer.status, ids(answer.json)]).toEqual([start, end, 200, [atStart.id, inside.id]]);
		}
		expect(ids((await call('GET', `${path}?start=${t0 + 1000}&sort=asc`)).json)).toEqual([atEnd.id]);
		expect(ids((await call('GET', `${path}?end=${t0}&sort=asc`)).json)).toEqual([before.id]);
		expect(ids((await call('GET', `${path}?sort=asc`)).json)).toEqual([before, atStart, inside, atEnd].map((e) => e.id));
	});

	test('ISO forms: offsets, milliseconds, a date alone (midnight UTC); a date-time without offset is UTC', async () => {
		const t0 = freshDay();
		const action = emailAction();
		const delivery = deliver(action, newContact(), t0);
		const noon = inject(delivery, { type: 'bounce', verdict: 'hard', at: t0 + 12 * HOUR });
		const day = iso(t0).slice(0, 10);
		const path = (start: string, end: string) => `/actions/${action.id}/events/bounces?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`;
		const found = async (start: string, end: string) => ids((await call('GET', path(start, end))).json);
		expect(await found(day, iso(t0 + DAY).slice(0, 10))).toEqual([noon.id]);
		expect(await found(`${day}T12:00:00`, `${day}T12:00:00.001`)).toEqual([noon.id]);
		expect(await found(`${day}T13:00:00+01:00`, `${day}T07:00:00.001-0500`)).toEqual([noon.id]);
		// Event times are in ms: finer fractions are cut.
		expect(await found(`${day}T12:00:00.000999Z`, `${day}T12:01`)).toEqual([noon.id]);
		expect(await found(`${day}T11:59`, `${day}T12:00:00.000999Z`)).toEqual([]);
		expect(await found(`${day}T12:00:00.001Z`, `${day}T13:00:00Z`)).toEqual([]);
	});

	test('anything else is a 400: words, impossible dates, other date formats, decimals, empty or repeated values', async () => {
		const action = emailAction();
		const bad = ['yesterday', '2031-02-30', '2031-01-01T24:00:00Z', '2031-1-1', '01/02/2031', 'Tue, 01 Jan 2031 00:00:00 GMT', '1.5e12', '-1', '', '2031-01-01T10:00:00+25:00'];
		for (const value of bad) {
			for (const key of ['start', 'end']) {
				const answer = await call('GET', `/actions/${action.id}/events/activations?${key}=${encodeURIComponent(value)}`);
				expect([key, value, answer.status, answer.text]).toEqual([key, value, 400, '']);
			}
		}
		expect((await call('GET', `/actions/${action.id}/events/activations?start=1&start=2`)).status).toBe(400);
		expect((await call('GET', `/actions/${action.id}/events/activations?start=1&end=2`)).status).toBe(200);
	});

	test('nothing in the window: 200 []', async () => {
		const answer = await call('GET', `/actions/events?start=${freshDay()}&end=${freshDay()}`);
		expect([answer.status, answer.json]).toEqual([200, []]);
	});
});

describe('order', () => {
	/** `count` hits of one action, one a minute, inserted in timestamp order. */
	function manyHits(count: number) {
		const t0 = freshDay();
		const action = emailAction();
		const delivery = deliver(action, newContact(), t0);
		const hits = Array.from({ length: count }, (_, i) => inject(delivery, { type: 'hit', link: 'open', at: t0 + (i + 1) * 60_000 }));
		return { action, hits };
	}

	test('sort=asc and sort=desc order by timestamp; any other value is a 400', async () => {
		const { action, hits } = manyHits(5);
		const path = `/actions/${action.id}/reactivities/hits`;
		expect(ids((await call('GET', `${path}?sort=asc`)).json)).toEqual(ids(hits));
		expect(ids((await call('GET', `${path}?sort=desc`)).json)).toEqual(ids(hits).reverse());
		for (const sort of ['ASC', 'descending', 'timestamp', '']) expect([sort, (await call('GET', `${path}?sort=${sort}`)).status]).toEqual([sort, 400]);
	});

	test('without sort the order is not the timestamp order, and changes between calls; the set is the same', async () => {
		const { action, hits } = manyHits(30);
		const orders = [];
		for (let i = 0; i < 3; i++) orders.push(ids((await call('GET', `/actions/${action.id}/reactivities/hits`)).json));
		for (const order of orders) {
			expect([...order].sort()).toEqual(ids(hits).sort());
			expect(order).not.toEqual(ids(hits));
			expect(order).not.toEqual(ids(hits).reverse());
		}
		expect(new Set(orders.map((o) => o.join())).size).toBe(3);
	});

	test('the unsorted order is seeded: the same calls on two fresh simulators answer the same order', async () => {
		const order = async (sim: Simulator) => {
			const scenes = eventScenes(() => sim);
			const t0 = scenes.freshDay();
			const action = scenes.emailAction();
			const delivery = scenes.deliver(action, scenes.newContact(), t0);
			for (let i = 0; i < 20; i++) scenes.inject(delivery, { type: 'hit', link: 'open', at: t0 + (i + 1) * 1000 });
			const answers = [];
			for (let i = 0; i < 2; i++) answers.push((await scenes.call('GET', `/actions/${action.id}/reactivities/hits`)).json.map((e: { timestamp: number }) => e.timestamp - t0));
			return answers;
		};
		const sims = [await startSimulator(), await startSimulator()];
		try {
			const [first, second] = [await order(sims[0]), await order(sims[1])];
			expect(first).toEqual(second);
			expect(first[0]).not.toEqual([...first[0]].sort((a, b) => a - b));
		} finally {
			await Promise.all(sims.map((s) => s.close()));
		}
	});
});

describe('classification (hit endpoints that document it)', () => {
	async function classified() {
		const t0 = freshDay();
		const action = emailAction();
		const contact = newContact();
		const delivery = deliver(action, contact, t0);
		const [human, mpp, robot, gsr] = [undefined, 'mpp', 'genericrobot', 'gsr'].map((classification, i) =>
			inject(delivery, { type: 'hit', link: 'mirror', ...(classification ? { classification: classification as 'mpp' } : {}), at: t0 + i + 1 }),
		);
		return { t0, action, contact, delivery, human, mpp, robot, gsr };
	}

	test('keeps only the hits of the classifications listed (comma-separated); without it every hit', async () => {
		const { action, human, mpp, robot, gsr } = await classified();
		const path = `/actions/${action.id}/events/hits/mirror?sort=asc`;
		expect(ids((await call('GET', path)).json)).toEqual(ids([human, mpp, robot, gsr]));
		expect(ids((await call('GET', `${path}&classification=mpp`)).json)).toEqual([mpp.id]);
		expect(ids((await call('GET', `${path}&classification=genericrobot,gsr`)).json)).toEqual([robot.id, gsr.id]);
		expect((await call('GET', `${path}&classification=mpp`)).json[0].source.detail.classification).toBe('mpp');
	});

	test('an unknown or empty classification is a 400', async () => {
		const { action } = await classified();
		for (const value of ['human', 'MPP', '', 'mpp,', 'mpp, gsr']) {
			expect([value, (await call('GET', `/actions/${action.id}/events/hits/mirror?classification=${encodeURIComponent(value)}`)).status]).toEqual([value, 400]);
		}
	});

	test('on a contact endpoint of every kind, non-hit events pass the filter', async () => {
		const { contact, delivery, mpp } = await classified();
		const answer = await call('GET', `/targets/events?id=${contact.id}&classification=mpp&sort=asc`);
		expect(answer.json.map((e: { type: string }) => e.type)).toEqual(['execution', 'activation', 'hit']);
		expect(answer.json[2].id).toBe(mpp.id);
		expect(answer.json[0].source.detail.message.id).toBe(delivery.messageId);
	});

	test('ignored where the catalogue does not document it (reactivities, /targets/{id}/events)', async () => {
		const { action, contact, human } = await classified();
		expect(ids((await call('GET', `/actions/${action.id}/reactivities/hits/mirror?classification=mpp`)).json)).toHaveLength(4);
		expect(ids((await call('GET', `/targets/${contact.id}/events?classification=nonsense`)).json)).toContain(human.id);
	});
});

describe('what names nothing is a 404; a missing required query key a 400', () => {
	test('unknown action, notification, display content, contact (id, unicity, hash), campaign', async () => {
		const paths = [
			'/actions/ZZZZZZ/events/activations',
			'/actions/ZZZZZZ/reactivities',
			'/actions/ZZZZZZ/reactivities/hits/form',
			'/notifications/999999/events/executions',
			'/notifications/999999/reactivities/optouts',
			'/display/content/no-such-content/events/activations',
			'/targets/ZZZZZZZZ/events',
			'/targets/ZZZZZZZZ/events/hits/open',
			'/targets/events?id=ZZZZZZZZ',
			'/targets/events/hits?id=ZZZZZZZZ',
			`/targets/events/activations?hash=${'0'.repeat(32)}`,
			'/targets/events/responses/stop?id=ZZZZZZZZ',
			'/targets/events/responses/stop?unicity=nobody%40example.com',
			`/targets/events/responses/stop?hash=${'f'.repeat(32)}`,
			// Malformed ids name nothing either.
			'/actions/zzzzzz/events/bounces',
			'/notifications/abc/reactivities',
			'/targets/events?id=lowercase',
			'/targets/events/activations?hash=XYZ',
		];
		for (const path of paths) expect([path, (await call('GET', path)).status]).toEqual([path, 404]);
		const campaign = await call('POST', '/campaigns/5e1d0a11-0000-4000-8000-0000000000ff/events', { body: { itemsEvents: [{ type: 'email', events: [{ type: 'hit' }], items: ['000A01'] }] } });
		expect(campaign.status).toBe(404);
	});

	test('a deleted action or contact names nothing any more, though its events remain', async () => {
		const t0 = freshDay();
		const action = emailAction();
		const contact = newContact();
		inject(deliver(action, contact, t0), { type: 'hit', link: 'open', at: t0 + 1 });
		expect((await call('GET', `/actions/${action.id}/reactivities`)).json).toHaveLength(1);
		simulator().state.actions.delete(action.id);
		simulator().state.contacts.delete(contact.id);
		expect((await call('GET', `/actions/${action.id}/reactivities`)).status).toBe(404);
		expect((await call('GET', `/targets/${contact.id}/events`)).status).toBe(404);
		expect((await call('GET', `/actions/reactivities/hits/open?reactivityStart=${t0}&reactivityEnd=${t0 + DAY}`)).json).toHaveLength(1);
	});

	test('the contact-event paths without their query key are that operation called wrong (400), not a contact named "events"', async () => {
		for (const path of ['/targets/events', '/targets/events?hash=' + '0'.repeat(32), '/targets/events/hits', '/targets/events/activations', '/targets/events/activations?id=ZZZZZZZZ', '/targets/events/responses/stop']) {
			const answer = await call('GET', path);
			expect([path, answer.status, answer.text]).toEqual([path, 400, '']);
		}
	});
});

describe('POST /_simulator/events', () => {
	const control = async (body: unknown) => {
		const response = await request(`${simulator().url}/_simulator/events`, { method: 'POST', body: JSON.stringify(body) });
		const text = await response.body.text();
		return { status: response.statusCode, json: text ? JSON.parse(text) : undefined };
	};

	test('injects past-dated events (late indexing): they appear in past windows, not in the one just polled', async () => {
		const action = emailAction();
		const contact = newContact();
		const delivery = deliver(action, contact, Date.now() - 2 * DAY);
		const cursor = Date.now();
		const late = await control({ messageId: delivery.messageId, type: 'hit', link: 'redirection', url: 'https://example.com/x', classification: 'gsr', at: delivery.at + HOUR });
		expect(late.status).toBe(200);
		expect(late.json).toMatchObject({ type: 'hit', timestamp: delivery.at + HOUR, source: { type: 'email', detail: { link: { type: 'redirection', url: 'https://example.com/x' }, classification: 'gsr' } } });
		expect((await call('GET', `/actions/${action.id}/reactivities?reactivityStart=${cursor}`)).json).toEqual([]);
		expect(ids((await call('GET', `/actions/${action.id}/reactivities?reactivityStart=${delivery.at}&reactivityEnd=${cursor}`)).json)).toEqual([late.json.id]);
		const now = await control({ messageId: delivery.messageId, type: 'hit', link: 'open' });
		expect(now.json.timestamp).toBeGreaterThanOrEqual(cursor);
	});

	test('every feedback kind its channel gets: bounce, hit, complaint, cancellation (email); reply (SMS); impression, optout (push)', async () => {
		const contact = newContact();
		const at = Date.now() - HOUR;
		const email = deliver(emailAction(), contact, at);
		const sms = deliver(smsAction(), contact, at);
		const push = deliver(notification(), contact, at);
		const bodies: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
			[email.messageId, { type: 'bounce', verdict: 'hard' }, { bounce: { analysis: { verdict: 'hard' } } }],
			[email.messageId, { type: 'complaint' }, {}],
			[email.messageId, { type: 'cancellation', reason: 'render failed' }, { cancellation: { value: { message: 'render failed' } } }],
			[sms.messageId, { type: 'reply' }, { reply: { type: 'stop', text: 'STOP' } }],
			[sms.messageId, { type: 'reply', text: 'ok thanks' }, { reply: { type: 'other', text: 'ok thanks' } }],
			[sms.messageId, { type: 'bounce', verdict: 'soft' }, { bounce: { analysis: { verdict: 'soft' } } }],
			[push.messageId, { type: 'impression' }, { activation: { kind: 'application' } }],
			[push.messageId, { type: 'optout' }, { activation: { receiver: { type: 'contact' } } }],
			[push.messageId, { type: 'bounce', verdict: 'hard' }, { bounce: { analysis: { verdict: 'hard' } } }],
		];
		for (const [messageId, body, detail] of bodies) {
			const injected = await control({ messageId, ...body, at: at + 1 });
			expect([body, injected.status]).toEqual([body, 200]);
			expect(injected.json).toMatchObject({ type: body.type, timestamp: at + 1, source: { detail: { ...detail, message: { id: messageId } } } });
		}
	});

	test('refuses, saying why: a kind the channel does not get, a date before the delivery, bad values', async () => {
		const contact = newContact();
		const at = Date.now() - HOUR;
		const email = deliver(emailAction(), contact, at);
		const push = deliver(notification(), contact, at);
		const refused: Array<Record<string, unknown>> = [
			{ messageId: email.messageId, type: 'impression' },
			{ messageId: email.messageId, type: 'optout' },
			{ messageId: email.messageId, type: 'reply' },
			{ messageId: push.messageId, type: 'complaint' },
			{ messageId: email.messageId, type: 'hit', link: 'open', at: at - 1 },
			{ messageId: email.messageId, type: 'hit', link: 'click' },
			{ messageId: email.messageId, type: 'hit', link: 'open', classification: 'human' },
			{ messageId: email.messageId, type: 'hit', link: 'open', url: 42 },
			{ messageId: email.messageId, type: 'bounce' },
			{ messageId: email.messageId, type: 'execution' },
			{ messageId: email.messageId, type: 'hit', link: 'open', at: '2031-01-01' },
			{ type: 'complaint' },
		];
		for (const body of refused) {
			const answer = await control(body);
			expect([body, answer.status, typeof answer.json?.error]).toEqual([body, 400, 'string']);
		}
		expect((await control({ messageId: '00000000-0000-4000-8000-000000000000', type: 'complaint' })).status).toBe(404);
	});

	test('a display activation: {type:"activation", contentId, contactId, at?}; 404 for an unknown content or contact', async () => {
		const content = displayContent();
		const contact = newContact();
		const at = Date.now() - DAY;
		const shown = await control({ type: 'activation', contentId: content.id, contactId: contact.id, at });
		expect(shown.status).toBe(200);
		expect(shown.json).toMatchObject({
			type: 'activation',
			timestamp: at,
			source: { type: 'display', detail: { activation: { id: content.id, campaign: content.campaign, kind: 'display', receiver: { type: 'footprint', id: contact.id, hash: contact.hash } } } },
		});
		expect(ids((await call('GET', `/display/content/${content.id}/events/activations`)).json)).toEqual([shown.json.id]);
		expect(ids((await call('GET', `/targets/${contact.id}/events/activations`)).json)).toEqual([shown.json.id]);
		expect((await control({ type: 'activation', contentId: 'nope', contactId: contact.id })).status).toBe(404);
		expect((await control({ type: 'activation', contentId: content.id, contactId: 'ZZZZZZZZ' })).status).toBe(404);
		expect((await control({ type: 'hit', contentId: content.id, contactId: contact.id })).status).toBe(400);
	});
});

test('events carry the catalogue Event shape', async () => {
	const { c, named } = everyKind();
	const answer = await call('GET', `/targets/${c.id}/events?sort=asc`);
	for (const event of answer.json) {
		expect(event).toEqual({
			type: expect.any(String),
			id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
			timestamp: expect.any(Number),
			identity: { type: 'customer', agency: 'SIM', customer: '001' },
			source: { type: expect.stringMatching(/^(email|notification|display)$/), detail: expect.any(Object) },
		});
	}
	expect(namesIn(answer.json, named)).toContain('aBounceHard');
	expect(named.aBounceHard.source.detail.bounce).toMatchObject({ status: { type: 'sync', code: { enhanced: '5.1.1' } }, analysis: { verdict: 'hard' } });
	expect(named.aOpen.source.detail.link).toEqual({ type: 'open', url: '' });
});
