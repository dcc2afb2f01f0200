import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { channelMediaType, fetchAction } from '../../../shared/np6/actions';
import { contactKeys, matchResults } from '../../../shared/np6/recipientMatch';
import { executeGroups } from '../../../shared/operations/executePerItem';
import { readParameter, toProperty } from '../../../shared/operations/parameterSpec';
import type { ItemResult } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';
import { renderableActionPicker } from './actionParameters';
import { readRecipient, recipientProperties } from './recipient';

export const catalogue = ['action.get', 'action.render', 'action.renderMany'];

export const description = updateDisplayOptions({ show: { resource: ['action'], operation: ['render'] } }, [
	toProperty(renderableActionPicker),
	...recipientProperties,
	{
		displayName: 'Render All Items in One Request',
		name: 'renderMany',
		type: 'boolean',
		default: false,
		description:
			'Whether to preview every item in one request (POST /renders) instead of one request per item (POST /render). NP6 names each render by the address it rendered for, so name recipients by unicity value (email or phone) to batch.',
	},
]);

/** Render: the message as a contact would receive it. A preview: nothing is ever sent. */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const renderMany = this.getNodeParameter('renderMany', 0, false) as boolean;
	if (!renderMany || items.length === 1) {
		return await executeGroups.call(this, items.map((_, i) => [i]), async ([itemIndex]) => await renderOne.call(this, itemIndex));
	}
	// One request for all items; each preview is matched to its own item by its recipient.
	const [combined] = await executeGroups.call(this, [[0]], async () => ({ renders: await renderAll.call(this, items.length) }));
	const renders = combined.json.renders as Array<IDataObject | undefined> | undefined;
	if (!renders) return items.map((_, item) => ({ json: combined.json, pairedItem: { item } }));
	return renders.map((render, item) => ({ json: render ?? unmatched.call(this, item), pairedItem: { item } }));
}

/** The renders of all items in one request, each matched to its receiver by content (NP6 promises no order). */
async function renderAll(this: IExecuteFunctions, count: number): Promise<Array<IDataObject | undefined>> {
	const actionId = readParameter.call(this, renderableActionPicker, 0) as string;
	const receivers = Array.from({ length: count }, (_, itemIndex) => ({ receiver: readRecipient.call(this, itemIndex) }));
	const action = await fetchAction.call(this, actionId, 0);
	const { body } = await np6ApiRequest.call(this, {
		method: 'POST',
		path: `/actions/${encodeURIComponent(actionId)}/renders`,
		body: receivers,
		contentType: channelMediaType(action),
		itemIndex: 0,
	});
	const results = (Array.isArray(body) ? body : []).filter((r): r is IDataObject => r !== null && typeof r === 'object');
	return matchResults(
		receivers.map(({ receiver }) => contactKeys(receiver)),
		results,
		// A render names its recipient by the address it rendered for; an error by the receiver as sent.
		(result) => (result.type === 'error' ? contactKeys((result.value as IDataObject | undefined)?.receiver ?? (result.value as IDataObject | undefined)?.recipient) : { address: String(result.recipient ?? '') }),
	);
}

/** An item NP6's batched answer did not name: an error, never another item's preview. */
function unmatched(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const error = new NodeOperationError(this.getNode(), "NP6's answer has no render for this item's recipient", {
		itemIndex,
		description:
			'NP6 names each render by the address it rendered for, so a batch can only be matched when recipients are named by unicity value (email or phone). Turn off "Render Many in One Request" to render this item on its own.',
	});
	if (!this.continueOnFail()) throw error;
	return { error: error.message, details: error.description };
}

async function renderOne(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const actionId = readParameter.call(this, renderableActionPicker, itemIndex) as string;
	const receiver = readRecipient.call(this, itemIndex);
	const action = await fetchAction.call(this, actionId, itemIndex);
	const { body } = await np6ApiRequest.call(this, {
		method: 'POST',
		path: `/actions/${encodeURIComponent(actionId)}/render`,
		body: { receiver },
		contentType: channelMediaType(action),
		meanings: { 404: 'NP6 has no such action or contact' },
		itemIndex,
	});
	return body as IDataObject;
}
