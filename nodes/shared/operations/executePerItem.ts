import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { readRequestSettings } from '../transport/settings';
import { runConcurrently } from './concurrently';
import type { ItemExecutor, ItemResult, Np6Resource } from './types';

/**
 * Runs an operation once per group of input items (usually one item per group), several groups at
 * once (Request Options → Max Concurrent Requests). Output order and pairing follow the input: each
 * output item is paired with its group's input items. A failing group either stops the node (no
 * new group starts; the error of the earliest failed group is thrown) or, with "Continue On Fail",
 * becomes an error item in its place. `pairWith` may pair an output entry with fewer items of its group
 * (e.g. the one whose ID it names).
 */
export async function executeGroups(
	this: IExecuteFunctions,
	groups: number[][],
	run: (group: number[]) => Promise<ItemResult>,
	pairWith?: (entry: IDataObject, group: number[]) => number[],
): Promise<INodeExecutionData[]> {
	const outputs: INodeExecutionData[][] = new Array(groups.length);
	const continueOnFail = this.continueOnFail();
	let firstFailure: { index: number; error: NodeApiError | NodeOperationError } | undefined;
	await runConcurrently(
		groups.length,
		readRequestSettings(this).maxConcurrent,
		async (index) => {
			const group = groups[index];
			const itemData = group.map((item) => ({ item }));
			const paired = itemData.length === 1 ? itemData[0] : itemData;
			try {
				const result = withoutEmptyAnswers(await run(group));
				outputs[index] = pairWith
					? this.helpers.returnJsonArray(result).map((output) => ({ ...output, pairedItem: pairedWith(pairWith(output.json, group)) }))
					: this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), { itemData: paired });
			} catch (error) {
				const nodeError =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeOperationError(this.getNode(), error as Error, { itemIndex: group[0] });
				nodeError.context.itemIndex ??= group[0];
				if (!continueOnFail) {
					if (!firstFailure || index < firstFailure.index) firstFailure = { index, error: nodeError };
					return;
				}
				outputs[index] = [
					{ json: { error: nodeError.message, ...(nodeError.description ? { details: nodeError.description } : {}) }, pairedItem: paired },
				];
			}
		},
		() => firstFailure !== undefined,
	);
	if (firstFailure) throw firstFailure.error;
	return outputs.flat();
}

function pairedWith(items: number[]) {
	return items.length === 1 ? { item: items[0] } : items.map((item) => ({ item }));
}

/** An empty answer body is still an answer: the item says it succeeded, never `json: undefined`. */
function withoutEmptyAnswers(result: ItemResult | undefined | null): ItemResult {
	if (result === undefined || result === null) return { success: true };
	return Array.isArray(result) ? result.filter((entry) => entry !== undefined && entry !== null) : result;
}

export async function executePerItem(this: IExecuteFunctions, execute: ItemExecutor): Promise<INodeExecutionData[]> {
	const groups = this.getInputData().map((_, itemIndex) => [itemIndex]);
	return await executeGroups.call(this, groups, async ([itemIndex]) => await execute.call(this, itemIndex));
}

/** Dispatches to the chosen resource/operation. Every NP6 node's execute() is this call. */
export async function routeOperation(
	this: IExecuteFunctions,
	resources: Record<string, Np6Resource>,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const chosen = resources[resource]?.operations[operation];
	if (!chosen) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for resource "${resource}"`);
	}
	if (chosen.executeAll) return [await chosen.executeAll.call(this)];
	return [await executePerItem.call(this, chosen.execute!)];
}
