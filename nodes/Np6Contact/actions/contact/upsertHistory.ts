import type { IExecuteFunctions } from 'n8n-workflow';

import { readRequestSettings } from '../../../shared/transport/settings';

/**
 * Whether the contacts a Create or Update node met in its recent executions (in this process) were
 * mostly new or mostly existing. A triggered execution has one item, so the node cannot learn that
 * within the run: with this, a node that mostly creates sends the POST first (1 request for a new
 * contact) and one that mostly updates looks the contact up first (2 requests for an existing one).
 * Only the order of the requests depends on it: both orders write the same. "Metadata Cache" 0 keeps
 * nothing across executions, this included.
 */
export type UpsertOutcome = 'existed' | 'created';

/** Recent outcomes weigh more: the counts are halved once they reach this. */
const WINDOW = 20;
const MAX_NODES = 1000;
const history = new Map<string, Record<UpsertOutcome, number>>();

const remembers = (context: IExecuteFunctions) => readRequestSettings(context).metadataCacheMs > 0;
const keyOf = (context: IExecuteFunctions) => JSON.stringify([context.getWorkflow().id ?? '', context.getNode().id ?? context.getNode().name]);

/** True when this node's recent contacts were mostly new; false when unknown (looking up first costs less then). */
export function mostlyNewContacts(context: IExecuteFunctions): boolean {
	const counts = remembers(context) ? history.get(keyOf(context)) : undefined;
	return counts !== undefined && counts.created > counts.existed;
}

export function recordUpsertOutcome(context: IExecuteFunctions, outcome: UpsertOutcome): void {
	if (!remembers(context)) return;
	const key = keyOf(context);
	const counts = history.get(key) ?? { existed: 0, created: 0 };
	history.delete(key);
	counts[outcome]++;
	if (counts.existed + counts.created >= WINDOW) {
		counts.existed /= 2;
		counts.created /= 2;
	}
	history.set(key, counts);
	if (history.size > MAX_NODES) history.delete(history.keys().next().value!);
}
