import type { SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import type { Contact } from '../state/contacts';
import type { EventQuery } from '../state/events';
import { eventStream, hits, only, type Scope } from './eventStreams';
import { queryUnicity, queryValue } from './requestValues';

/**
 * Catalogue section "Contact" events (docSlug contactevent): every event about one contact, whatever
 * its source, the contact named by id in the path, or by `?id=`, `?unicity=` or `?hash=` (the stop
 * events share one path and are routed on the query key). 404 for an unknown contact.
 */
export function contactEventsSection(state: Np6State): SectionHandlers {
	const { contacts } = state;
	const about = (contact: Contact | undefined) => (contact ? { contactId: contact.id } : undefined);
	const inPath: Scope = (request) => about(contacts.byId.get(request.params.id));
	const byQuery =
		(key: 'id' | 'unicity' | 'hash'): Scope =>
		(request: SimRequest) =>
			about(contacts.find({ [key]: key === 'unicity' ? queryUnicity(request) : queryValue(request, key) }));
	const stream = (selection: EventQuery, scope: Scope) => eventStream(state, selection, scope);
	const stops: EventQuery = { kinds: [{ type: 'reply', subtypes: ['stop'] }] };

	return {
		'contactEvent.list': stream({}, inPath),
		'contactEvent.listActivations': stream(only('activation'), inPath),
		'contactEvent.listFormHits': stream(hits('form'), inPath),
		'contactEvent.listOpenHits': stream(hits('open'), inPath),
		'contactEvent.listById': stream({}, byQuery('id')),
		'contactEvent.listHitsById': stream(hits(), byQuery('id')),
		'contactEvent.listActivationsByHash': stream(only('activation'), byQuery('hash')),
		'contactEvent.listStopsById': stream(stops, byQuery('id')),
		'contactEvent.listStopsByUnicity': stream(stops, byQuery('unicity')),
		'contactEvent.listStopsByHash': stream(stops, byQuery('hash')),
	};
}
