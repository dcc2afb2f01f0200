import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { assertSendable, channelMediaType, fetchAction } from '../../../shared/np6/actions';
import { EVENT_FEEDS } from '../../../shared/np6/eventFeeds';
import { readSendOptions, sendInBatches, sendOptionsProperty, type SendChannel } from '../../../shared/np6/batchedSends';
import { readParameter, toProperty } from '../../../shared/operations/parameterSpec';
import { sendableActionPicker } from './actionParameters';
import { messageOverridesProperty, readMessageOverrides } from './messageOverrides';
import { readRecipient, recipientProperties } from './recipient';

export const catalogue = ['action.get', 'action.execute', 'action.executeMany', EVENT_FEEDS.actionActivationsOf.catalogue];

const properties: INodeProperties[] = [
	toProperty(sendableActionPicker),
	...recipientProperties,
	messageOverridesProperty,
	sendOptionsProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['action'], operation: ['send'] } }, properties);

/**
 * Send: every input item is one message to one contact of a message action validated for sending.
 * The action is read first (state 50, channel → media type); then the items go in batches.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await sendInBatches.call(this, actionChannel, readSendOptions.call(this));
}

const actionChannel: SendChannel = {
	async prepare(itemIndex) {
		const target = readParameter.call(this, sendableActionPicker, itemIndex) as string;
		return { target, message: { recipient: readRecipient.call(this, itemIndex), ...(await readMessageOverrides.call(this, itemIndex)) } };
	},
	async open(actionId, itemIndex) {
		const action = await fetchAction.call(this, actionId, itemIndex);
		assertSendable.call(this, action, itemIndex);
		return {
			path: (single) => `/actions/${encodeURIComponent(actionId)}/${single ? 'execution' : 'executions'}`,
			contentType: channelMediaType(action),
			meanings: {
				400: 'NP6 could not read a message (e.g. a sender that is not an object)',
				409: 'The action is not in a state that allows sending, or a content override needs templating version 4.1',
				415: "NP6 refused the media type for this action's channel",
			},
		};
	},
	sent: (actionId, result) => ({ status: 'sent', actionId, messageId: result.id, recipient: result.recipient }),
	activations: EVENT_FEEDS.actionActivationsOf,
	skipped: (actionId, recipient, activation) => ({
		status: 'skipped',
		reason: 'This contact already got this message: NP6 recorded its activation',
		actionId,
		recipient,
		activationId: activation.eventId,
		activatedAt: activation.occurredAt,
	}),
	unknownOutcome: "NP6 may or may not have sent this message; check the action's events before sending again",
};
