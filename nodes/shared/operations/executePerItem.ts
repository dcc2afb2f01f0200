import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import type { ItemExecutor, Np6Resource } from './types';

/**
 * Runs an operation for every input item: each output item is paired with its input item, and a
 * failing item either stops the node or, with "Continue On Fail", becomes an error item.
 */
export async function executePerItem(this: IExecuteFunctions, execute: ItemExecutor): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await execute.call(this, itemIndex);
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			nodeError.context.itemIndex ??= itemIndex;
			if (!this.continueOnFail()) throw nodeError;
			output.push({
				json: { error: nodeError.message, ...(nodeError.description ? { details: nodeError.description } : {}) },
				pairedItem: { item: itemIndex },
			});
		}
	}
	return output;
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
	return [await executePerItem.call(this, chosen.execute)];
}
