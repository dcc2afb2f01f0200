/**
 * NP6's event streams (pull only: NP6 has no webhooks), as the catalogue names them. Each stream
 * answers the whole filtered array at once; `start`/`end` (or, for reactivities, the reaction's and
 * the send's windows) bound it, `start` inclusive and `end` exclusive.
 */
export type EventWindowKind =
	/** `start`/`end` on the event's own time. */
	| 'event'
	/** `reactivityStart`/`reactivityEnd` on the reaction's time, `activationStart`/`activationEnd` on the send's. */
	| 'reactivity';

export interface EventFeed {
	/** Catalogue key. */
	catalogue: string;
	method: 'GET' | 'POST';
	/** With `{id}` where the stream belongs to one action, notification, contact, content or campaign. */
	path: string;
	window: EventWindowKind;
	/** The stream takes `classification` (hits: genericrobot, mpp, gsr). */
	classification?: boolean;
	/** Query key naming the contact where the path does not (`id`, `unicity` or `hash`). */
	contactQuery?: 'id' | 'unicity' | 'hash';
}

const event = (catalogue: string, path: string, extra: Partial<EventFeed> = {}): EventFeed => ({ catalogue, method: 'GET', path, window: 'event', ...extra });
const reactivity = (catalogue: string, path: string): EventFeed => ({ catalogue, method: 'GET', path, window: 'reactivity' });

const feeds = {
	actionEvents: event('actionEvent.list', '/actions/events'),
	actionCancellations: event('actionEvent.listCancellations', '/actions/events/cancellations'),
	actionActivationsOf: event('actionEvent.listActivationsForAction', '/actions/{id}/events/activations'),
	actionCancellationsOf: event('actionEvent.listCancellationsForAction', '/actions/{id}/events/cancellations'),
	actionBouncesOf: event('actionEvent.listBouncesForAction', '/actions/{id}/events/bounces'),
	actionMirrorHitsOf: event('actionEvent.listMirrorHitsForAction', '/actions/{id}/events/hits/mirror', { classification: true }),

	notificationActivationsOf: event('notificationEvent.listActivations', '/notifications/{id}/events/activations'),
	notificationExecutionsOf: event('notificationEvent.listExecutions', '/notifications/{id}/events/executions'),
	notificationCancellationsOf: event('notificationEvent.listCancellations', '/notifications/{id}/events/cancellations'),

	displayActivations: event('displayEvent.listActivations', '/display/events/activations'),
	displayActivationsOf: event('displayEvent.listActivationsForContent', '/display/content/{id}/events/activations'),

	actionReactivities: reactivity('actionReactivity.list', '/actions/reactivities'),
	actionBounces: reactivity('actionReactivity.listBounces', '/actions/reactivities/bounces'),
	actionHits: reactivity('actionReactivity.listHits', '/actions/reactivities/hits'),
	actionOpens: reactivity('actionReactivity.listOpenHits', '/actions/reactivities/hits/open'),
	actionClicks: reactivity('actionReactivity.listRedirectionHits', '/actions/reactivities/hits/redirection'),
	actionUnsubscribes: reactivity('actionReactivity.listUnsubscribeHits', '/actions/reactivities/hits/unsubscribe'),
	actionMirrorHits: reactivity('actionReactivity.listMirrorHits', '/actions/reactivities/hits/mirror'),
	actionFormHits: reactivity('actionReactivity.listFormHits', '/actions/reactivities/hits/form'),
	actionReactivitiesOf: reactivity('actionReactivity.listForAction', '/actions/{id}/reactivities'),
	actionBouncesReactivityOf: reactivity('actionReactivity.listBouncesForAction', '/actions/{id}/reactivities/bounces'),
	actionHitsOf: reactivity('actionReactivity.listHitsForAction', '/actions/{id}/reactivities/hits'),
	actionOpensOf: reactivity('actionReactivity.listOpenHitsForAction', '/actions/{id}/reactivities/hits/open'),
	actionClicksOf: reactivity('actionReactivity.listRedirectionHitsForAction', '/actions/{id}/reactivities/hits/redirection'),
	actionUnsubscribesOf: reactivity('actionReactivity.listUnsubscribeHitsForAction', '/actions/{id}/reactivities/hits/unsubscribe'),
	actionMirrorHitsReactivityOf: reactivity('actionReactivity.listMirrorHitsForAction', '/actions/{id}/reactivities/hits/mirror'),
	actionFormHitsOf: reactivity('actionReactivity.listFormHitsForAction', '/actions/{id}/reactivities/hits/form'),

	notificationReactivities: reactivity('notificationReactivity.list', '/notifications/reactivities'),
	notificationImpressions: reactivity('notificationReactivity.listImpressions', '/notifications/reactivities/impressions'),
	notificationHits: reactivity('notificationReactivity.listHits', '/notifications/reactivities/hits'),
	notificationOptouts: reactivity('notificationReactivity.listOptouts', '/notifications/reactivities/optouts'),
	notificationBounces: reactivity('notificationReactivity.listBounces', '/notifications/reactivities/bounces'),
	notificationReactivitiesOf: reactivity('notificationReactivity.listForNotification', '/notifications/{id}/reactivities'),
	notificationImpressionsOf: reactivity('notificationReactivity.listImpressionsForNotification', '/notifications/{id}/reactivities/impressions'),
	notificationHitsOf: reactivity('notificationReactivity.listHitsForNotification', '/notifications/{id}/reactivities/hits'),
	notificationOptoutsOf: reactivity('notificationReactivity.listOptoutsForNotification', '/notifications/{id}/reactivities/optouts'),
	notificationBouncesOf: reactivity('notificationReactivity.listBouncesForNotification', '/notifications/{id}/reactivities/bounces'),

	contactEventsOf: event('contactEvent.list', '/targets/{id}/events'),
	contactActivationsOf: event('contactEvent.listActivations', '/targets/{id}/events/activations'),
	contactFormHitsOf: event('contactEvent.listFormHits', '/targets/{id}/events/hits/form', { classification: true }),
	contactOpensOf: event('contactEvent.listOpenHits', '/targets/{id}/events/hits/open', { classification: true }),
	contactEventsById: event('contactEvent.listById', '/targets/events', { classification: true, contactQuery: 'id' }),
	contactHitsById: event('contactEvent.listHitsById', '/targets/events/hits', { classification: true, contactQuery: 'id' }),
	contactActivationsByHash: event('contactEvent.listActivationsByHash', '/targets/events/activations', { contactQuery: 'hash' }),
	contactStopsById: event('contactEvent.listStopsById', '/targets/events/responses/stop', { contactQuery: 'id' }),
	contactStopsByUnicity: event('contactEvent.listStopsByUnicity', '/targets/events/responses/stop', { contactQuery: 'unicity' }),
	contactStopsByHash: event('contactEvent.listStopsByHash', '/targets/events/responses/stop', { contactQuery: 'hash' }),

	campaignEvents: { catalogue: 'campaignEvent.query', method: 'POST', path: '/campaigns/{id}/events', window: 'event' },
} satisfies Record<string, EventFeed>;

export type EventFeedName = keyof typeof feeds;
export const EVENT_FEEDS: Record<EventFeedName, EventFeed> = feeds;
