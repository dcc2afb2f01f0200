import { randomUUID } from 'node:crypto';

import type { Delivery } from './deliveries';

/** The kinds of the catalogue's Event model. */
export type EventType =
	| 'execution'
	| 'cancellation'
	| 'activation'
	| 'bounce'
	| 'hit'
	| 'creation'
	| 'modification'
	| 'impression'
	| 'suppression'
	| 'optout'
	| 'reply'
	| 'complaint';

/** An item of NP6's event streams (catalogue model `Event`). */
export interface Np6Event {
	type: EventType;
	/** Stable: clients dedupe on it. */
	id: string;
	/** Publication time, epoch ms. */
	timestamp: number;
	identity: { type: 'customer'; agency: string; customer: string };
	/** `email` for email and SMS actions, `notification` for push notifications. */
	source: { type: string; detail: Record<string, unknown> };
}

/** The simulated account, as events name it. */
export const IDENTITY = { type: 'customer', agency: 'SIM', customer: '001' } as const;

export interface EventQuery {
	/** Inclusive, epoch ms. */
	start?: number;
	/** Exclusive, epoch ms. */
	end?: number;
	types?: string[];
	/** `email` or `notification`. */
	sourceType?: string;
	actionId?: string;
	notificationId?: number;
	contactId?: string;
	messageId?: string;
}

export const HIT_KINDS = ['open', 'redirection', 'unsubscribe', 'mirror', 'form'] as const;

export type HitKind = (typeof HIT_KINDS)[number];

/** What NP6 learns after a delivery; `at` (epoch ms) defaults to now. */
export type Feedback =
	| { type: 'bounce'; verdict: 'hard' | 'soft'; at?: number }
	| { type: 'hit'; link: HitKind; url?: string; classification?: 'genericrobot' | 'mpp' | 'gsr'; at?: number }
	| { type: 'complaint'; at?: number }
	| { type: 'cancellation'; reason?: string; at?: number };

/** What an event is about, read from its detail. */
export interface EventSubject {
	actionId?: string;
	notificationId?: number;
	contactId?: string;
	messageId?: string;
}

/**
 * Every event NP6 publishes, whatever produced it. Sends add `execution` and `activation` events;
 * tests and benchmarks inject the feedback (`inject`); the events endpoints read them with `query`.
 */
export class EventStore {
	private readonly entries: Array<{ event: Np6Event; subject: EventSubject }> = [];

	add(event: Np6Event): Np6Event {
		this.entries.push({ event, subject: eventSubject(event) });
		return event;
	}

	/** Matching events, oldest first (ties keep their order), in the half-open window [start, end). */
	query(filter: EventQuery = {}): Np6Event[] {
		return this.entries
			.filter(({ event, subject }) => {
				if (filter.start !== undefined && event.timestamp < filter.start) return false;
				if (filter.end !== undefined && event.timestamp >= filter.end) return false;
				if (filter.types && !filter.types.includes(event.type)) return false;
				if (filter.sourceType !== undefined && event.source.type !== filter.sourceType) return false;
				if (filter.actionId !== undefined && subject.actionId !== filter.actionId) return false;
				if (filter.notificationId !== undefined && subject.notificationId !== filter.notificationId) return false;
				if (filter.contactId !== undefined && subject.contactId !== filter.contactId) return false;
				return filter.messageId === undefined || subject.messageId === filter.messageId;
			})
			.map(({ event }) => event)
			.sort((a, b) => a.timestamp - b.timestamp);
	}

	/** The `execution` and `activation` events of a new delivery, both at its time. */
	recordDelivery(delivery: Delivery): Np6Event[] {
		return [
			this.add(event('execution', delivery, delivery.at, { execution: execution(delivery) })),
			this.add(event('activation', delivery, delivery.at, { activation: activation(delivery) })),
		];
	}

