import type { INodeProperties } from 'n8n-workflow';

import { campaignEventsOperation } from '../../shared/np6/campaignEvents';
import type { ParameterSpec } from '../../shared/operations/parameterSpec';
import { defineResource } from '../../shared/operations/resource';
import type { Np6Resource } from '../../shared/operations/types';
import * as contactEvents from './contactEvents.operation';
import { declareEventFeed } from './eventFeed.operation';
import { PICKERS } from '../../shared/methods/pickers';

const action: ParameterSpec = { name: 'action', label: 'Action', in: 'path', picker: PICKERS.action };
const notification: ParameterSpec = {
	name: 'notification',
	label: 'Notification',
	in: 'path',
	picker: PICKERS.notification,
};
const content: ParameterSpec = { name: 'contentId', label: 'Display Content ID', in: 'path', placeholder: 'e.g. 42' };
const FROM_OLDER_DOCS = 'known from older public NP6 docs only: check the result on your account';

const getMany = (resource: string, what: string, operation: ReturnType<typeof declareEventFeed>) =>
	defineResource(resource, 'getAll', [{ value: 'getAll', name: 'Get Many', action: `Get many ${what}`, description: `List ${what} in a date range`, operation }]);

export const resources: Record<string, Np6Resource> = {
	emailEvent: getMany(
		'emailEvent',
		'email and SMS events',
		declareEventFeed({
			resource: 'emailEvent',
			owner: { plural: 'Actions', picker: action },
			reactivity: false,
			hits: true,
			bounces: true,
			kinds: [
				{ value: 'all', name: 'All Events', description: 'Sends, cancellations and reactions of every action', all: 'actionEvents' },
				{ value: 'activations', name: 'Activations (Sends)', description: 'Messages handed over for delivery', one: 'actionActivationsOf' },
				{ value: 'bounces', name: 'Bounces', one: 'actionBouncesOf' },
				{ value: 'cancellations', name: 'Cancellations', description: 'Messages NP6 did not send (e.g. a rendering error)', all: 'actionCancellations', one: 'actionCancellationsOf' },
				{ value: 'mirror', name: 'Mirror Page Views', one: 'actionMirrorHitsOf' },
			],
		}),
	),
	emailReactivity: getMany(
		'emailReactivity',
		'reactions to emails and SMS',
		declareEventFeed({
			resource: 'emailReactivity',
			owner: { plural: 'Actions', picker: action },
			reactivity: true,
			hits: true,
			bounces: true,
			kinds: [
				{ value: 'all', name: 'All Reactions', all: 'actionReactivities', one: 'actionReactivitiesOf' },
				{ value: 'bounces', name: 'Bounces', all: 'actionBounces', one: 'actionBouncesReactivityOf' },
				{ value: 'clicks', name: 'Clicks', description: 'Clicks on tracked links', all: 'actionClicks', one: 'actionClicksOf' },
				{ value: 'form', name: 'Form Hits', description: `Form posts (${FROM_OLDER_DOCS})`, all: 'actionFormHits', one: 'actionFormHitsOf' },
				{ value: 'hits', name: 'Hits (All Kinds)', description: 'Opens, clicks, unsubscribes, mirror views and form posts', all: 'actionHits', one: 'actionHitsOf' },
				{ value: 'mirror', name: 'Mirror Page Views', all: 'actionMirrorHits', one: 'actionMirrorHitsReactivityOf' },
				{ value: 'opens', name: 'Opens', all: 'actionOpens', one: 'actionOpensOf' },
				{ value: 'unsubscribes', name: 'Unsubscribes', all: 'actionUnsubscribes', one: 'actionUnsubscribesOf' },
			],
		}),
	),
	notificationEvent: getMany(
		'notificationEvent',
		'push notification events',
		declareEventFeed({
			resource: 'notificationEvent',
			owner: { plural: 'Notifications', picker: notification },
			reactivity: false,
			hits: false,
			bounces: false,
			kinds: [
				{ value: 'activations', name: 'Activations (Sends)', one: 'notificationActivationsOf' },
				{ value: 'cancellations', name: 'Cancellations', one: 'notificationCancellationsOf' },
				{ value: 'executions', name: 'Executions', description: 'The notification run for a contact', one: 'notificationExecutionsOf' },
			],
		}),
	),
	notificationReactivity: getMany(
		'notificationReactivity',
		'reactions to push notifications',
		declareEventFeed({
			resource: 'notificationReactivity',
			owner: { plural: 'Notifications', picker: notification },
			reactivity: true,
			hits: true,
			bounces: true,
			kinds: [
				{ value: 'all', name: 'All Reactions', all: 'notificationReactivities', one: 'notificationReactivitiesOf' },
				{ value: 'bounces', name: 'Bounces', all: 'notificationBounces', one: 'notificationBouncesOf' },
				{ value: 'hits', name: 'Hits', description: 'Taps on the notification', all: 'notificationHits', one: 'notificationHitsOf' },
				{ value: 'impressions', name: 'Impressions', description: 'Notifications displayed on a device', all: 'notificationImpressions', one: 'notificationImpressionsOf' },
				{ value: 'optouts', name: 'Opt-Outs', all: 'notificationOptouts', one: 'notificationOptoutsOf' },
			],
		}),
	),
	displayEvent: getMany(
		'displayEvent',
		'display events',
		declareEventFeed({
			resource: 'displayEvent',
			owner: { plural: 'Contents', picker: content },
			reactivity: false,
			hits: false,
			bounces: false,
			kinds: [{ value: 'activations', name: 'Activations (Displays)', all: 'displayActivations', one: 'displayActivationsOf' }],
		}),
	),
	contactEvent: defineResource('contactEvent', 'getAll', [
		{ value: 'getAll', name: 'Get Many', action: "Get a contact's events", description: "List a contact's events in a date range", operation: contactEvents },
	]),
	campaignEvent: defineResource('campaignEvent', 'getAll', [
		{ value: 'getAll', name: 'Get Many', action: "Get a campaign's events", description: "List the events of a campaign's actions in a date range", operation: campaignEventsOperation('campaignEvent', 'getAll') },
	]),
};

export const resourceChoice: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'emailReactivity',
	options: [
		{ name: 'Campaign Event', value: 'campaignEvent', description: "Events of a campaign's email actions" },
		{ name: 'Contact Event', value: 'contactEvent', description: 'Sends, opens, clicks and STOP replies of one contact' },
		{ name: 'Display Event', value: 'displayEvent', description: 'Displays of NP6 display contents' },
		{ name: 'Email & SMS Event', value: 'emailEvent', description: 'Sends, cancellations and bounces of email and SMS actions' },
		{ name: 'Email & SMS Reactivity', value: 'emailReactivity', description: 'Opens, clicks, unsubscribes and bounces, by when contacts reacted' },
		{ name: 'Push Notification Event', value: 'notificationEvent', description: 'Sends, executions and cancellations of a push notification' },
		{ name: 'Push Notification Reactivity', value: 'notificationReactivity', description: 'Impressions, taps, opt-outs and bounces of push notifications' },
	],
};
