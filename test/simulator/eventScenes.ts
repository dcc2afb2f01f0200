import type { Simulator } from '../../simulator';
import { catalogueOperation } from '../../simulator/catalogue';
import { channelOf, type Action } from '../../simulator/state/actions';
import type { Contact } from '../../simulator/state/contacts';
import type { Delivery, DeliveryChannel } from '../../simulator/state/deliveries';
import { classificationOf, eventSubject, subtypeOf, type Feedback, type Np6Event } from '../../simulator/state/events';
import type { Notification } from '../../simulator/state/notifications';
import { messaging } from './messaging';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const aHits = ['aOpen', 'aOpenMpp', 'aRedirection', 'aUnsubscribe', 'aMirror', 'aForm'];
const aReactions = ['aBounceHard', 'aBounceSoft', ...aHits, 'aComplaint'];
const sReactions = ['sStop', 'sReply', 'sBounce'];
const nReactions = ['nImpression', 'nHit', 'nOptout', 'nBounce'];
const aEvents = ['aExecution', 'aActivation', ...aReactions, 'aCancellation'];
const sEvents = ['sExecution', 'sActivation', ...sReactions];
const a2Events = ['a2Execution', 'a2Activation', 'a2Open'];
const cEvents = [...aEvents, ...sEvents, 'nExecution', 'nActivation', ...nReactions, 'dActivation'];
const cActivations = ['aActivation', 'sActivation', 'nActivation', 'dActivation'];

/** What each endpoint answers for the scene of `everyKind`, by event name. */
export const EXPECTED: Record<string, string[]> = {
	'actionEvent.list': [...aEvents, ...sEvents, ...a2Events],
	'actionEvent.listCancellations': ['aCancellation'],
	'actionEvent.listActivationsForAction': ['aActivation', 'a2Activation'],
	'actionEvent.listCancellationsForAction': ['aCancellation'],
	'actionEvent.listBouncesForAction': ['aBounceHard', 'aBounceSoft'],
	'actionEvent.listMirrorHitsForAction': ['aMirror'],

	'notificationEvent.listActivations': ['nActivation'],
	'notificationEvent.listExecutions': ['nExecution'],
	'notificationEvent.listCancellations': [],

	'displayEvent.listActivations': ['dActivation'],
	'displayEvent.listActivationsForContent': ['dActivation'],

	'actionReactivity.list': [...aReactions, ...sReactions, 'a2Open'],
	'actionReactivity.listBounces': ['aBounceHard', 'aBounceSoft', 'sBounce'],
	'actionReactivity.listHits': [...aHits, 'a2Open'],
	'actionReactivity.listOpenHits': ['aOpen', 'aOpenMpp', 'a2Open'],
	'actionReactivity.listRedirectionHits': ['aRedirection'],
	'actionReactivity.listUnsubscribeHits': ['aUnsubscribe'],
	'actionReactivity.listMirrorHits': ['aMirror'],
	'actionReactivity.listFormHits': ['aForm'],
	'actionReactivity.listForAction': [...aReactions, 'a2Open'],
	'actionReactivity.listBouncesForAction': ['aBounceHard', 'aBounceSoft'],
	'actionReactivity.listHitsForAction': [...aHits, 'a2Open'],
	'actionReactivity.listOpenHitsForAction': ['aOpen', 'aOpenMpp', 'a2Open'],
	'actionReactivity.listRedirectionHitsForAction': ['aRedirection'],
	'actionReactivity.listUnsubscribeHitsForAction': ['aUnsubscribe'],
	'actionReactivity.listMirrorHitsForAction': ['aMirror'],
	'actionReactivity.listFormHitsForAction': ['aForm'],

	'notificationReactivity.list': nReactions,
	'notificationReactivity.listImpressions': ['nImpression'],
	'notificationReactivity.listHits': ['nHit'],
	'notificationReactivity.listOptouts': ['nOptout'],
	'notificationReactivity.listBounces': ['nBounce'],
	'notificationReactivity.listForNotification': nReactions,
	'notificationReactivity.listImpressionsForNotification': ['nImpression'],
	'notificationReactivity.listHitsForNotification': ['nHit'],
	'notificationReactivity.listOptoutsForNotification': ['nOptout'],
	'notificationReactivity.listBouncesForNotification': ['nBounce'],

	'contactEvent.list': cEvents,
	'contactEvent.listActivations': cActivations,
	'contactEvent.listFormHits': ['aForm'],
	'contactEvent.listOpenHits': ['aOpen', 'aOpenMpp'],
	'contactEvent.listById': cEvents,
	'contactEvent.listHitsById': [...aHits, 'nHit'],
	'contactEvent.listActivationsByHash': cActivations,
	'contactEvent.listStopsById': ['sStop'],
	'contactEvent.listStopsByUnicity': ['sStop'],
	'contactEvent.listStopsByHash': ['sStop'],
};

/** Events, named by the tests, and what each endpoint is expected to answer, in names. */
export type Named = Record<string, Np6Event>;

/**
 * Actions, notifications, display contents, deliveries and their events, made in process at chosen
 * times. Each scene takes a day of its own far from now, so the streams of all actions hold only its
 * events in that window.
 */
