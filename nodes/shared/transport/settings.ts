import type { INodeProperties } from 'n8n-workflow';

import type { Np6Context } from './request';

export const DEFAULT_WAIT_BUDGET_SECONDS = 300;
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** Every NP6 node shows this collection; the request helper reads it. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Rate Limit Wait Budget (Seconds)',
			name: 'waitBudget',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_WAIT_BUDGET_SECONDS,
			description:
				'How long this node may wait in total for NP6 rate limits (429 answers and pacing) before it fails the item it is on. Refused requests are repeated until then, so no item is lost to a 429.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description: 'How long to wait for NP6 to answer one request',
		},
	],
};

export interface RequestSettings {
	waitBudgetMs: number;
	timeoutMs: number;
}

export function readRequestSettings(context: Np6Context): RequestSettings {
	let options: { waitBudget?: number; timeout?: number } = {};
	try {
		// Item-based contexts take (name, itemIndex, fallback); load-options and poll ones take (name, fallback).
		options = (
			'getInputData' in context
				? context.getNodeParameter('requestOptions', 0, {})
				: context.getNodeParameter('requestOptions', {})
		) as typeof options;
	} catch {
		// Load-options calls may not see node parameters; the defaults apply.
	}
	return {
		waitBudgetMs: (options.waitBudget ?? DEFAULT_WAIT_BUDGET_SECONDS) * 1000,
		timeoutMs: (options.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
	};
}
