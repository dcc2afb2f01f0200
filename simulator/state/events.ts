import type { Footprint } from './contacts';
import type { Delivery, DeliveryChannel } from './deliveries';
import type { DisplayContent } from './display';
import { activation, bounce, deliveryEvent, displayActivationEvent, execution } from './eventDetails';

/** The kinds of the catalogue's Event model. */
export const EVENT_TYPES = [
	'execution',
	'cancellation',
	'activation',
	'bounce',
	'hit',
	'creation',
	'modification',
	'impression',
	'suppression',
	'optout',
	'reply',
	'complaint',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** What a contact does (or what happens to the message) after an activation: what reactivity endpoints answer. */
export const REACTION_TYPES: readonly EventType[] = ['bounce', 'hit', 'impression', 'optout', 'reply', 'complaint'];

export const HIT_KINDS = ['open', 'redirection', 'unsubscribe', 'mirror', 'form'] as const;
export type HitKind = (typeof HIT_KINDS)[number];

/** Robot classifications of hits (mpp: Apple Mail Privacy Proxy, gsr: Google Security Robot). */
export const HIT_CLASSIFICATIONS = ['genericrobot', 'mpp', 'gsr'] as const;
export type HitClassification = (typeof HIT_CLASSIFICATIONS)[number];

export const BOUNCE_VERDICTS = ['hard', 'soft'] as const;
export type BounceVerdict = (typeof BOUNCE_VERDICTS)[number];

/**
 * SIMULATOR CONVENTION: an SMS answer is a `reply` event with `detail.reply {type, text}`; type `stop`
 * for a STOP (what the contact events' "responses/stop" answer), `other` for any other text.
 */
export const REPLY_TYPES = ['stop', 'other'] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

/** The subtypes an event kind has, where it has some: hit link types, bounce verdicts, reply types. */
export const EVENT_SUBTYPES: Partial<Record<EventType, readonly string[]>> = { hit: HIT_KINDS, bounce: BOUNCE_VERDICTS, reply: REPLY_TYPES };

/** `source.type`: email and SMS actions publish as `email`. */
export type EventSource = 'email' | 'notification' | 'display';

/** An item of NP6's event streams (catalogue model `Event`). */
export interface Np6Event {
	type: EventType;
	/** Stable: clients dedupe on it. */
	id: string;
	/** Publication time, epoch ms. */
	timestamp: number;
	identity: { type: 'customer'; agency: string; customer: string };
	source: { type: EventSource; detail: Record<string, unknown> };
}

/** An event kind, narrowed to some of its subtypes when given. */
export interface EventKind {
	type: EventType;
	subtypes?: readonly string[];
}

export interface EventQuery {
	/** Inclusive, epoch ms. */
	start?: number;
	/** Exclusive, epoch ms. */
	end?: number;
	/** Window on the time of the event's underlying activation (the send): inclusive, epoch ms. */
	activationStart?: number;
	/** Exclusive, epoch ms. */
	activationEnd?: number;
	types?: readonly EventType[];
	/** The event is of one of these kinds (and subtypes). */
	kinds?: readonly EventKind[];
	/** Hits must have one of these classifications; other events pass. */
	classifications?: readonly string[];
	sourceType?: EventSource;
	actionId?: string;
	notificationId?: number;
	displayContentId?: string;
	contactId?: string;
	messageId?: string;
}

/** What NP6 learns after a delivery; `at` (epoch ms) defaults to now. */
export type Feedback =
	| { type: 'bounce'; verdict: BounceVerdict; at?: number }
	| { type: 'hit'; link: HitKind; url?: string; classification?: HitClassification; at?: number }
	| { type: 'complaint'; at?: number }
	| { type: 'cancellation'; reason?: string; at?: number }
	| { type: 'impression'; at?: number }
	| { type: 'optout'; at?: number }
	/** `text` defaults to "STOP". */
	| { type: 'reply'; text?: string; at?: number };

/** What an event is about, read from its detail. */
export interface EventSubject {
	actionId?: string;
	notificationId?: number;
	displayContentId?: string;
	contactId?: string;
	messageId?: string;
}

interface Entry {
	event: Np6Event;
	subject: EventSubject;
	/** When the underlying activation happened (epoch ms): the delivery's time, or the display's own. */
	activatedAt: number;
}

/**
 * Every event NP6 publishes, whatever produced it. Sends add `execution` and `activation` events;
 * tests, seeds and benchmarks inject the feedback (`inject`) and display activations; the events
 * endpoints read them with `query`.
 */
export class EventStore {
	private readonly entries: Entry[] = [];

	/** Matching events, oldest first (ties keep their order), in the half-open windows [start, end). */
	query(filter: EventQuery = {}): Np6Event[] {
		return this.entries
			.filter((entry) => matches(entry, filter))
			.map(({ event }) => event)
			.sort((a, b) => a.timestamp - b.timestamp);
	}

	/** The `execution` and `activation` events of a new delivery, both at its time. */
	recordDelivery(delivery: Delivery): Np6Event[] {
		return [
			this.add(deliveryEvent('execution', delivery, delivery.at, { execution: execution(delivery) }), delivery.at),
			this.add(deliveryEvent('activation', delivery, delivery.at, { activation: activation(delivery) }), delivery.at),
		];
	}

	/** Adds the event NP6 would publish for feedback on a delivery; throws for feedback it cannot get (`feedbackProblem`). */
	inject(delivery: Delivery, feedback: Feedback): Np6Event {
		const problem = feedbackProblem(delivery, feedback);
		if (problem) throw new Error(problem);
		const at = feedback.at ?? Date.now();
		const about = { activation: activation(delivery) };
		const add = (type: EventType, detail: Record<string, unknown>) => this.add(deliveryEvent(type, delivery, at, detail), delivery.at);
		switch (feedback.type) {
			case 'bounce':
				return add('bounce', { ...about, bounce: bounce(delivery.channel, feedback.verdict) });
			case 'hit':
				return add('hit', {
					...about,
					link: { type: feedback.link, url: feedback.url ?? '' },
					...(feedback.classification ? { classification: feedback.classification } : {}),
				});
			case 'reply': {
				const text = feedback.text ?? 'STOP';
				return add('reply', { ...about, reply: { type: isStop(text) ? 'stop' : 'other', text } });
			}
			case 'complaint':
			case 'impression':
			case 'optout':
				return add(feedback.type, about);
			case 'cancellation':
				return add('cancellation', {
					execution: execution(delivery),
					cancellation: { type: 'user defined policy', value: { type: 'render', message: feedback.reason ?? 'cancelled' } },
				});
		}
	}

	/** A display content shown to a contact at `at` (epoch ms, default now). */
	recordDisplayActivation(content: DisplayContent, contact: Footprint, at = Date.now()): Np6Event {
		return this.add(displayActivationEvent(content, contact, at), at);
	}

	private add(event: Np6Event, activatedAt: number): Np6Event {
		this.entries.push({ event, subject: eventSubject(event), activatedAt });
		return event;
	}
}

/** Feedback only some channels get: impressions and opt-outs are push's, replies SMS's, complaints (spam reports) email's. */
const FEEDBACK_CHANNELS: Partial<Record<Feedback['type'], readonly DeliveryChannel[]>> = {
	impression: ['push'],
	optout: ['push'],
	reply: ['sms'],
	complaint: ['email'],
};

/** Why a delivery cannot get this feedback (wrong channel, or before the delivery itself); undefined when it can. */
export function feedbackProblem(delivery: Delivery, feedback: Feedback): string | undefined {
	const channels = FEEDBACK_CHANNELS[feedback.type];
	if (channels && !channels.includes(delivery.channel)) return `a ${delivery.channel} delivery gets no ${feedback.type} (only ${channels.join(', ')})`;
	if (feedback.at !== undefined && feedback.at < delivery.at) return `at (${feedback.at}) is before the delivery (${delivery.at})`;
	return undefined;
}

/** SIMULATOR CONVENTION: a reply is a STOP when its text is the word STOP, whatever the case and spacing. */
const isStop = (text: string) => text.trim().toUpperCase() === 'STOP';

function matches({ event, subject, activatedAt }: Entry, filter: EventQuery): boolean {
	const within = (time: number, start?: number, end?: number) => (start === undefined || time >= start) && (end === undefined || time < end);
	if (!within(event.timestamp, filter.start, filter.end)) return false;
	if (!within(activatedAt, filter.activationStart, filter.activationEnd)) return false;
	if (filter.types && !filter.types.includes(event.type)) return false;
	if (filter.kinds && !filter.kinds.some((kind) => isOfKind(event, kind))) return false;
	if (filter.classifications && event.type === 'hit' && !filter.classifications.includes(classificationOf(event) ?? '')) return false;
	if (filter.sourceType !== undefined && event.source.type !== filter.sourceType) return false;
	const about: Array<keyof EventSubject> = ['actionId', 'notificationId', 'displayContentId', 'contactId', 'messageId'];
	return about.every((key) => filter[key] === undefined || subject[key] === filter[key]);
}

function isOfKind(event: Np6Event, kind: EventKind): boolean {
	return event.type === kind.type && (kind.subtypes === undefined || kind.subtypes.includes(subtypeOf(event) ?? ''));
}

/** The action, notification or display content, contact and message an event is about (from its detail). */
export function eventSubject(event: Np6Event): EventSubject {
	const detail = event.source.detail;
	const about = object(detail.execution) ?? object(detail.activation);
	const message = object(detail.message);
	const receiver = object(about?.receiver);
	const contact = object(about?.recipient) ?? (receiver?.type === 'contact' ? object(receiver.value) : receiver);
	const contactId = contact?.type === 'id' ? contact.value : contact?.id;
	const origin = about?.id;
	return {
		actionId: event.source.type === 'email' && origin !== undefined ? String(origin) : undefined,
		notificationId: event.source.type === 'notification' && origin !== undefined ? Number(origin) : undefined,
		displayContentId: event.source.type === 'display' && origin !== undefined ? String(origin) : undefined,
		contactId: typeof contactId === 'string' ? contactId : undefined,
		messageId: typeof message?.id === 'string' ? message.id : undefined,
	};
}

/** The subtype of an event whose kind has some (see EVENT_SUBTYPES). */
export function subtypeOf(event: Np6Event): string | undefined {
	switch (event.type) {
		case 'hit':
			return hitKindOf(event);
		case 'bounce':
			return bounceVerdictOf(event);
		case 'reply':
			return text(object(event.source.detail.reply)?.type);
		default:
			return undefined;
	}
}

/** The kind of a `hit` event (`source.detail.link.type`). */
export function hitKindOf(event: Np6Event): string | undefined {
	return text(object(event.source.detail.link)?.type);
}

/** The robot classification of a `hit` event (`source.detail.classification`); undefined for a human. */
export function classificationOf(event: Np6Event): string | undefined {
	return text(event.source.detail.classification);
}

/** The verdict of a `bounce` event (`source.detail.bounce.analysis.verdict`). */
export function bounceVerdictOf(event: Np6Event): string | undefined {
	return text(object(object(event.source.detail.bounce)?.analysis)?.verdict);
}

function object(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
