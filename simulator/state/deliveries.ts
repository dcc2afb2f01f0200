import { randomUUID } from 'node:crypto';

import { ContactStore, type Contact, type Footprint } from './contacts';
import type { EventStore } from './events';

export type DeliveryChannel = 'email' | 'sms' | 'push';

/** Conversation-tracking stamp (catalogue model `Stamp`). */
export interface Stamp {
	/** Epoch ms. */
	time: number;
	id: string;
	thread: string;
	set?: string;
}

/** One message NP6 accepted for one contact: what a client must never send twice. */
export interface Delivery {
	/** The uuid the execution answered (`id` of a success result). */
	messageId: string;
	channel: DeliveryChannel;
	/** Email and SMS: the action sent. */
	actionId?: string;
	/** Push: the notification and the version sent. */
	notificationId?: number;
	versionId?: string;
	contactId: string;
	/** The contact as it was when sent. */
	recipient: Footprint;
	/** Where it went: email address, phone number, or the unicity value. */
	address: string;
	/** Epoch ms. */
	at: number;
	/** What the request overrode: subject, headers, content (email/SMS); title, body, ... (push). */
	overrides: Record<string, unknown>;
	data?: Record<string, unknown>;
	variables?: unknown[];
	/** Names of the attached files. */
	attachments: string[];
	stamp: Stamp;
	/** The message as rendered for the contact (subject, html, text; text for SMS; title, body, ... for push). */
	rendered: Record<string, unknown>;
	/** Set when the action archives its emails (`settings.archive`). */
	archiveId?: string;
}

export type DeliveryInput = Omit<Delivery, 'messageId' | 'contactId' | 'recipient' | 'at' | 'stamp' | 'archiveId' | 'attachments' | 'overrides'> & {
	contact: Contact;
	overrides?: Record<string, unknown>;
	attachments?: string[];
	/** The stamp sent with the request, completed by the server. */
	stamp?: Partial<Stamp>;
	archive?: boolean;
};

/** A send NP6 refused for one recipient while the others went out. */
export interface Rejection {
	actionId?: string;
	notificationId?: number;
	contactId: string;
	reason: 'redlist';
	at: number;
}

/** The log of every message sent; each delivery publishes its execution and activation events. */
export class DeliveryLog {
	readonly all: Delivery[] = [];
	readonly rejections: Rejection[] = [];
	private readonly byMessageId = new Map<string, Delivery>();

	constructor(private readonly events: EventStore) {}

	record(input: DeliveryInput, now = Date.now()): Delivery {
		const { contact, stamp, archive, overrides, attachments, ...rest } = input;
		const messageId = randomUUID();
		const delivery: Delivery = {
			...rest,
			messageId,
			contactId: contact.id,
			recipient: ContactStore.footprint(contact),
			at: now,
			overrides: overrides ?? {},
			attachments: attachments ?? [],
			stamp: { time: now, id: messageId, thread: randomUUID(), ...stamp },
			...(archive ? { archiveId: randomUUID() } : {}),
		};
		this.all.push(delivery);
		this.byMessageId.set(messageId, delivery);
		this.events.recordDelivery(delivery);
		return delivery;
	}

	reject(rejection: Omit<Rejection, 'at'>, now = Date.now()): void {
		this.rejections.push({ ...rejection, at: now });
	}

	get(messageId: string): Delivery | undefined {
		return this.byMessageId.get(messageId);
	}

	forAction(actionId: string): Delivery[] {
		return this.all.filter((d) => d.actionId === actionId);
	}

	forNotification(notificationId: number): Delivery[] {
		return this.all.filter((d) => d.notificationId === notificationId);
	}
}
