import type { INodeProperties } from 'n8n-workflow';

import { declareOperation } from '../../../shared/operations/declareOperation';
import type { Np6Resource } from '../../../shared/operations/types';

const getAll = declareOperation({
	resource: 'field',
	operation: 'getAll',
	method: 'GET',
	path: '/fields',
	returns: 'list',
	notice: "NP6 marks the Field endpoints as deprecated (no replacement is named); they still answer.",
});

const operationChoice: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['field'] } },
	default: 'getAll',
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many fields',
			description: 'List the contact fields of the account',
		},
	],
};

export const field: Np6Resource = {
	description: [operationChoice, ...getAll.description],
	operations: { getAll },
};
