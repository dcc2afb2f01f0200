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
import * as listSearch from '../shared/methods/listSearch';
import { getFieldOptions } from './methods/loadOptions';
import { getContactFields } from './methods/resourceMapping';

export class Np6Contact implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NP6 Contact',
		name: 'np6Contact',
		icon: { light: 'file:../../icons/np6.svg', dark: 'file:../../icons/np6.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(resourceChoice, resources),
		description: 'Create and update NP6 contacts, and manage their segments, imports, fields and push subscriptions',
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
		listSearch: { ...listSearch },
		loadOptions: { getFieldOptions },
		resourceMapping: { getContactFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, resources);
	}
}
