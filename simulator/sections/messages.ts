import type { Np6State } from '../state';
import { ContactStore, type Contact, type Footprint, type RedlistMedium } from '../state/contacts';
import type { DeliveryInput } from '../state/deliveries';
import type { ContactReference } from './requestValues';

/** One entry of an execution answer (catalogue model `ExecutionResult`). */
export type ExecutionResult =
	| { type: 'success'; id: string; recipient: Footprint }
	| { type: 'error'; value: { type: 'recipient not found' | 'recipient redlisted'; recipient: unknown } };

/** A recipient of a send: as the request wrote it (echoed in errors) and as parsed. */
export interface Addressee {
	sent: unknown;
	reference: ContactReference;
}

export interface SendPlan {
	/** The redlist that blocks the channel (none for push). */
	redlist?: RedlistMedium;
	origin: { actionId?: string; notificationId?: number };
	/** The delivery of the message to a resolved contact. */
	delivery(contact: Contact): DeliveryInput;
}

/**
 * Sends one message. Sends never create contacts: an unknown recipient gives an error entry while the
 * other recipients of a batch still succeed (HTTP 200). SIMULATOR CHOICE: a contact on the channel's
 * redlist gives an error entry too (`recipient redlisted`), and counts as rejected in the statistics.
 */
export function sendMessage(state: Np6State, addressee: Addressee, plan: SendPlan): ExecutionResult {
	const contact = state.contacts.find(addressee.reference);
	if (!contact) return { type: 'error', value: { type: 'recipient not found', recipient: addressee.sent } };
	if (plan.redlist && ContactStore.isRedlisted(contact, plan.redlist)) {
		state.deliveries.reject({ ...plan.origin, contactId: contact.id, reason: 'redlist' });
		return { type: 'error', value: { type: 'recipient redlisted', recipient: addressee.sent } };
	}
	const delivery = state.deliveries.record(plan.delivery(contact));
	return { type: 'success', id: delivery.messageId, recipient: delivery.recipient };
}
