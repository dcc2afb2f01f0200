import {
	NodeApiError,
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { assertSendable, channelMediaType, fetchAction } from '../../../shared/np6/actions';
import { readParameter, toProperty } from '../../../shared/operations/parameterSpec';
import { np6ApiRequest } from '../../../shared/transport/request';
import { actionPicker } from './actionParameters';
import { messageOverridesProperty, readMessageOverrides } from './messageOverrides';
import { readRecipient, recipientProperties } from './recipient';

export const catalogue = ['action.get', 'action.execute', 'action.executeMany'];

const properties: INodeProperties[] = [
	{ ...toProperty(actionPicker), description: 'A message action (mailMessage or smsMessage) validated for sending (state 50)' },
	...recipientProperties,
	messageOverridesProperty,
	{
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
				displayName: 'Retry Sends on Unknown Outcome',
				name: 'retryUnknownOutcome',
				type: 'boolean',
				default: false,
				description:
					'Whether to send a batch again after a timeout, a reset connection or a 5xx, when NP6 may already have sent it. Off by default: it can deliver the same message twice.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['action'], operation: ['send'] } }, properties);

const UNKNOWN_OUTCOME = "NP6 may or may not have sent this message; check the action's events before sending again";
const RETRIES_ON_UNKNOWN_OUTCOME = 2;

type Outcome = { json: IDataObject } | { error: NodeApiError | NodeOperationError };

/**
 * Send: every input item is one message to one contact. Items go to NP6 in batches
 * (`/executions`, or `/execution` for one), NP6's per-recipient results come back to their items.
 * A batch is only repeated after a 429 (NP6 refused it, nothing was sent); after an ambiguous failure
 * its items fail with "may or may not have sent", unless the user opted in to retrying.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const outcomes: Outcome[] = new Array(items.length);
	const messagesByAction = new Map<string, Array<{ itemIndex: number; message: IDataObject }>>();

	// Every item's parameters are checked before anything is sent.
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const actionId = readParameter.call(this, actionPicker, itemIndex) as string;
			const message = { recipient: readRecipient.call(this, itemIndex), ...(await readMessageOverrides.call(this, itemIndex)) };
			messagesByAction.set(actionId, [...(messagesByAction.get(actionId) ?? []), { itemIndex, message }]);
		} catch (error) {
			outcomes[itemIndex] = { error: error as NodeOperationError };
		}
	}
	const refused = outcomes.find((o) => o && 'error' in o);
	if (refused && !this.continueOnFail()) throw (refused as { error: NodeOperationError }).error;
	const options = this.getNodeParameter('sendOptions', 0, {}) as { batchSize?: number; retryUnknownOutcome?: boolean };
	const batchSize = Math.max(1, options.batchSize ?? 50);

	for (const [actionId, messages] of messagesByAction) {
		let mediaType: string;
		try {
			const action = await fetchAction.call(this, actionId, messages[0].itemIndex);
			assertSendable.call(this, action, messages[0].itemIndex);
			mediaType = channelMediaType(action);
		} catch (error) {
			for (const { itemIndex } of messages) outcomes[itemIndex] = { error: error as NodeApiError };
			continue;
		}
		for (let start = 0; start < messages.length; start += batchSize) {
			const batch = messages.slice(start, start + batchSize);
			const results = await sendBatch.call(this, actionId, mediaType, batch, options.retryUnknownOutcome === true);
			batch.forEach(({ itemIndex }, i) => (outcomes[itemIndex] = results[i]));
		}
	}
	return toOutput.call(this, outcomes);
}

async function sendBatch(
	this: IExecuteFunctions,
	actionId: string,
	mediaType: string,
	batch: Array<{ itemIndex: number; message: IDataObject }>,
	retryUnknownOutcome: boolean,
): Promise<Outcome[]> {
	const single = batch.length === 1;
	for (let attempt = 0; ; attempt++) {
		try {
			const { body } = await np6ApiRequest.call(this, {
				method: 'POST',
				path: `/actions/${encodeURIComponent(actionId)}/${single ? 'execution' : 'executions'}`,
				body: single ? batch[0].message : batch.map((m) => m.message),
				contentType: mediaType,
				meanings: {
					400: 'NP6 could not read a message (e.g. a sender that is not an object)',
					409: 'The action is not in a state that allows sending, or a content override needs templating version 4.1',
					415: "NP6 refused the media type for this action's channel",
				},
				itemIndex: batch[0].itemIndex,
			});
			const results = (single ? [body] : body) as IDataObject[];
			return batch.map(({ itemIndex }, i) => toOutcome.call(this, actionId, results?.[i], itemIndex));
		} catch (error) {
			const unknownOutcome = error instanceof NodeApiError && (!error.httpCode || Number(error.httpCode) >= 500);
			if (unknownOutcome && retryUnknownOutcome && attempt < RETRIES_ON_UNKNOWN_OUTCOME) continue;
			return batch.map(({ itemIndex }) => ({ error: unknownOutcome ? unknownOutcomeError.call(this, error as NodeApiError, itemIndex) : (error as NodeApiError) }));
		}
	}
}

function toOutcome(this: IExecuteFunctions, actionId: string, result: IDataObject | undefined, itemIndex: number): Outcome {
	if (result?.type === 'success') {
		return { json: { status: 'sent', actionId, messageId: result.id, recipient: result.recipient } };
	}
	const reason = ((result?.value as IDataObject | undefined)?.type as string | undefined) ?? 'no result for this message';
	return {
		error: new NodeOperationError(this.getNode(), `NP6 did not send this message: ${reason}`, {
			itemIndex,
			description:
				reason === 'recipient not found'
					? 'NP6 never creates contacts on send: create or update the contact first (NP6 Contact → Create or Update).'
					: `NP6's answer for this recipient: ${JSON.stringify(result ?? null)}`,
		}),
	};
}

function unknownOutcomeError(this: IExecuteFunctions, cause: NodeApiError, itemIndex: number): NodeApiError {
	return new NodeApiError(
		this.getNode(),
		{ message: UNKNOWN_OUTCOME, description: `${cause.message}. ${cause.description ?? ''}` },
		{
			message: UNKNOWN_OUTCOME,
			description: `${cause.message}. ${cause.description ?? ''} The send was not repeated, so that no one gets the message twice.`,
			httpCode: cause.httpCode ?? undefined,
			itemIndex,
		},
	);
}

/** One output item per input item. Without Continue On Fail a failure stops the node once every batch is done. */
function toOutput(this: IExecuteFunctions, outcomes: Outcome[]): INodeExecutionData[] {
	const failed = outcomes.map((o, i) => ('error' in o ? i : -1)).filter((i) => i >= 0);
	if (failed.length > 0 && !this.continueOnFail()) {
		const first = (outcomes[failed[0]] as { error: NodeApiError | NodeOperationError }).error;
		const sent = outcomes.length - failed.length;
		first.description = `${first.description ?? ''} ${failed.length} of ${outcomes.length} items failed (items ${failed
			.slice(0, 20)
			.map((i) => i + 1)
			.join(', ')}${failed.length > 20 ? ', …' : ''}); ${sent} messages were sent. Turn on "Continue On Fail" to get one result per item.`.trim();
		throw first;
	}
	return outcomes.map((outcome, item) => ({
		json: 'json' in outcome ? outcome.json : { error: outcome.error.message, ...(outcome.error.description ? { details: outcome.error.description } : {}) },
		pairedItem: { item },
	}));
}
