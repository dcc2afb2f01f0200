import { randomUUID } from 'node:crypto';

import type { Footprint } from './contacts';
import type { Delivery, DeliveryChannel } from './deliveries';
import type { DisplayContent } from './display';
import type { BounceVerdict, EventType, Np6Event } from './events';

/** The simulated account, as events name it. */
export const IDENTITY = { type: 'customer', agency: 'SIM', customer: '001' } as const;

/**
 * The `source.detail` of each kind of event (catalogue `models.Event.detailShapes`).
 *
 * SIMULATOR CONVENTION: the catalogue does not say where an event carries the message id an execution
 * answered, so every delivery event has it in `detail.message.id`.
 */
export function deliveryEvent(type: EventType, delivery: Delivery, timestamp: number, detail: Record<string, unknown>): Np6Event {
	return {
		type,
		id: randomUUID(),
		timestamp,
		identity: { ...IDENTITY },
		source: { type: delivery.channel === 'push' ? 'notification' : 'email', detail: { ...detail, message: { id: delivery.messageId } } },
	};
}

/** `detail.execution`: the action (or notification) run for a contact. */
export function execution(delivery: Delivery): Record<string, unknown> {
	return {
		...origin(delivery),
		recipient: { ...delivery.recipient },
		...(delivery.data ? { data: delivery.data } : {}),
		stamp: { ...delivery.stamp },
	};
}

/** `detail.activation`: the message handed over for delivery. Notifications name the contact `{type:"contact", value}`. */
export function activation(delivery: Delivery): Record<string, unknown> {
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

/** SIMULATOR CONVENTION: what the documented SMTP bounce says, in each channel's terms. */
const BOUNCES: Record<DeliveryChannel, Record<BounceVerdict, { code: string; diagnostic: string; subject: string }>> = {
	email: {
		hard: { code: '5.1.1', diagnostic: 'bad destination mailbox address', subject: 'address' },
		soft: { code: '4.2.2', diagnostic: 'mailbox full', subject: 'mailbox' },
	},
	sms: {
		hard: { code: '5.1.1', diagnostic: 'unknown subscriber', subject: 'address' },
		soft: { code: '4.4.1', diagnostic: 'absent subscriber', subject: 'network' },
	},
	push: {
		hard: { code: '5.1.1', diagnostic: 'unregistered device token', subject: 'address' },
		soft: { code: '4.4.1', diagnostic: 'device unreachable', subject: 'network' },
	},
};

/** `detail.bounce`: status and analysis; the verdict is at `analysis.verdict`. */
export function bounce(channel: DeliveryChannel, verdict: BounceVerdict): Record<string, unknown> {
	const { code, diagnostic, subject } = BOUNCES[channel][verdict];
	return {
		status: { type: 'sync', code: { enhanced: code }, diagnostic, mta: '' },
		analysis: { verdict, subject: { type: subject } },
	};
}

/**
 * A display activation: a content shown to a contact. SIMULATOR CONVENTION (the catalogue has seen no
 * display event): `source.type` "display", `detail.activation {id: content id, campaign: display campaign
 * id, kind: "display", receiver: footprint}`.
 */
export function displayActivationEvent(content: DisplayContent, contact: Footprint, timestamp: number): Np6Event {
	return {
		type: 'activation',
		id: randomUUID(),
		timestamp,
		identity: { ...IDENTITY },
		source: { type: 'display', detail: { activation: { id: content.id, campaign: content.campaign, kind: 'display', receiver: { ...contact } } } },
	};
}
