import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { searchApplications, searchCategories, searchGroups, searchTimeZones } from '../shared/methods/listSearch';
import { routeOperation } from '../shared/operations/executePerItem';
import { subtitleExpression } from '../shared/operations/subtitle';
import { requestOptionsProperty } from '../shared/transport/settings';
import { resourceChoice, resources } from './actions/resources';

export class Np6Setting implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NP6 Setting',
		name: 'np6Setting',
		icon: { light: 'file:../../icons/np6.svg', dark: 'file:../../icons/np6.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(resourceChoice, resources),
		description: 'Manage NP6 account settings: mobile applications, categories, marketing pressure, user groups and time zones',
		defaults: { name: 'NP6 Setting' },
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

	methods = { listSearch: { searchApplications, searchCategories, searchGroups, searchTimeZones } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, resources);
	}
}
