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

export class Np6Action implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NP6 Action',
		name: 'np6Action',
		icon: { light: 'file:../../icons/np6.svg', dark: 'file:../../icons/np6.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: subtitleExpression(resourceChoice, resources),
		description: 'Send emails, SMS and push notifications with NP6, and read their archives and statistics',
		defaults: { name: 'NP6 Action' },
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

	methods = { listSearch: { ...listSearch } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, resources);
	}
}
