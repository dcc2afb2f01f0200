import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { searchWorkflows } from '../shared/methods/listSearch';
import { routeOperation } from '../shared/operations/executePerItem';
import { subtitleExpression } from '../shared/operations/subtitle';
import { requestOptionsProperty } from '../shared/transport/settings';
import { resourceChoice, resources } from './actions/resources';

export class Np6Scripting implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NP6 Scripting',
		name: 'np6Scripting',
		icon: { light: 'file:../../icons/np6.svg', dark: 'file:../../icons/np6.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(resourceChoice, resources),
		description: 'Manage and run NP6 scripting workflows, webtasks and compilables',
		defaults: { name: 'NP6 Scripting' },
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

	methods = { listSearch: { searchWorkflows } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, resources);
	}
}
