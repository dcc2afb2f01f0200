import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { refuseRetryOnFail } from '../operations/refuseRetryOnFail';
import { runConcurrently } from '../operations/concurrently';
import type { EventFeed } from './eventFeeds';
import { eventItem } from './eventOutput';
import { readEvents } from './readEvents';
import { contactKeys, matchResults, sameContact, type ContactKeys } from './recipientMatch';
import { np6ApiRequest } from '../transport/request';
import { readRequestSettings } from '../transport/settings';

/** How one kind of send (email/SMS action, push notification) talks to NP6. */
export interface SendChannel {
	/** The item's target (action or notification id) and message, checked before anything is sent. */
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<{ target: string; message: IDataObject }>;
	/** Once per target, before its first batch: where to send and how. Throwing fails that target's items unsent. */
	open(this: IExecuteFunctions, target: string, itemIndex: number): Promise<SendEndpoint>;
	/** The output of an item NP6 sent. */
	sent(target: string, result: IDataObject): IDataObject;
	/** The feed of the target's activations (its messages handed over for delivery), for "Skip Recipients Already Sent". */
	activations: EventFeed;
	/** The output of an item not sent because its contact got the target's message in the window. */
	skipped(target: string, recipient: IDataObject[string], activation: IDataObject): IDataObject;
	/** The error of an item whose batch got no clear answer. */
	unknownOutcome: string;
}

export interface SendEndpoint {
	/** `/…/execution` for a batch of one, `/…/executions` otherwise. */
	path(single: boolean): string;
	contentType?: string;
	meanings?: Partial<Record<number, string>>;
}

export interface BatchOptions {
	batchSize: number;
	/** Send a batch again after an unknown outcome: may deliver twice, so only on the user's request. */
	retryUnknownOutcome: boolean;
	/** Minutes back to look for activations of the same message to the same contact; undefined: don't. */
	skipAlreadySentMinutes?: number;
}

type Failure = NodeApiError | NodeOperationError;
type Outcome = { json: IDataObject } | { error: Failure };
interface Prepared {
	itemIndex: number;
	message: IDataObject;
}

const RETRIES_ON_UNKNOWN_OUTCOME = 2;
const DEFAULT_BATCH_SIZE = 50;
const DEFAULT_SKIP_WINDOW_MINUTES = 60;
/** Activations are read up to a little after now: NP6's clock and ours may differ slightly. */
const CLOCK_MARGIN_MS = 60_000;

/** The options every Send shows: batch size and the opt-in to repeat sends of unknown outcome. */
export const sendOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'sendOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 500 },
			default: 50,
			description: 'Messages per request to NP6 (a batch of one uses the single-message endpoint)',
		},
		{
			displayName: 'Skip Recipients Already Sent',
			name: 'skipAlreadySent',
			type: 'boolean',
			default: false,
			description:
				"Whether to first read this message's activations (NP6's record of messages handed over for delivery) and skip contacts found there, e.g. when running a failed execution again. Skipped items say so. NP6 may publish an activation a few seconds after the send.",
		},
		{
			displayName: 'Skip Window (Minutes)',
			name: 'skipWindowMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description: 'With "Skip Recipients Already Sent": how far back to look for activations',
		},
		{
			displayName: 'Retry Sends on Unknown Outcome',
			name: 'retryUnknownOutcome',
			type: 'boolean',
			default: false,
			description:
				'Whether to send a batch again after a timeout, a reset connection or a 5xx, when NP6 may already have sent it. Off by default: it can deliver the same message twice.',
		},
	],
};

export function readSendOptions(this: IExecuteFunctions): BatchOptions {
	const options = this.getNodeParameter('sendOptions', 0, {}) as {
		batchSize?: number;
		retryUnknownOutcome?: boolean;
		skipAlreadySent?: boolean;
		skipWindowMinutes?: number;
	};
	return {
		batchSize: Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE) || DEFAULT_BATCH_SIZE),
		retryUnknownOutcome: options.retryUnknownOutcome === true,
		skipAlreadySentMinutes: options.skipAlreadySent ? Math.max(1, options.skipWindowMinutes ?? DEFAULT_SKIP_WINDOW_MINUTES) : undefined,
	};
}

/**
 * Sends one message per input item, in batches, and maps NP6's per-recipient results back to their
 * items. A batch is only repeated after a 429 (the request helper does that: NP6 refused it, nothing
 * was sent). After a timeout, a reset connection, a 5xx or an unreadable answer the outcome is
 * unknown: those items fail with `unknownOutcome` and are not sent again, unless the user opted in.
 */
