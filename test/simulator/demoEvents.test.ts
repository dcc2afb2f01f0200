/** The 'demo' seed's three days of history: what `npm start` shows at once. */
import { startSimulator, type Simulator } from '../../simulator';
import { DEMO_CAMPAIGNS, DEMO_DISPLAY_CONTENTS } from '../../simulator/demoActivity';
import { classificationOf, eventSubject, subtypeOf, type Np6Event } from '../../simulator/state/events';
import { httpClient } from './http';
import { DAY, label } from './eventScenes';

let demo: Simulator;
let seededAt: number;
beforeAll(async () => {
	seededAt = Date.now();
	demo = await startSimulator({ seed: 'demo' });
});
afterAll(() => demo.close());
const call = httpClient(() => demo);

/** Each event as "source origin type subtype classification" with its contact, sorted. */
const history = (sim: Simulator) =>
	sim.state.events
		.query()
		.map((event) => `${label(event)} ${eventSubject(event).contactId}`)
		.sort();

test('events of every kind, each channel, over the last three days, reactions after their send', () => {
	const kindOf = (event: Np6Event) => [event.source.type, event.type, subtypeOf(event), classificationOf(event)].filter(Boolean).join(' ');
	const kinds = new Set(demo.state.events.query().map(kindOf));
	const expected = [
		'email execution',
		'email activation',
		'email hit open',
		'email hit open mpp',
		'email hit open genericrobot',
		'email hit redirection',
		'email hit unsubscribe',
		'email hit mirror',
		'email bounce hard',
		'email bounce soft',
		'email complaint',
		'email reply stop',
		'email reply other',
		'notification execution',
		'notification activation',
		'notification impression',
		'notification hit redirection',
		'notification optout',
		'notification bounce hard',
		'display activation',
	];
	expect([...kinds].sort()).toEqual(expected.sort());
	const events = demo.state.events.query();
	expect(events[0].timestamp).toBeGreaterThanOrEqual(seededAt - 3 * DAY);
	expect(events.at(-1)!.timestamp).toBeLessThan(Date.now());
	for (const delivery of demo.state.deliveries.all) {
		for (const event of demo.state.events.query({ messageId: delivery.messageId })) expect(event.timestamp).toBeGreaterThanOrEqual(delivery.at);
	}
	const clicks = events.filter((e) => e.type === 'hit' && (e.source.detail.link as { type: string }).type === 'redirection');
	expect(clicks.every((e) => /^https:\/\/shop\.example\.com\//.test((e.source.detail.link as { url: string }).url))).toBe(true);
});

test('sends of the validated actions and of "Flash sale" to demo contacts, with SMS to their mobile numbers', () => {
	const { deliveries, actions } = demo.state;
	const count = (channel: string) => deliveries.all.filter((d) => d.channel === channel).length;
	expect([count('email'), count('sms'), count('push')]).toEqual([40, 15, 25]);
	expect(new Set(deliveries.all.filter((d) => d.actionId).map((d) => actions.byId.get(d.actionId!)!.informations.state))).toEqual(new Set([50]));
	expect(deliveries.all.filter((d) => d.channel === 'sms').every((d) => /^\+336\d{8}$/.test(d.address))).toBe(true);
});

test('deterministic: another demo simulator holds the same history, but for the times', async () => {
	const again = await startSimulator({ seed: 'demo' });
	try {
		expect(history(again)).toEqual(history(demo));
	} finally {
		await again.close();
	}
});

test('readable through the API: the STOP of a contact, a display content, the "Customer care" campaign', async () => {
	const stop = demo.state.events.query({ kinds: [{ type: 'reply', subtypes: ['stop'] }] });
	expect(stop).toHaveLength(1);
	const contact = demo.state.contacts.byId.get(eventSubject(stop[0]).contactId!)!;
	expect((await call('GET', `/targets/events/responses/stop?unicity=${encodeURIComponent(contact.unicity)}`)).json).toEqual(stop);
	const shown = await call('GET', `/display/content/${DEMO_DISPLAY_CONTENTS[0]}/events/activations`);
	expect(shown.json).toHaveLength(15);
	const care = await call('POST', `/campaigns/${DEMO_CAMPAIGNS.customerCare}/events?sort=asc`, {
		body: { itemsEvents: [{ type: 'email', events: [{ type: 'bounce' }, { type: 'reply', subtypes: ['stop'] }], items: ['000A01', '000A03'] }] },
	});
	expect(care.json.map((e: { type: string }) => e.type).sort()).toEqual(['bounce', 'bounce', 'bounce', 'bounce', 'bounce', 'bounce', 'reply']);
	expect((await call('GET', `/actions/reactivities/bounces?reactivityStart=${seededAt - 3 * DAY}`)).json).toHaveLength(6);
});

test('the other seeds hold no events, campaigns or display contents; a demo without contacts has no sends', async () => {
	const [fields, empty, noContacts] = await Promise.all([startSimulator({ seed: 'fields' }), startSimulator({ seed: 'empty' }), startSimulator({ seed: 'demo', contacts: 0 })]);
	try {
		for (const sim of [fields, empty]) {
			expect([sim.state.events.query(), sim.state.campaigns.byId.size, sim.state.display.contents.size]).toEqual([[], 0, 0]);
		}
		expect(noContacts.state.deliveries.all).toEqual([]);
		expect(noContacts.state.campaigns.byId.size).toBe(2);
	} finally {
		await Promise.all([fields, empty, noContacts].map((s) => s.close()));
	}
});
