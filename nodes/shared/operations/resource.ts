import type { INodeProperties } from 'n8n-workflow';

import type { Np6Operation, Np6Resource } from './types';

/** The notice of an operation NP6 marks deprecated, naming NP6's replacement when there is one. */
export function deprecationHint(replacedBy?: string): string {
	if (replacedBy) return `NP6 marks this endpoint deprecated in API 8.1.0 and names ${replacedBy} as its replacement; use that instead.`;
	return 'NP6 marks this endpoint deprecated in API 8.1.0 and offers no replacement; it still works.';
}

export const DEPRECATED_HINT = deprecationHint();

/** Our own uncertainty, not NP6's: the catalogue knows this endpoint from older public docs only. */
export function lowConfidenceHint(detail: string): string {
	return `Known from older public NP6 docs only: ${detail}. Check the result on your account.`;
}

/** Our own uncertainty, not NP6's: a detail of this endpoint that no NP6 document shows. */
export function unconfirmedHint(detail: string): string {
	return `Not confirmed by NP6's docs: ${detail}. Check the result on your account.`;
}

export interface OperationEntry {
	value: string;
	name: string;
	action: string;
	description: string;
	operation: Np6Operation;
}

/**
 * A resource from its operations: the dropdown (A–Z) and their parameters. Only operations NP6
 * replaces are labelled "(Deprecated)": the others are still the only way to do what they do.
 */
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
				name: e.operation.replacedBy ? `${e.name} (Deprecated)` : e.name,
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
