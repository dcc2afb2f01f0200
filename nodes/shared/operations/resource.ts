import type { INodeProperties } from 'n8n-workflow';

import type { Np6Operation, Np6Resource } from './types';

export const DEPRECATED_HINT = 'NP6 marks this operation as deprecated and names no replacement; it still answers.';

export function lowConfidenceHint(detail: string): string {
	return `NP6 documents this operation with low confidence (${detail}); check the result on your account.`;
}

export interface OperationEntry {
	value: string;
	name: string;
	action: string;
	description: string;
	operation: Np6Operation;
}

/** A resource from its operations: the dropdown (A–Z, deprecated ones labelled) and their parameters. */
export function defineResource(resource: string, defaultOperation: string, entries: OperationEntry[]): Np6Resource {
	const operationChoice: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: defaultOperation,
		options: entries
			.map((e) => ({
				name: e.operation.deprecated ? `${e.name} (Deprecated)` : e.name,
				value: e.value,
				action: e.action,
				description: e.description,
			}))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
	return {
		description: [operationChoice, ...entries.flatMap((e) => e.operation.description)],
		operations: Object.fromEntries(entries.map((e) => [e.value, e.operation])),
	};
}