export function eventScenes(simulator: () => Simulator) {
	const { call, newContact } = messaging(simulator);
	const state = () => simulator().state;
	let days = 0;
	let names = 0;

	/** Midnight of a day of its own. */
	const freshDay = () => Date.parse('2031-01-01T00:00:00Z') + days++ * DAY;

	const emailAction = () => state().actions.create({ type: 'mailMessage', name: `events mail ${++names}` });
	const smsAction = () => state().actions.create({ type: 'smsMessage', name: `events sms ${++names}` });
	const notification = () => state().notifications.create({ type: 'push-app', name: `events push ${++names}` });
	const displayContent = () => state().display.addContent({ id: `content-${++names}`, name: 'Banner', campaign: 'display-campaign' });

	/** A delivery of an action (email or SMS) or a notification to a contact at `at`. */
	function deliver(origin: Action | Notification, contact: Contact, at: number): Delivery {
		const about: { channel: DeliveryChannel; actionId?: string; notificationId?: number; versionId?: string } =
			origin.type === 'push-app'
				? { channel: 'push', notificationId: origin.id, versionId: origin.versions[0].id }
				: { channel: channelOf(origin.type), actionId: origin.id };
		return state().deliveries.record({ ...about, contact, address: contact.unicity, rendered: {} }, at);
	}

	/** The execution and activation events of a delivery. */
	function sent(delivery: Delivery): [Np6Event, Np6Event] {
		const [execution, activation] = state().events.query({ messageId: delivery.messageId, types: ['execution', 'activation'] });
		return [execution, activation];
	}

	const inject = (delivery: Delivery, feedback: Feedback) => state().events.inject(delivery, feedback);

	/**
	 * One event of each kind for contact `c`: email action `a` (execution, activation, bounces hard and
	 * soft, hits of each link type, one open classified mpp, a complaint, a cancellation), SMS action `s`
	 * (a STOP reply, another reply, a soft bounce), notification `n` (impression, hit, opt-out, bounce),
	 * display content `d` (activation); plus an open of action `a` by another contact `c2`.
	 */
	function everyKind() {
		const t0 = freshDay();
		const [c, c2] = [newContact(), newContact()];
		const [a, s, n, d] = [emailAction(), smsAction(), notification(), displayContent()];
		const named: Named = {};
		const da = deliver(a, c, t0);
		[named.aExecution, named.aActivation] = sent(da);
		named.aBounceHard = inject(da, { type: 'bounce', verdict: 'hard', at: t0 + 1 });
		named.aBounceSoft = inject(da, { type: 'bounce', verdict: 'soft', at: t0 + 2 });
		named.aOpen = inject(da, { type: 'hit', link: 'open', at: t0 + 3 });
		named.aOpenMpp = inject(da, { type: 'hit', link: 'open', classification: 'mpp', at: t0 + 4 });
		named.aRedirection = inject(da, { type: 'hit', link: 'redirection', url: 'https://example.com/a', at: t0 + 5 });
		named.aUnsubscribe = inject(da, { type: 'hit', link: 'unsubscribe', at: t0 + 6 });
		named.aMirror = inject(da, { type: 'hit', link: 'mirror', at: t0 + 7 });
		named.aForm = inject(da, { type: 'hit', link: 'form', at: t0 + 8 });
		named.aComplaint = inject(da, { type: 'complaint', at: t0 + 9 });
		named.aCancellation = inject(da, { type: 'cancellation', at: t0 + 10 });
		const ds = deliver(s, c, t0 + 20);
		[named.sExecution, named.sActivation] = sent(ds);
		named.sStop = inject(ds, { type: 'reply', text: 'stop ', at: t0 + 21 });
		named.sReply = inject(ds, { type: 'reply', text: 'Who is this?', at: t0 + 22 });
		named.sBounce = inject(ds, { type: 'bounce', verdict: 'soft', at: t0 + 23 });
		const dn = deliver(n, c, t0 + 30);
		[named.nExecution, named.nActivation] = sent(dn);
		named.nImpression = inject(dn, { type: 'impression', at: t0 + 31 });
		named.nHit = inject(dn, { type: 'hit', link: 'redirection', at: t0 + 32 });
		named.nOptout = inject(dn, { type: 'optout', at: t0 + 33 });
		named.nBounce = inject(dn, { type: 'bounce', verdict: 'hard', at: t0 + 34 });
		named.dActivation = state().events.recordDisplayActivation(d, { type: 'footprint', id: c.id, unicity: c.unicity, hash: c.hash }, t0 + 40);
		const da2 = deliver(a, c2, t0 + 50);
		[named.a2Execution, named.a2Activation] = sent(da2);
		named.a2Open = inject(da2, { type: 'hit', link: 'open', at: t0 + 51 });
		return { t0, c, c2, a, s, n, d, named };
	}

	/**
	 * The path of a catalogue operation with its path parameters and required query keys filled, and
	 * its window (start/end or reactivityStart/reactivityEnd) set to [from, to).
	 */
	function pathOf(key: string, values: Record<string, string | number>, from: number, to: number): string {
		const operation = catalogueOperation(key);
		const path = operation.path!.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values[name])));
		const names = operation.queryParams.map((q) => q.name);
		const query = new URLSearchParams();
		for (const q of operation.queryParams) if (q.required) query.set(q.name, String(values[q.name]));
		const [start, end] = names.includes('reactivityStart') ? ['reactivityStart', 'reactivityEnd'] : ['start', 'end'];
		query.set(start, String(from));
		query.set(end, String(to));
		return `${path}?${query}`;
	}

	/** The names of the events an answer holds, in its order. */
	function namesIn(events: Np6Event[], named: Named): string[] {
		const byId = new Map(Object.entries(named).map(([name, event]) => [event.id, name]));
		return events.map((event) => byId.get(event.id) ?? `unnamed ${label(event)}`);
	}

	return { call, newContact, freshDay, emailAction, smsAction, notification, displayContent, deliver, sent, inject, everyKind, pathOf, namesIn };
}

/** "source type subtype classification", for messages. */
export function label(event: Np6Event): string {
	const { actionId, notificationId, displayContentId } = eventSubject(event);
	return [event.source.type, actionId ?? notificationId ?? displayContentId, event.type, subtypeOf(event), classificationOf(event)].filter(Boolean).join(' ');
}
