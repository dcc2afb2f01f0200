/** `POST /campaigns/{id}/events` (catalogue section campaignevent): a read whose body picks kinds and items. */
import { useSimulator } from '../harness/simulator';
import { eventScenes, HOUR } from './eventScenes';

const simulator = useSimulator();
const { call, everyKind, namesIn, emailAction, deliver, inject, newContact } = eventScenes(simulator);

let scene: ReturnType<typeof everyKind>;
let campaignId: string;
let other: ReturnType<typeof emailAction>;
beforeAll(() => {
	scene = everyKind();
	other = emailAction();
	const opened = deliver(other, newContact(), scene.t0 + 60);
	inject(opened, { type: 'hit', link: 'open', at: scene.t0 + 61 });
	campaignId = simulator().state.campaigns.create({ name: 'Events campaign', actionIds: [scene.a.id, scene.s.id] }).id;
});

const query = (itemsEvents: unknown, search = `start=${scene.t0}&end=${scene.t0 + HOUR}&sort=asc`) =>
	call('POST', `/campaigns/${campaignId}/events?${search}`, { body: { itemsEvents } });
const email = (events: unknown, items: unknown[] = [scene.a.id]) => ({ type: 'email', events, items });

test('kinds narrowed by subtypes, from the items listed only', async () => {
	const opens = await query([email([{ type: 'hit', subtypes: ['open'] }])]);
	expect(opens.status).toBe(200);
	expect(namesIn(opens.json, scene.named)).toEqual(['aOpen', 'aOpenMpp', 'a2Open']);
	const hits = await query([email([{ type: 'hit' }])]);
	expect(namesIn(hits.json, scene.named)).toEqual(['aOpen', 'aOpenMpp', 'aRedirection', 'aUnsubscribe', 'aMirror', 'aForm', 'a2Open']);
	const mixed = await query([email([{ type: 'bounce', subtypes: ['hard'] }, { type: 'reply', subtypes: ['stop'] }, { type: 'execution' }], [scene.a.id, scene.s.id])]);
	expect(namesIn(mixed.json, scene.named)).toEqual(['aExecution', 'aBounceHard', 'sExecution', 'sStop', 'a2Execution']);
	const smsOnly = await query([email([{ type: 'bounce' }], [scene.s.id])]);
	expect(namesIn(smsOnly.json, scene.named)).toEqual(['sBounce']);
});

test('several entries: the union, each event once; start, end and sort as on every events endpoint', async () => {
	const both = await query([email([{ type: 'hit', subtypes: ['open', 'form'] }]), email([{ type: 'hit', subtypes: ['open'] }, { type: 'complaint' }])]);
	expect(namesIn(both.json, scene.named)).toEqual(['aOpen', 'aOpenMpp', 'aForm', 'aComplaint', 'a2Open']);
	const windowed = await query([email([{ type: 'hit' }])], `start=${scene.t0 + 4}&end=${new Date(scene.t0 + 8).toISOString()}&sort=desc`);
	expect(namesIn(windowed.json, scene.named)).toEqual(['aMirror', 'aUnsubscribe', 'aRedirection', 'aOpenMpp']);
	const unsorted = await query([email([{ type: 'hit' }])], `start=${scene.t0}&end=${scene.t0 + HOUR}`);
	expect(namesIn(unsorted.json, scene.named).sort()).toEqual(namesIn(hits(), scene.named).sort());
	for (const search of ['start=soon', 'end=2031-02-30', 'sort=up']) expect([search, (await query([email([{ type: 'hit' }])], search)).status]).toEqual([search, 400]);
});

const hits = () => Object.values(scene.named).filter((e) => e.type === 'hit' && e.source.type === 'email');

test('items as strings or numbers (the schema says int32, the example sends strings)', async () => {
	const { state } = simulator();
	const numeric = state.campaigns.create({ name: 'Numeric items', actionIds: ['100000'] });
	const contact = newContact();
	const delivery = state.deliveries.record({ channel: 'email', actionId: '100000', contact, address: contact.unicity, rendered: {} }, scene.t0 + 70);
	const answer = await call('POST', `/campaigns/${numeric.id}/events?sort=asc`, { body: { itemsEvents: [{ type: 'email', events: [{ type: 'activation' }], items: [100000] }] } });
	expect(answer.json.map((e: { source: { detail: { message: { id: string } } } }) => e.source.detail.message.id)).toEqual([delivery.messageId]);
	const asString = await call('POST', `/campaigns/${numeric.id}/events`, { body: { itemsEvents: [{ type: 'email', events: [{ type: 'activation' }], items: ['100000'] }] } });
	expect(asString.json).toEqual(answer.json);
});

test('404: an unknown campaign, or an item the campaign does not hold', async () => {
	const body = { itemsEvents: [email([{ type: 'hit' }])] };
	expect((await call('POST', '/campaigns/5e1d0a11-0000-4000-8000-0000000000ee/events', { body })).status).toBe(404);
	expect((await call('POST', '/campaigns/not-a-uuid/events', { body })).status).toBe(404);
	expect((await query([email([{ type: 'hit' }], [scene.a.id, other.id])])).status).toBe(404);
});

test('400: no itemsEvents, or any entry the simulator cannot read', async () => {
	const bodies: unknown[] = [
		undefined,
		{},
		{ itemsEvents: [] },
		{ itemsEvents: {} },
		{ itemsEvents: [email([{ type: 'hit' }]), 'email'] },
		{ itemsEvents: [{ ...email([{ type: 'hit' }]), type: 'sms' }] },
		{ itemsEvents: [{ events: [{ type: 'hit' }], items: [scene.a.id] }] },
		{ itemsEvents: [email([])] },
		{ itemsEvents: [email([{ type: 'click' }])] },
		{ itemsEvents: [email([{ type: 'hit', subtypes: [] }])] },
		{ itemsEvents: [email([{ type: 'hit', subtypes: ['opened'] }])] },
		{ itemsEvents: [email([{ type: 'hit', subtypes: 'open' }])] },
		{ itemsEvents: [email([{ type: 'execution', subtypes: ['open'] }])] },
		{ itemsEvents: [email([{ type: 'hit' }], [])] },
		{ itemsEvents: [email([{ type: 'hit' }], [null])] },
		{ itemsEvents: [email([{ type: 'hit' }], [1.5])] },
		{ itemsEvents: [email([{ type: 'hit' }], [''])] },
	];
	for (const body of bodies) {
		const answer = await call('POST', `/campaigns/${campaignId}/events`, { body: body === undefined ? '' : body });
		expect([body, answer.status, answer.text]).toEqual([body, 400, '']);
	}
});
