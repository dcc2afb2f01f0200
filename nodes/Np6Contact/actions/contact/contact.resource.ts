import type { INodeProperties } from 'n8n-workflow';

import type { Np6Resource } from '../../../shared/operations/types';
import * as get from './get.operation';
import * as upsert from './upsert.operation';

const operationChoice: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['contact'] } },
	default: 'upsert',
	options: [
		{
			name: 'Create or Update',
			value: 'upsert',
			action: 'Create or update a contact',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a contact',
			description: 'Get a contact by ID, unicity value or hash',
		},
	],
};

export const contact: Np6Resource = {
	description: [operationChoice, ...upsert.description, ...get.description],
	operations: { upsert, get },
};
