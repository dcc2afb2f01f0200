import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as listSearch from '../shared/methods/listSearch';
import { routeOperation } from '../shared/operations/executePerItem';
import { subtitleExpression } from '../shared/operations/subtitle';
import { requestOptionsProperty } from '../shared/transport/settings';
import { resourceChoice, resources } from './actions/resources';

export class Np6Event implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NP6 Event',
		name: 'np6Event',
		icon: { light: 'file:../../icons/np6.svg', dark: 'file:../../icons/np6.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: subtitleExpression(resourceChoice, resources),
		description: 'Read NP6 events: sends, bounces, opens, clicks, unsubscribes and push reactions, by action, contact or campaign',
		defaults: { name: 'NP6 Event' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'np6Api', required: true }],
		properties: [
			resourceChoice,
			...Object.values(resources).flatMap((resource) => resource.description),
			requestOptionsProperty,
		],
	};

	methods = { listSearch: { searchActions: listSearch.searchActions, searchNotifications: listSearch.searchNotifications } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, resources);
	}
}
