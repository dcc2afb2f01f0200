import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { contactAddressProperties, readContactAddress } from '../../../shared/operations/contactAddress';
import { readParameter, setPath, toProperties, type ParameterSpec } from '../../../shared/operations/parameterSpec';
import { EVENT_FEEDS } from '../../../shared/np6/eventFeeds';
import { readSendOptions, sendInBatches, sendOptionsProperty, type SendChannel } from '../../../shared/np6/batchedSends';
import { NOTIFICATION_NOT_FOUND, notificationProperty, notificationSpec } from './notificationParameters';

export const catalogue = ['notification.execute', 'notification.executeMany', EVENT_FEEDS.notificationActivationsOf.catalogue];

export const MAYBE_SENT = "NP6 may or may not have sent this notification; check the notification's events before sending again";

/** Overrides of one send, as the catalogue's execution body allows them. */
const overrides: ParameterSpec[] = [
	{ name: 'title', label: 'Title', in: 'body', optional: true, description: 'Replaces the title of the notification' },
	{ name: 'body', label: 'Body', in: 'body', optional: true, description: 'Replaces the body text of the notification' },
	{ name: 'icon', label: 'Icon', in: 'body', optional: true, description: 'Replaces the icon (URL)' },
	{ name: 'image', label: 'Image', in: 'body', optional: true, description: 'Replaces the image (URL)' },
	{ name: 'thumbnail', label: 'Thumbnail', in: 'body', optional: true, description: 'Replaces the thumbnail (URL)' },
	{
		name: 'data',
		label: 'Data (JSON)',
		in: 'body',
		type: 'json',
		optional: true,
		description: 'An object of values used to render the notification, e.g. {"orderId": "A12"}',
	},
	{
		name: 'variables',
		label: 'Variables (JSON)',
		in: 'body',
		type: 'json',
		optional: true,
		description: 'An array of variable objects used to render the notification',
	},
	{ name: 'urgent', label: 'Urgent', in: 'body', type: 'boolean', optional: true, description: 'Whether NP6 treats this send as urgent' },
];

const properties: INodeProperties[] = [
	notificationProperty,
	...contactAddressProperties(),
	...toProperties(overrides),
	sendOptionsProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['notification'], operation: ['send'] } }, properties);

/**
 * Send: the notification to the contact of each input item, in batches
 * (POST /notifications/{id}/executions; /execution for a batch of one).
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await sendInBatches.call(this, notificationChannel, readSendOptions.call(this));
}

const notificationChannel: SendChannel = {
	async prepare(itemIndex) {
		const notificationId = readParameter.call(this, notificationSpec, itemIndex) as number;
		const contact = readContactAddress.call(this, itemIndex);
		// Notifications name the recipient as an identifiable contact (catalogue: Recipient model notes and the
		// execution body's object-typed `recipient.value`), unlike actions' {type:"unicity", value:[...]}.
		const message: IDataObject = { recipient: { type: 'contact', value: { [contact.way]: contact.value } } };
		for (const spec of overrides) {
			const value = readParameter.call(this, spec, itemIndex);
			if (value !== undefined) setPath(message, spec.key ?? spec.name, value);
		}
		return { target: String(notificationId), message };
	},
	async open(notificationId) {
		return {
			path: (single) => `/notifications/${notificationId}/${single ? 'execution' : 'executions'}`,
			meanings: { ...NOTIFICATION_NOT_FOUND, 409: "The notification is not active (online), or the API key's user may not send it" },
		};
	},
	sent: (notificationId, result) => ({ status: 'sent', notificationId: Number(notificationId), messageId: result.id, recipient: result.recipient }),
	activations: EVENT_FEEDS.notificationActivationsOf,
	skipped: (notificationId, recipient, activation) => ({
		status: 'skipped',
		reason: 'This contact already got this notification: NP6 recorded its activation',
		notificationId: Number(notificationId),
		recipient,
		activationId: activation.eventId,
		activatedAt: activation.occurredAt,
	}),
	unknownOutcome: MAYBE_SENT,
};
