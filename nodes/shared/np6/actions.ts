import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { MEDIA_TYPE } from '../transport/mediaTypes';
import { np6ApiRequest } from '../transport/request';

/** informations.state (catalogue README, "Action state machine"). */
const ACTION_STATES: Record<number, string> = {
	10: 'draft',
	20: 'created',
	30: 'test running',
	38: 'test passed, awaiting validation',
	50: 'validated for sending',
};

export const VALIDATED = 50;

/** Short state names for picker labels, e.g. "validated (50)". */
const STATE_LABELS: Record<number, string> = {
	10: 'draft',
	20: 'created',
	30: 'test running',
	38: 'test passed',
	50: 'validated',
};

const TYPE_NAMES: Record<string, string> = {
	mailMessage: 'Email message',
	smsMessage: 'SMS message',
	mailCampaign: 'Email campaign',
	smsCampaign: 'SMS campaign',
};

/** e.g. "Order confirmation — Email message, validated (50)". */
export function actionLabel(action: Np6Action): string {
	const state = actionState(action);
	const stateLabel = STATE_LABELS[state] ? `${STATE_LABELS[state]} (${state})` : Number.isNaN(state) ? 'state unknown' : `state ${state}`;
	return `${action.name ?? action.id} — ${TYPE_NAMES[action.type] ?? action.type}, ${stateLabel}`;
}

export function stateName(state: number): string {
	return ACTION_STATES[state] ?? `state ${state}`;
}

export interface Np6Action {
	id: string;
	type: 'mailCampaign' | 'mailMessage' | 'smsCampaign' | 'smsMessage' | string;
	name?: string;
	informations?: { state?: number };
}

export const isMessageAction = (action: Np6Action) => action.type === 'mailMessage' || action.type === 'smsMessage';

/** Sends and renders take the channel's vendor media type: JSON is refused with 415. */
export const channelMediaType = (action: Np6Action) => (action.type.startsWith('sms') ? MEDIA_TYPE.sms : MEDIA_TYPE.email);

export const actionState = (action: Np6Action) => Number(action.informations?.state);

/**
 * Always read from NP6, never from the metadata cache: Send checks the state right before sending,
 * and a cached "validated" of an action unvalidated since would send a message NP6 should not.
 */
export async function fetchAction(this: IExecuteFunctions, id: string, itemIndex: number): Promise<Np6Action> {
	const { body } = await np6ApiRequest.call(this, {
		method: 'GET',
		path: `/actions/${encodeURIComponent(id)}`,
		meanings: { 404: 'NP6 has no action with this ID' },
		itemIndex,
	});
	return body as Np6Action;
}

/** Sends need state 50; say which state the action is in and what to do, before any send request. */
export function assertSendable(this: IExecuteFunctions, action: Np6Action, itemIndex: number): void {
	if (!isMessageAction(action)) {
		throw new NodeOperationError(this.getNode(), `Action ${action.id} is a ${action.type}: only message actions (mailMessage, smsMessage) are sent per contact`, {
			itemIndex,
			description: 'Campaign actions are sent to their segments by their scheduler once validated.',
		});
	}
	const state = actionState(action);
	if (state !== VALIDATED) {
		throw new NodeOperationError(this.getNode(), `Action ${action.id} is not validated for sending: it is in state ${state} (${stateName(state)})`, {
			itemIndex,
			description:
				state === 38
					? 'The test phase passed: run Action → Validate for Sending (phase: production) to reach state 50.'
					: 'Run Action → Validate for Sending (test phase with a test segment, then production) to reach state 50, then send.',
		});
	}
}
