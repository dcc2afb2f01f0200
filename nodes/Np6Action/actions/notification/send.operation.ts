import {
	NodeApiError,
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { contactAddressProperties, readContactAddress } from '../../../shared/operations/contactAddress';
import { readParameter, setPath, toProperties, type ParameterSpec } from '../../../shared/operations/parameterSpec';
import { np6ApiRequest } from '../../../shared/transport/request';
import { NOTIFICATION_NOT_FOUND, notificationProperty, notificationSpec } from './notificationParameters';

export const catalogue = ['notification.execute', 'notification.executeMany'];

export const DEFAULT_BATCH_SIZE = 50;

export const MAYBE_SENT = "NP6 may or may not have sent this notification; check the notification's events before sending again";

/** What the request helper says when it did not repeat a POST whose outcome is unknown. */
const NOT_REPEATED_MARK = 'may or may not have carried out';

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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_BATCH_SIZE,
				description: 'How many input items (recipients) go into one request to NP6',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['notification'], operation: ['send'] } }, properties);

interface Send {
	itemIndex: number;
	notificationId: number;
	message: IDataObject;
}

type Outcome = { ok: true; json: IDataObject } | { ok: false; error: NodeApiError | NodeOperationError };

/**
 * Send: sends the notification to the contact of each input item. The items are checked first, then
 * sent in batches (POST /notifications/{id}/executions; /execution for a batch of one), and NP6's
 * per-recipient results are mapped back to their items. A POST is never repeated: when a batch's
 * outcome is unknown, its items fail with an error that says so and the next batches go on.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const outcomes = new Map<number, Outcome>();
	const sends: Send[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			sends.push(readSend.call(this, itemIndex));
		} catch (error) {
			const nodeError = asNodeError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			outcomes.set(itemIndex, { ok: false, error: nodeError });
		}
	}

	const { batchSize = DEFAULT_BATCH_SIZE } = this.getNodeParameter('options', 0, {}) as { batchSize?: number };
	for (const batch of batches(sends, Math.max(1, Math.floor(batchSize) || DEFAULT_BATCH_SIZE))) {
		for (const [itemIndex, outcome] of await sendBatch.call(this, batch)) outcomes.set(itemIndex, outcome);
	}

	const failed = [...outcomes.entries()].filter(([, o]) => !o.ok).sort(([a], [b]) => a - b);
	if (failed.length > 0 && !this.continueOnFail()) {
		const [itemIndex, outcome] = failed[0] as [number, { ok: false; error: NodeApiError | NodeOperationError }];
		const sent = [...outcomes.values()].filter((o) => o.ok).length;
		const error = outcome.error;
		error.context.itemIndex = itemIndex;
		if (sent > 0) {
			error.description = [
				error.description,
				`${sent} other item(s) were sent and ${failed.length} failed; running the node again would send those ${sent} again. Turn on "Continue On Fail" (Settings → On Error) to get one result per item.`,
			]
				.filter(Boolean)
				.join(' ');
		}
		throw error;
	}

	return items.map((_, itemIndex) => {
		const outcome = outcomes.get(itemIndex)!;
		const json = outcome.ok
			? outcome.json
			: { error: outcome.error.message, ...(outcome.error.description ? { details: outcome.error.description } : {}) };
		return { json, pairedItem: { item: itemIndex } };
	});
}

/** One item's send, checked before any request. */
function readSend(this: IExecuteFunctions, itemIndex: number): Send {
	const notificationId = readParameter.call(this, notificationSpec, itemIndex) as number;
	const contact = readContactAddress.call(this, itemIndex);
	// Notifications name the recipient as an identifiable contact (catalogue: Recipient model notes and the
	// execution body's object-typed `recipient.value`), unlike actions' {type:"unicity", value:[...]}.
	const message: IDataObject = { recipient: { type: 'contact', value: { [contact.way]: contact.value } } };
	for (const spec of overrides) {
		const value = readParameter.call(this, spec, itemIndex);
		if (value !== undefined) setPath(message, spec.key ?? spec.name, value);
	}
	return { itemIndex, notificationId, message };
}