export async function sendInBatches(this: IExecuteFunctions, channel: SendChannel, options: BatchOptions): Promise<INodeExecutionData[]> {
	refuseRetryOnFail(this, 'Send', 'send again every message this run already sent');
	const items = this.getInputData();
	const outcomes: Outcome[] = new Array(items.length);
	const byTarget = new Map<string, Prepared[]>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const { target, message } = await channel.prepare.call(this, itemIndex);
			const messages = byTarget.get(target);
			if (messages) messages.push({ itemIndex, message });
			else byTarget.set(target, [{ itemIndex, message }]);
		} catch (error) {
			const failure = asFailure.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw failure;
			outcomes[itemIndex] = { error: failure };
		}
	}

	const batches: Array<{ target: string; endpoint: SendEndpoint; batch: Prepared[] }> = [];
	for (const [target, messages] of byTarget) {
		let endpoint: SendEndpoint;
		try {
			endpoint = await channel.open.call(this, target, messages[0].itemIndex);
		} catch (error) {
			for (const { itemIndex } of messages) outcomes[itemIndex] = { error: forItem.call(this, asFailure.call(this, error, itemIndex), itemIndex) };
			continue;
		}
		let toSend = messages;
		if (options.skipAlreadySentMinutes !== undefined) {
			try {
				toSend = await withoutAlreadySent.call(this, channel, target, messages, options.skipAlreadySentMinutes, outcomes);
			} catch (error) {
				for (const { itemIndex } of messages) outcomes[itemIndex] = { error: forItem.call(this, asFailure.call(this, error, itemIndex), itemIndex) };
				continue;
			}
		}
		for (let start = 0; start < toSend.length; start += options.batchSize) {
			batches.push({ target, endpoint, batch: toSend.slice(start, start + options.batchSize) });
		}
	}
	// Several batches at once; each is still sent once (sendBatch repeats only what NP6 refused with a 429).
	await runConcurrently(batches.length, readRequestSettings(this).maxConcurrent, async (index) => {
		const { target, endpoint, batch } = batches[index];
		const results = await sendBatch.call(this, channel, target, endpoint, batch, options.retryUnknownOutcome);
		batch.forEach(({ itemIndex }, i) => (outcomes[itemIndex] = results[i]));
	});
	return toOutput.call(this, outcomes);
}

/**
 * The messages whose contact has no activation of this target in the window; the others get a
 * "skipped" outcome. Activations name the contact by footprint or ID and carry the address sent to
 * (catalogue Event model, medium confidence), matched like send results: by content.
 */
async function withoutAlreadySent(
	this: IExecuteFunctions,
	channel: SendChannel,
	target: string,
	messages: Prepared[],
	minutes: number,
	outcomes: Outcome[],
): Promise<Prepared[]> {
	const now = Date.now();
	const activations = (
		await readEvents.call(this, { feed: channel.activations, id: target, from: now - minutes * 60_000, to: now + CLOCK_MARGIN_MS, sort: 'asc', itemIndex: messages[0].itemIndex })
	).map(eventItem);
	const keysOf = (event: IDataObject): ContactKeys => ({
		id: event.contactId as string | undefined,
		unicity: event.contactUnicity as string | undefined,
		hash: event.contactHash as string | undefined,
		address: event.address as string | undefined,
	});
	return messages.filter(({ itemIndex, message }) => {
		const recipient = contactKeys(message.recipient);
		const earlier = activations.find((event) => sameContact(recipient, keysOf(event)));
		if (earlier) outcomes[itemIndex] = { json: channel.skipped(target, message.recipient, earlier) };
		return !earlier;
	});
}

