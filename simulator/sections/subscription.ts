import { randomUUID } from 'node:crypto';

import { fail, noContent, ok } from '../core/replies';
import type { Handler, SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { ContactStore } from '../state/contacts';
import type { Subscription, SubscriptionInput } from '../state/subscriptions';
import { asObject, contactReference, queryUnicity, queryValue, type ContactReference } from './requestValues';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Catalogue section "Subscription" (docSlug subscription): push subscriptions of contacts. The per-contact
 * operations name the contact by id (path), unicity or hash (query; same path, routed on the query key).
 */
export function subscriptionSection(state: Np6State): SectionHandlers {
	const { subscriptions, contacts } = state;
	const view = (subscription: Subscription) => {
		const { id, application, provider, contactId, created, modified } = subscription;
		return {
			id,
			lifecycle: { creation: { date: created, user: null }, modification: { date: modified, user: null } },
			application,
			provider: { ...provider },
			contact: ContactStore.footprint(contacts.byId.get(contactId)!),
		};
	};

	const listFor =
		(reference: (request: SimRequest) => ContactReference): Handler =>
		(request) => {
			const contact = contacts.find(reference(request));
			return contact ? ok(subscriptions.forContact(contact.id).map(view)) : fail(404);
		};
	const deleteFor =
		(reference: (request: SimRequest) => ContactReference): Handler =>
		(request) => {
			const contact = contacts.find(reference(request));
			if (!contact) return fail(404);
			subscriptions.deleteForContact(contact.id);
			return noContent();
		};
	const byId = (request: SimRequest) => ({ id: request.params.id });
	const byUnicity = (request: SimRequest) => ({ unicity: queryUnicity(request) });
	const byHash = (request: SimRequest) => ({ hash: queryValue(request, 'hash') });

	return {
		// Keyed by the client's subscription id (one is generated when missing); the server fills lifecycle.
		'subscription.upsert': (request) => {
			const body = parseSubscription(request.body);
			if (!body) return fail(400);
			const contact = contacts.find(body.contact);
			if (!contact) return fail(404);
			return ok(view(subscriptions.upsert({ ...body.subscription, contactId: contact.id })));
		},

		'subscription.get': (request) => {
			const subscription = subscriptions.byId.get(request.params.id);
			return subscription ? ok(view(subscription)) : fail(404);
		},

		'subscription.delete': (request) => (subscriptions.delete(request.params.id) ? noContent() : fail(404)),

		'subscription.listForContactId': listFor(byId),
		'subscription.listForContactUnicity': listFor(byUnicity),
		'subscription.listForContactHash': listFor(byHash),
		'subscription.deleteForContactId': deleteFor(byId),
		'subscription.deleteForContactUnicity': deleteFor(byUnicity),
		'subscription.deleteForContactHash': deleteFor(byHash),
	};
}

/** `{id?, application, provider: {type, token}, contact}`; undefined when malformed. */
function parseSubscription(
	value: unknown,
): { subscription: Omit<SubscriptionInput, 'contactId'>; contact: ContactReference } | undefined {
	const body = asObject(value);
	const provider = asObject(body?.provider);
	const contact = contactReference(body?.contact);
	const id = body?.id ?? randomUUID();
	if (!body || !contact || typeof id !== 'string' || !UUID.test(id)) return undefined;
	if (typeof body.application !== 'string' || !UUID.test(body.application)) return undefined;
	if (typeof provider?.type !== 'string' || typeof provider.token !== 'string') return undefined;
	return {
		subscription: { id, application: body.application, provider: { type: provider.type, token: provider.token } },
		contact,
	};
}
