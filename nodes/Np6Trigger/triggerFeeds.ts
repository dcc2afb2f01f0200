import type { EventFeedName } from '../shared/np6/eventFeeds';

/** What the trigger can start a workflow on, and the NP6 feed it polls for all actions (notifications) or one. */
export interface TriggerFeed {
	value: string;
	name: string;
	description: string;
	all: EventFeedName;
	one: EventFeedName;
	owner: 'action' | 'notification';
	/** Event types to keep, where the feed mixes several. */
	types?: string[];
	hits?: boolean;
	bounces?: boolean;
}

export const TRIGGER_FEEDS: TriggerFeed[] = [
	{ value: 'bounced', name: 'Email or SMS Bounced', description: 'A message could not be delivered (hard or soft bounce)', all: 'actionBounces', one: 'actionBouncesReactivityOf', owner: 'action', bounces: true },
	{ value: 'cancelled', name: 'Email or SMS Cancelled', description: 'NP6 did not send a message (e.g. it could not be rendered)', all: 'actionCancellations', one: 'actionCancellationsOf', owner: 'action' },
	{ value: 'clicked', name: 'Email Link Clicked', description: 'A contact clicked a tracked link', all: 'actionClicks', one: 'actionClicksOf', owner: 'action', hits: true },
	{ value: 'complained', name: 'Email Marked as Spam', description: 'A contact complained about a message', all: 'actionReactivities', one: 'actionReactivitiesOf', owner: 'action', types: ['complaint'] },
	{ value: 'opened', name: 'Email Opened', description: 'A contact opened an email', all: 'actionOpens', one: 'actionOpensOf', owner: 'action', hits: true },
	{ value: 'sent', name: 'Email or SMS Sent', description: 'A message was handed over for delivery (activation)', all: 'actionEvents', one: 'actionActivationsOf', owner: 'action', types: ['activation'] },
	{ value: 'unsubscribed', name: 'Email Unsubscribe', description: "A contact used a message's unsubscribe link", all: 'actionUnsubscribes', one: 'actionUnsubscribesOf', owner: 'action', hits: true },
	{ value: 'pushDisplayed', name: 'Push Notification Displayed', description: 'A push notification was shown on a device', all: 'notificationImpressions', one: 'notificationImpressionsOf', owner: 'notification' },
	{ value: 'pushOptedOut', name: 'Push Notification Opt-Out', description: 'A contact turned push notifications off', all: 'notificationOptouts', one: 'notificationOptoutsOf', owner: 'notification' },
	{ value: 'pushTapped', name: 'Push Notification Tapped', description: 'A contact tapped a push notification', all: 'notificationHits', one: 'notificationHitsOf', owner: 'notification' },
];