async function sendBatch(
	this: IExecuteFunctions,
	channel: SendChannel,
	target: string,
	endpoint: SendEndpoint,
	batch: Prepared[],
	retryUnknownOutcome: boolean,
): Promise<Outcome[]> {
	const single = batch.length === 1;
	for (let attempt = 0; ; attempt++) {
		try {
			const { body } = await np6ApiRequest.call(this, {
				method: 'POST',
				path: endpoint.path(single),
				body: single ? batch[0].message : batch.map((m) => m.message),
				contentType: endpoint.contentType,
				meanings: endpoint.meanings,
				itemIndex: batch[0].itemIndex,
			});
			// Each result is matched to its recipient by content: NP6 promises no order, and may answer fewer.
			const results = (single ? [body] : Array.isArray(body) ? body : []).filter(isObject);
			const matched = matchResults(
				batch.map(({ message }) => contactKeys(message.recipient)),
				results,
				(result) => contactKeys(result.type === 'error' ? (result.value as IDataObject | undefined)?.recipient : result.recipient),
			);
			return batch.map(({ itemIndex, message }, i) => resultOutcome.call(this, channel, target, matched[i], message, itemIndex));
		} catch (error) {
			const refused = error instanceof NodeApiError && /^4\d\d$/.test(String(error.httpCode ?? ''));
			if (!refused && retryUnknownOutcome && attempt < RETRIES_ON_UNKNOWN_OUTCOME) continue;
			return batch.map(({ itemIndex }) => ({
				error: refused ? forItem.call(this, error as NodeApiError, itemIndex) : unknownOutcome.call(this, channel, error, itemIndex),
			}));
		}
	}
}

function resultOutcome(
	this: IExecuteFunctions,
	channel: SendChannel,
	target: string,
	result: IDataObject | undefined,
	message: IDataObject,
	itemIndex: number,
): Outcome {
	if (result?.type === 'success') return { json: channel.sent(target, result) };
	if (result?.type !== 'error') {
		return { error: unknownOutcome.call(this, channel, new Error(`NP6 answered the batch without a result for this recipient: ${JSON.stringify(result ?? null)}`), itemIndex) };
	}
	const reason = String((result.value as IDataObject | undefined)?.type ?? 'unknown error');
	return {
		error: new NodeOperationError(this.getNode(), `NP6 did not send to this recipient: ${reason}`, {
			itemIndex,
			description:
				reason === 'recipient not found'
					? `No NP6 contact matches ${JSON.stringify(message.recipient)}: NP6 never creates contacts on send. Create or update it first (NP6 Contact → Create or Update).`
					: `NP6's answer for this recipient: ${JSON.stringify(result)}`,
		}),
	};
}

const isObject = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value);

function unknownOutcome(this: IExecuteFunctions, channel: SendChannel, cause: unknown, itemIndex: number): NodeApiError {
	const why = cause instanceof Error ? [cause.message, (cause as NodeApiError).description].filter(Boolean).join('. ') : String(cause);
	const description = `${why} The send was not repeated, so that no one gets it twice.`;
	return new NodeApiError(this.getNode(), { message: channel.unknownOutcome, description }, {
		message: channel.unknownOutcome,
		description,
		httpCode: cause instanceof NodeApiError ? (cause.httpCode ?? undefined) : undefined,
		itemIndex,
	});
}

/** Each item gets its own error object, carrying its own item index. */
function forItem(this: IExecuteFunctions, error: Failure, itemIndex: number): Failure {
	if (error instanceof NodeOperationError) return new NodeOperationError(this.getNode(), error.message, { itemIndex, description: error.description ?? undefined });
	return new NodeApiError(this.getNode(), { message: error.message, description: error.description ?? '' }, {
		message: error.message,
		description: error.description ?? undefined,
		httpCode: error.httpCode ?? undefined,
		itemIndex,
	});
}

function asFailure(this: IExecuteFunctions, error: unknown, itemIndex: number): Failure {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** One output item per input item. Without Continue On Fail a failure stops the node once every batch is done. */
function toOutput(this: IExecuteFunctions, outcomes: Outcome[]): INodeExecutionData[] {
	const failed = outcomes.map((o, i) => ('error' in o ? i : -1)).filter((i) => i >= 0);
	if (failed.length > 0 && !this.continueOnFail()) {
		const first = (outcomes[failed[0]] as { error: Failure }).error;
		const sent = outcomes.length - failed.length;
		const listed = failed.slice(0, 20).map((i) => i + 1).join(', ') + (failed.length > 20 ? ', …' : '');
		first.description = [
			first.description,
			`${failed.length} of ${outcomes.length} items failed (items ${listed}); ${sent} were sent, and running the node again would send those again. Turn on "Continue On Fail" to get one result per item.`,
		]
			.filter(Boolean)
			.join(' ');
		throw first;
	}
	return outcomes.map((outcome, item) => ({
		json: 'json' in outcome ? outcome.json : { error: outcome.error.message, ...(outcome.error.description ? { details: outcome.error.description } : {}) },
		pairedItem: { item },
	}));
}