/** Consecutive runs of up to `size` sends, per notification, in input order. */
function batches(sends: Send[], size: number): Send[][] {
	const byNotification = new Map<number, Send[]>();
	for (const send of sends) byNotification.set(send.notificationId, [...(byNotification.get(send.notificationId) ?? []), send]);
	const result: Send[][] = [];
	for (const group of byNotification.values()) {
		for (let start = 0; start < group.length; start += size) result.push(group.slice(start, start + size));
	}
	return result;
}

async function sendBatch(this: IExecuteFunctions, batch: Send[]): Promise<Array<[number, Outcome]>> {
	const { notificationId } = batch[0];
	const single = batch.length === 1;
	let results: unknown[];
	try {
		const { body } = await np6ApiRequest.call(this, {
			method: 'POST',
			path: `/notifications/${notificationId}/${single ? 'execution' : 'executions'}`,
			body: single ? batch[0].message : batch.map((s) => s.message),
			meanings: {
				...NOTIFICATION_NOT_FOUND,
				409: "The notification is not active (online), or the API key's user may not send it",
			},
			itemIndex: batch[0].itemIndex,
		});
		results = Array.isArray(body) ? body : [body];
	} catch (error) {
		return batch.map((send) => [send.itemIndex, { ok: false, error: batchError.call(this, error, send.itemIndex) }]);
	}
	return batch.map((send, position) => [send.itemIndex, resultOutcome.call(this, results[position], send)]);
}

/** The error of every item of a failed batch: "may or may not have sent" unless NP6 clearly refused (4xx). */
function batchError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	const refused =
		error instanceof NodeApiError &&
		/^4\d\d$/.test(String(error.httpCode ?? '')) &&
		!String(error.description ?? '').includes(NOT_REPEATED_MARK);
	if (refused) return copyError.call(this, error, itemIndex);
	const cause = error instanceof Error ? [error.message, (error as NodeApiError).description].filter(Boolean).join(' ') : String(error);
	return new NodeOperationError(this.getNode(), MAYBE_SENT, {
		itemIndex,
		description: `The request sending this item's batch got no clear answer. ${cause}`,
	});
}

/** Each item gets its own error object, so each carries its own item index. */
function copyError(this: IExecuteFunctions, error: NodeApiError, itemIndex: number): NodeApiError {
	return new NodeApiError(this.getNode(), { message: error.message, description: error.description ?? '' }, {
		message: error.message,
		description: error.description ?? undefined,
		httpCode: error.httpCode ?? undefined,
		itemIndex,
	});
}

function resultOutcome(this: IExecuteFunctions, result: unknown, send: Send): Outcome {
	const entry = (result && typeof result === 'object' ? result : {}) as IDataObject;
	if (entry.type === 'success') {
		return {
			ok: true,
			json: { status: 'sent', notificationId: send.notificationId, messageId: entry.id as string, recipient: entry.recipient as IDataObject },
		};
	}
	if (entry.type === 'error') {
		const value = (entry.value ?? {}) as IDataObject;
		const reason = typeof value.type === 'string' ? value.type : 'unknown error';
		return {
			ok: false,
			error: new NodeOperationError(this.getNode(), `NP6 did not send the notification to this recipient: ${reason}`, {
				itemIndex: send.itemIndex,
				description:
					reason === 'recipient not found'
						? `No NP6 contact matches ${JSON.stringify(send.message.recipient)}: sends never create contacts.`
						: `NP6 answered ${JSON.stringify(entry)}.`,
			}),
		};
	}
	return {
		ok: false,
		error: new NodeOperationError(this.getNode(), MAYBE_SENT, {
			itemIndex: send.itemIndex,
			description: `NP6 answered the batch without a clear result for this recipient: ${JSON.stringify(result ?? null)}.`,
		}),
	};
}

function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}
