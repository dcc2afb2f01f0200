import type { SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import type { EventQuery } from '../state/events';
import { eventStream, hits, only, reactions } from './eventStreams';
import { pathInteger } from './requestValues';

/**
 * Catalogue sections "Notification" events (docSlug notificationevent) and reactivity
 * (notificationreactivity): the events of push notifications (source "notification"), of every
 * notification or of one (404 for an unknown one).
 */
export function notificationEventsSection(state: Np6State): SectionHandlers {
	const push: EventQuery = { sourceType: 'notification' };
	const ofNotification = (request: SimRequest) => {
		const id = pathInteger(request, 'id');
		return id !== undefined && state.notifications.byId.has(id) ? { notificationId: id } : undefined;
	};
	const all = (selection: EventQuery) => eventStream(state, { ...push, ...selection });
	const one = (selection: EventQuery) => eventStream(state, { ...push, ...selection }, ofNotification);

	return {
		'notificationEvent.listActivations': one(only('activation')),
		'notificationEvent.listExecutions': one(only('execution')),
		'notificationEvent.listCancellations': one(only('cancellation')),

		'notificationReactivity.list': all(reactions),
		'notificationReactivity.listImpressions': all(only('impression')),
		'notificationReactivity.listHits': all(hits()),
		'notificationReactivity.listOptouts': all(only('optout')),
		'notificationReactivity.listBounces': all(only('bounce')),
		'notificationReactivity.listForNotification': one(reactions),
		'notificationReactivity.listImpressionsForNotification': one(only('impression')),
		'notificationReactivity.listHitsForNotification': one(hits()),
		'notificationReactivity.listOptoutsForNotification': one(only('optout')),
		'notificationReactivity.listBouncesForNotification': one(only('bounce')),
	};
}
