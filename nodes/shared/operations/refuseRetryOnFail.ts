import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/**
 * n8n's Retry On Fail runs the whole node again: an operation that acts for every item (a send, a
 * workflow execution) would act again for the items the failed run already handled.
 */
export function refuseRetryOnFail(context: IExecuteFunctions, operation: string, consequence: string): void {
	if (!context.getNode().retryOnFail) return;
	throw new NodeOperationError(context.getNode(), `${operation} cannot run with the node setting "Retry On Fail" turned on`, {
		description: `A retry would ${consequence}. Turn "Retry On Fail" off in the node's settings: the node never loses an item to a 429 (it waits and repeats what NP6 refused), and with "Continue On Fail" each item says whether it succeeded.`,
	});
}
