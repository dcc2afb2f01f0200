import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { routeOperation } from '../shared/operations/executePerItem';
import { requestOptionsProperty } from '../shared/transport/settings';
import { resourceChoice, resources } from './actions/resources';
import { getContactFields } from './methods/resourceMapping';

export class Np6Contact implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NP6 Contact',
		name: 'np6Contact',
		icon: { light: 'file:../../icons/np6.svg', dark: 'file:../../icons/np6.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update and find NP6 contacts and their fields',
		defaults: { name: 'NP6 Contact' },
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

	methods = {
		resourceMapping: { getContactFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, resources);
	}
}