	/** Adds the event NP6 would publish for feedback on a delivery. */
	inject(delivery: Delivery, feedback: Feedback): Np6Event {
		const at = feedback.at ?? Date.now();
		switch (feedback.type) {
			case 'bounce':
				return this.add(event('bounce', delivery, at, { activation: activation(delivery), bounce: bounce(feedback.verdict) }));
			case 'hit':
				return this.add(
					event('hit', delivery, at, {
						activation: activation(delivery),
						link: { type: feedback.link, url: feedback.url ?? '' },
						...(feedback.classification ? { classification: feedback.classification } : {}),
					}),
				);
			case 'complaint':
				return this.add(event('complaint', delivery, at, { activation: activation(delivery) }));
			case 'cancellation':
				return this.add(
					event('cancellation', delivery, at, {
						execution: execution(delivery),
						cancellation: { type: 'user defined policy', value: { type: 'render', message: feedback.reason ?? 'cancelled' } },
					}),
				);
		}
	}
}

/**
 * SIMULATOR CONVENTION: the catalogue does not say where an event carries the message id an execution
 * answered, so every delivery event has it in `detail.message.id`.
 */
function event(type: EventType, delivery: Delivery, timestamp: number, detail: Record<string, unknown>): Np6Event {
	return {
		type,
		id: randomUUID(),
		timestamp,
		identity: { ...IDENTITY },
		source: { type: delivery.channel === 'push' ? 'notification' : 'email', detail: { ...detail, message: { id: delivery.messageId } } },
	};
}

/** `detail.execution`: the action (or notification) run for a contact. */
function execution(delivery: Delivery): Record<string, unknown> {
	return {
		...origin(delivery),
		recipient: { ...delivery.recipient },
		...(delivery.data ? { data: delivery.data } : {}),
		stamp: { ...delivery.stamp },
	};
}

/** `detail.activation`: the message handed over for delivery. Notifications name the contact `{type:"contact", value}`. */
function activation(delivery: Delivery): Record<string, unknown> {
	const { id, unicity, hash } = delivery.recipient;
	if (delivery.channel === 'push') {
		return { ...origin(delivery), receiver: { type: 'contact', value: { id, unicity, hash } }, stamp: { ...delivery.stamp } };
	}
	return { ...origin(delivery), receiver: { ...delivery.recipient }, stamp: { ...delivery.stamp }, recipient: delivery.address };
}

function origin(delivery: Delivery): Record<string, unknown> {
	return delivery.channel === 'push'
		? { id: delivery.notificationId, version: delivery.versionId, kind: 'application' }
		: { id: delivery.actionId, kind: 'message' };
}

function bounce(verdict: 'hard' | 'soft'): Record<string, unknown> {
	const hard = verdict === 'hard';
	return {
		status: {
			type: 'sync',
			code: { enhanced: hard ? '5.1.1' : '4.2.2' },
			diagnostic: hard ? 'bad destination mailbox address' : 'mailbox full',
			mta: '',
		},
		analysis: { verdict, subject: { type: hard ? 'address' : 'mailbox' } },
	};
}

/** The action or notification, contact and message an event is about (from its execution or activation detail). */
export function eventSubject(event: Np6Event): EventSubject {
	const detail = event.source.detail;
	const about = object(detail.execution) ?? object(detail.activation);
	const message = object(detail.message);
	const receiver = object(about?.receiver);
	const contact = object(about?.recipient) ?? (receiver?.type === 'contact' ? object(receiver.value) : receiver);
	const contactId = contact?.type === 'id' ? contact.value : contact?.id;
	return {
		actionId: event.source.type === 'email' && about?.id !== undefined ? String(about.id) : undefined,
		notificationId: event.source.type === 'notification' && about?.id !== undefined ? Number(about.id) : undefined,
		contactId: typeof contactId === 'string' ? contactId : undefined,
		messageId: typeof message?.id === 'string' ? message.id : undefined,
	};
}

/** The kind of a `hit` event (`source.detail.link.type`). */
export function hitKindOf(event: Np6Event): string | undefined {
	const kind = object(event.source.detail.link)?.type;
	return typeof kind === 'string' ? kind : undefined;
}

/** The verdict of a `bounce` event (`source.detail.bounce.analysis.verdict`). */
export function bounceVerdictOf(event: Np6Event): string | undefined {
	const verdict = object(object(event.source.detail.bounce)?.analysis)?.verdict;
	return typeof verdict === 'string' ? verdict : undefined;
}

function object(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
