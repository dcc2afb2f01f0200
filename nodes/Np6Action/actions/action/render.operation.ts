import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { channelMediaType, fetchAction } from '../../../shared/np6/actions';
import { executeGroups } from '../../../shared/operations/executePerItem';
import { readParameter, toProperty } from '../../../shared/operations/parameterSpec';
import type { ItemResult } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';
import { actionPicker } from './actionParameters';
import { readRecipient, recipientProperties } from './recipient';

export const catalogue = ['action.get', 'action.render', 'action.renderMany'];

export const description = updateDisplayOptions({ show: { resource: ['action'], operation: ['render'] } }, [
	toProperty(actionPicker),
	...recipientProperties,
	{
		displayName: 'Render All Items in One Request',
		name: 'renderMany',
		type: 'boolean',
		default: false,
		description: 'Whether to preview every item in one request (POST /renders) instead of one request per item (POST /render)',
	},
]);

/** Render: the message as a contact would receive it. A preview: nothing is ever sent. */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const renderMany = this.getNodeParameter('renderMany', 0, false) as boolean;
	if (!renderMany || items.length === 1) {
		return await executeGroups.call(this, items.map((_, i) => [i]), async ([itemIndex]) => await renderOne.call(this, itemIndex));
	}
	// One request for all items; each preview is paired with its own item.
	const [combined] = await executeGroups.call(this, [[0]], async () => ({ renders: await renderAll.call(this, items.length) }));
	const renders = combined.json.renders as IDataObject[] | undefined;
	if (!renders) return items.map((_, item) => ({ json: combined.json, pairedItem: { item } }));
	return renders.map((json, item) => ({ json, pairedItem: { item } }));
}

async function renderAll(this: IExecuteFunctions, count: number): Promise<IDataObject[]> {
	const actionId = readParameter.call(this, actionPicker, 0) as string;
	const receivers = Array.from({ length: count }, (_, itemIndex) => ({ receiver: readRecipient.call(this, itemIndex) }));
	const action = await fetchAction.call(this, actionId, 0);
	const { body } = await np6ApiRequest.call(this, {
		method: 'POST',
		path: `/actions/${encodeURIComponent(actionId)}/renders`,
		body: receivers,
		contentType: channelMediaType(action),
		itemIndex: 0,
	});
	return (Array.isArray(body) ? body : [body]) as IDataObject[];
}

async function renderOne(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const actionId = readParameter.call(this, actionPicker, itemIndex) as string;
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
