import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { routeOperation } from '../shared/operations/executePerItem';
import { subtitleExpression } from '../shared/operations/subtitle';
import { requestOptionsProperty } from '../shared/transport/settings';
import { resourceChoice, resources } from './actions/resources';

export class Np6Campaign implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NP6 Campaign',
		name: 'np6Campaign',
		icon: { light: 'file:../../icons/np6.svg', dark: 'file:../../icons/np6.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(resourceChoice, resources),
		description: 'Create NP6 campaigns grouping actions, and read the events of their actions',
		defaults: { name: 'NP6 Campaign' },
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

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, resources);
	}
}
