import { declareOperation, type OperationSpec } from '../../../shared/operations/declareOperation';
import type { ParameterSpec } from '../../../shared/operations/parameterSpec';
import { declareReplacingUpdate } from '../../../shared/operations/replacingUpdate';
import { defineResource, unconfirmedHint } from '../../../shared/operations/resource';
import { PICKERS } from '../../../shared/methods/pickers';

const category: ParameterSpec = {
	name: 'category',
	label: 'Category',
	in: 'path',
	key: 'id',
	picker: PICKERS.category,
};
const name: ParameterSpec = { name: 'name', label: 'Name', in: 'body', description: 'Unique in the account' };
const description: ParameterSpec = { name: 'description', label: 'Description', in: 'body', optional: true };

const NOT_FOUND = { 404: 'NP6 has no category with this ID' };
const NAME_TAKEN = { 409: 'A category with this name already exists' };

const declare = (spec: Omit<OperationSpec, 'resource'>) => declareOperation({ ...spec, resource: 'category' });

/** Action categories (catalogue section "Category", known from the older public docs). */
export const categoryResource = defineResource('category', 'getAll', [
	{
		value: 'create',
		name: 'Create',
		action: 'Create a category',
		description: 'Create a category to file actions under',
		operation: declare({ operation: 'create', catalogue: 'category.create', method: 'POST', path: '/categories', parameters: [name, description], returns: 'object', meanings: NAME_TAKEN }),
	},
	{
		value: 'delete',
		name: 'Delete',
		action: 'Delete a category',
		description: 'Delete a category by ID',
		operation: declare({ operation: 'delete', catalogue: 'category.delete', method: 'DELETE', path: '/categories/{id}', parameters: [category], returns: 'nothing', meanings: NOT_FOUND }),
	},
	{
		value: 'get',
		name: 'Get',
		action: 'Get a category',
		description: 'Get a category by ID',
		operation: declare({ operation: 'get', catalogue: 'category.get', method: 'GET', path: '/categories/{id}', parameters: [category], returns: 'object', meanings: NOT_FOUND }),
	},
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many categories',
		description: 'List the categories of the account',
		operation: declare({ operation: 'getAll', catalogue: 'category.list', method: 'GET', path: '/categories', returns: 'list' }),
	},
	{
		value: 'update',
		name: 'Update',
		action: 'Update a category',
		description: 'Rename a category or change its description',
		operation: declareReplacingUpdate({
			resource: 'category',
			operation: 'update',
			catalogue: ['category.get', 'category.update'],
			path: '/categories/{id}',
			target: category,
			changes: [{ ...name, optional: true }, description],
			noun: 'category',
			serverOwned: ['id', 'creationDate'],
			notice: unconfirmedHint('the method, PUT: the older docs name POST once, their code samples PUT'),
			readMeanings: NOT_FOUND,
			replaceMeanings: { ...NOT_FOUND, ...NAME_TAKEN },
		}),
	},
]);
