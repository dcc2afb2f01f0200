import { declareOperation } from '../../../shared/operations/declareOperation';
import type { ParameterSpec } from '../../../shared/operations/parameterSpec';
import { defineResource, unconfirmedHint } from '../../../shared/operations/resource';
import { PICKERS } from '../../../shared/methods/pickers';

const valueList: ParameterSpec = {
	name: 'valueList',
	label: 'Value List',
	in: 'path',
	key: 'id',
	picker: PICKERS.valueList,
};

const definition = (optional: boolean): ParameterSpec[] => [
	{ name: 'name', label: 'Name', in: 'body', optional },
	{
		name: 'values',
		label: 'Values',
		in: 'body',
		type: 'list',
		optional,
		placeholder: 'Mr, Ms, Mx',
		description: 'The values, in order, comma-separated or as an array from an expression. NP6 compares them case-insensitively.',
		transform: (values) => (values as string[]).map((value, i) => ({ index: i + 1, value })),
	},
	{ name: 'ordered', label: 'Sort Alphabetically', in: 'body', type: 'boolean', optional: true, description: 'Whether NP6 shows the values in alphabetical order' },
];

const NOT_FOUND = { 404: 'NP6 has no value list with this ID' };

export const valueListResource = defineResource('valueList', 'getAll', [
	{
		value: 'create',
		name: 'Create',
		action: 'Create a value list',
		description: 'Create a list of values for select fields',
		operation: declareOperation({
			resource: 'valueList',
			operation: 'create',
			catalogue: 'valueList.create',
			method: 'POST',
			path: '/valueLists',
			parameters: definition(false),
			returns: 'object',
			deprecated: true,
		}),
	},
	{
		value: 'get',
		name: 'Get',
		action: 'Get a value list',
		description: 'Get a value list and its values',
		operation: declareOperation({
			resource: 'valueList',
			operation: 'get',
			catalogue: 'valueList.get',
			method: 'GET',
			path: '/valueLists/{id}',
			parameters: [valueList],
			returns: 'object',
			deprecated: true,
			meanings: NOT_FOUND,
		}),
	},
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many value lists',
		description: 'List the value lists of the account',
		operation: declareOperation({
			resource: 'valueList',
			operation: 'getAll',
			catalogue: 'valueList.list',
			method: 'GET',
			path: '/valueLists',
			returns: 'list',
			deprecated: true,
		}),
	},
	{
		value: 'update',
		name: 'Update',
		action: 'Update a value list',
		description: 'Rename a value list or replace its values',
		operation: declareOperation({
			resource: 'valueList',
			operation: 'update',
			catalogue: 'valueList.update',
			method: 'PUT',
			path: '/valueLists/{id}',
			parameters: [valueList, ...definition(true)],
			returns: 'object',
			deprecated: true,
			notice: unconfirmedHint('the HTTP method (PUT) is assumed'),
			meanings: NOT_FOUND,
		}),
	},
]);
