import type { Np6State } from './state';
import { addressOf, renderAction } from './state/actionRender';
import { channelOf, type Action } from './state/actions';
import { ContactStore, type Contact } from './state/contacts';
import type { Delivery } from './state/deliveries';
import type { Feedback, HitClassification } from './state/events';
import { renderNotification } from './state/notifications';
import { seededRandom } from './state/seededRandom';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Fixed ids of the demo campaigns. */
export const DEMO_CAMPAIGNS = {
	customerCare: '5e1d0a11-0000-4000-8000-00000000c001',
	springLaunch: '5e1d0a11-0000-4000-8000-00000000c002',
};
export const DEMO_DISPLAY_CONTENTS = ['spring-home-banner', 'cart-reminder'];

/**
 * Three days of history for the 'demo' seed, so `npm start` shows events at once, relative to `now`:
 * - "Order confirmation" (email) to 40 contacts: two hard and three soft bounces, a complaint, an
 *   unsubscribe, a mirror hit, opens (some classified mpp or genericrobot) and clicks on the order link;
 * - "Delivery update" (SMS) to 15 contacts: a STOP reply, another reply, a soft bounce;
 * - "Flash sale" (push) to 25 contacts: impressions, clicks, two opt-outs, a hard bounce;
 * - two display contents shown 30 times; campaigns "Customer care" (000A01, 000A03) and "Spring launch"
 *   (000A04, 000A02).
 * Which contact does what comes from a seeded random, so runs are comparable; fewer contacts, fewer events.
 */
export function seedDemoActivity(state: Np6State, now = Date.now()): void {
	const random = seededRandom(2026);
	const contacts = [...state.contacts.byId.values()];
	const recipients = (count: number, offset: number) =>
		contacts.length === 0 ? [] : Array.from({ length: Math.min(count, contacts.length) }, (_, i) => contacts[(offset + i) % contacts.length]);
	/** A send between three days and two hours ago. */
	const sentAt = () => now - 3 * DAY + Math.floor(random() * (3 * DAY - 2 * HOUR));
	/** A moment after `at`, within `within` ms, and before now. */
	const after = (at: number, within: number) => at + 1000 + Math.floor(random() * Math.min(within, Math.max(0, now - at - 2000)));
	const feedback = (delivery: Delivery, event: Feedback) => state.events.inject(delivery, event).timestamp;
	const action = (name: string): Action => {
		const found = [...state.actions.byId.values()].find((a) => a.name === name);
		if (!found) throw new Error(`demo seed: no action "${name}"`);
		return found;
	};
	const sendAction = (sent: Action, contact: Contact) =>
		state.deliveries.record(
			{
				channel: channelOf(sent.type),
				actionId: sent.id,
				contact,
				address: addressOf(sent, contact),
				rendered: renderAction(sent, contact, state.fields),
				archive: channelOf(sent.type) === 'email' && sent.settings?.archive === true,
			},
			sentAt(),
		);

	const order = action('Order confirmation');
	recipients(40, 0).forEach((contact, i) => {
		const delivery = sendAction(order, contact);
		if (i < 5) {
			feedback(delivery, { type: 'bounce', verdict: i < 2 ? 'hard' : 'soft', at: after(delivery.at, 10 * MINUTE) });
			return;
		}
		if (i > 7 && random() > 0.6) return;
		const roll = random();
		const classification: HitClassification | undefined = roll < 0.15 ? 'mpp' : roll < 0.22 ? 'genericrobot' : undefined;
		// Robots open within minutes of the send; people whenever they read their mail.
		const opened = feedback(delivery, { type: 'hit', link: 'open', ...(classification ? { classification } : {}), at: after(delivery.at, classification ? 5 * MINUTE : 12 * HOUR) });
		if (i === 5) feedback(delivery, { type: 'complaint', at: after(opened, 30 * MINUTE) });
		if (i === 6) feedback(delivery, { type: 'hit', link: 'unsubscribe', url: 'https://shop.example.com/unsubscribe', at: after(opened, 30 * MINUTE) });
		if (i === 7) feedback(delivery, { type: 'hit', link: 'mirror', at: after(opened, 5 * MINUTE) });
		if (i > 7 && !classification && random() < 0.45) feedback(delivery, { type: 'hit', link: 'redirection', url: 'https://shop.example.com/orders', at: after(opened, HOUR) });
	});

	const sms = action('Delivery update');
	recipients(15, 40).forEach((contact, i) => {
		const delivery = sendAction(sms, contact);
		if (i === 0) feedback(delivery, { type: 'reply', text: 'STOP', at: after(delivery.at, 2 * HOUR) });
		if (i === 1) feedback(delivery, { type: 'reply', text: 'Merci !', at: after(delivery.at, 2 * HOUR) });
		if (i === 2) feedback(delivery, { type: 'bounce', verdict: 'soft', at: after(delivery.at, 10 * MINUTE) });
	});

	const flashSale = [...state.notifications.byId.values()].find((n) => n.name === 'Flash sale');
	if (!flashSale) throw new Error('demo seed: no notification "Flash sale"');
	const master = state.notifications.master(flashSale);
	recipients(25, 20).forEach((contact, i) => {
		const rendered = renderNotification(flashSale, master, contact, state);
		const delivery = state.deliveries.record(
			{
				channel: 'push',
				notificationId: flashSale.id,
				versionId: master.id,
				contact,
				address: contact.unicity,
				rendered: { redirection: rendered.redirection, ...rendered.render },
			},
			sentAt(),
		);
		if (i === 0) {
			feedback(delivery, { type: 'bounce', verdict: 'hard', at: after(delivery.at, MINUTE) });
			return;
		}
		if (i > 2 && random() > 0.7) return;
		const shown = feedback(delivery, { type: 'impression', at: after(delivery.at, 20 * MINUTE) });
		if (i <= 2) feedback(delivery, { type: 'optout', at: after(shown, HOUR) });
		else if (random() < 0.35) feedback(delivery, { type: 'hit', link: 'redirection', url: 'https://shop.example.com/flash-sale', at: after(shown, 10 * MINUTE) });
	});

	const contents = [
		state.display.addContent({ id: DEMO_DISPLAY_CONTENTS[0], name: 'Spring collection, home page banner', campaign: 'spring-display' }),
		state.display.addContent({ id: DEMO_DISPLAY_CONTENTS[1], name: 'Cart reminder block', campaign: 'spring-display' }),
	];
	for (let i = 0; i < 30 && contacts.length > 0; i++) {
		const contact = contacts[Math.floor(random() * contacts.length)];
		state.events.recordDisplayActivation(contents[i % 2], ContactStore.footprint(contact), sentAt());
	}

	state.campaigns.create({ id: DEMO_CAMPAIGNS.customerCare, name: 'Customer care', actionIds: [order.id, sms.id] });
	state.campaigns.create({ id: DEMO_CAMPAIGNS.springLaunch, name: 'Spring launch', actionIds: [action('Spring newsletter').id, action('Welcome').id] });
}
