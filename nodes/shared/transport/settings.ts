import type { INodeProperties } from 'n8n-workflow';

import type { Np6Context } from './request';

export const DEFAULT_WAIT_BUDGET_SECONDS = 300;
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_MAX_CONCURRENT = 8;
export const DEFAULT_METADATA_CACHE_SECONDS = 60;

/** Every NP6 node shows this collection; the request helper reads it. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrent',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 64 },
			default: DEFAULT_MAX_CONCURRENT,
			description:
				"How many requests to NP6 may be under way at once. Items are worked on concurrently and paced to NP6's rate limit, which every NP6 node using the same credential shares.",
		},
		{
			displayName: 'Metadata Cache (Seconds)',
			name: 'metadataCache',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_METADATA_CACHE_SECONDS,
			description:
				"How long this n8n process may reuse the account's field and value lists (per credential) instead of reading them again. A field or value the cached lists do not know makes them read again; action states are never cached. 0 keeps nothing across executions: the lists are read in every execution, and Create or Update does not follow what this node met in earlier executions.",
		},
		{
			displayName: 'Rate Limit Wait Budget (Seconds)',
			name: 'waitBudget',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_WAIT_BUDGET_SECONDS,
			description:
				"How long one request may wait for NP6's rate limit (its turn, and the pauses NP6 asks for with 429 answers) before its item fails. A refused request is repeated until then, so no item is lost to a 429; a long run is not cut short.",
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
	maxConcurrent: number;
	waitBudgetMs: number;
	timeoutMs: number;
	/** 0: the field and value lists are read once per node run, not reused across executions. */
	metadataCacheMs: number;
}

export function readRequestSettings(context: Np6Context): RequestSettings {
	let options: { maxConcurrent?: number; waitBudget?: number; timeout?: number; metadataCache?: number } = {};
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
		maxConcurrent: positive(options.maxConcurrent, DEFAULT_MAX_CONCURRENT, Math.floor),
		waitBudgetMs: positive(options.waitBudget, DEFAULT_WAIT_BUDGET_SECONDS, Number, true) * 1000,
		timeoutMs: positive(options.timeout, DEFAULT_TIMEOUT_SECONDS, Number) * 1000,
		metadataCacheMs: positive(options.metadataCache, DEFAULT_METADATA_CACHE_SECONDS, Number, true) * 1000,
	};
}

/** An option's number, or its default when it is missing, not a number or out of range. */
function positive(value: unknown, fallback: number, round: (n: number) => number, zeroAllowed = false): number {
	const number = round(Number(value));
	if (value === undefined || value === null || value === '' || !Number.isFinite(number)) return fallback;
	return number > 0 || (zeroAllowed && number === 0) ? number : fallback;
}
