import type { ContactStore } from './contacts';

/** A push subscription of a contact to a notifiable application. */
export interface Subscription {
	id: string;
	application: string;
	provider: { type: string; token: string };
	contactId: string;
	created: string;
	modified: string;
}

export type SubscriptionInput = Pick<Subscription, 'id' | 'application' | 'provider' | 'contactId'>;

/** Subscriptions keyed by their uuid; a deleted contact loses its subscriptions. */
export class SubscriptionStore {
	readonly byId = new Map<string, Subscription>();

	constructor(contacts: ContactStore) {
		contacts.onDelete((contact) => this.deleteForContact(contact.id));
	}

	/** Creates the subscription, or replaces it (keeping its creation date) when the id exists. */
	upsert(input: SubscriptionInput, now = new Date()): Subscription {
		const stamp = now.toISOString();
		const subscription: Subscription = { ...input, created: this.byId.get(input.id)?.created ?? stamp, modified: stamp };
		this.byId.set(subscription.id, subscription);
		return subscription;
	}

	delete(id: string): boolean {
		return this.byId.delete(id);
	}

	forContact(contactId: string): Subscription[] {
		return [...this.byId.values()].filter((s) => s.contactId === contactId);
	}

	deleteForContact(contactId: string): void {
		this.forContact(contactId).forEach((s) => this.byId.delete(s.id));
	}
}
