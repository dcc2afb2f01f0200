import { declareOperation } from '../../../shared/operations/declareOperation';
import type { ParameterSpec } from '../../../shared/operations/parameterSpec';
import { defineResource, lowConfidenceHint } from '../../../shared/operations/resource';
import { PICKERS } from '../../../shared/methods/pickers';

const field: ParameterSpec = {
	name: 'field',
	label: 'Field',
	in: 'path',
	key: 'id',
	picker: { searchMethod: 'searchFields', idFormat: 'integer', idPlaceholder: 'e.g. 728' },
};

/** The field definition, as create and update (a full replacement) send it. */
const definition: ParameterSpec[] = [
	{ name: 'name', label: 'Name', in: 'body', description: 'Unique among the fields of the account' },
	{
		name: 'type',
		label: 'Type',
		in: 'body',
		type: 'options',
		default: 'textField',
		options: [
			{ name: 'Date', value: 'date' },
			{ name: 'Email', value: 'email' },
			{ name: 'Multiple Select List', value: 'multipleSelectList' },
			{ name: 'Numeric', value: 'numeric' },
			{ name: 'Phone', value: 'phone' },
			{ name: 'Single Select List', value: 'singleSelectList' },
			{ name: 'Text Area', value: 'textArea' },
			{ name: 'Text Field', value: 'textField' },
		],
	},
	{ name: 'isUnicity', label: 'Is Unicity', in: 'body', type: 'boolean', description: 'Whether the field identifies contacts (part of the unicity key)' },
	{ name: 'isMandatory', label: 'Is Mandatory', in: 'body', type: 'boolean', description: 'Whether every contact must have a value' },
	{ name: 'isCriterion', label: 'Is Segmentation Criterion', in: 'body', type: 'boolean', optional: true, description: 'Whether segments can filter on the field' },
	{
		name: 'valueListId',
		label: 'Value List',
		in: 'body',
		optional: true,
		picker: PICKERS.valueList,
		description: 'Required for select-list fields',
	},
	{
		name: 'constraintOperator',
		label: 'Constraint Operator',
		in: 'body',
		key: 'constraint.operator',
		type: 'options',
		optional: true,
		default: 0,
		options: [
			{ name: 'Equal', value: 5 },
			{ name: 'Greater Than', value: 1 },
			{ name: 'Greater Than or Equal', value: 3 },
			{ name: 'None', value: 0 },
			{ name: 'Smaller Than', value: 2 },
			{ name: 'Smaller Than or Equal', value: 4 },
		],
	},
	{ name: 'constraintValue', label: 'Constraint Value', in: 'body', key: 'constraint.value', optional: true, placeholder: '150' },
];

const OLDER_DOCS = lowConfidenceHint('the current NP6 reference does not confirm its form');

export const fieldResource = defineResource('field', 'getAll', [
	{
		value: 'create',
		name: 'Create',
		action: 'Create a field',
		description: 'Create a contact field',
		operation: declareOperation({
			resource: 'field',
			operation: 'create',
			catalogue: 'field.create',
			method: 'POST',
			path: '/fields',
			parameters: definition,
			returns: 'object',
			deprecated: true,
			meanings: { 409: 'A field with this name already exists' },
		}),
	},
	{
		value: 'get',
		name: 'Get',
		action: 'Get a field',
		description: 'Get a contact field',
		operation: declareOperation({
			resource: 'field',
			operation: 'get',
			catalogue: 'field.get',
			method: 'GET',
			path: '/fields/{id}',
			parameters: [field],
			returns: 'object',
			deprecated: true,
			notice: OLDER_DOCS,
			meanings: { 404: 'NP6 has no field with this ID' },
		}),
	},
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many fields',
		description: 'List the contact fields of the account',
		operation: declareOperation({
			resource: 'field',
			operation: 'getAll',
			catalogue: 'field.list',
			method: 'GET',
			path: '/fields',
			returns: 'list',
			deprecated: true,
		}),
	},
	{
		value: 'update',
		name: 'Update',
		action: 'Update a field',
		description: 'Replace the definition of a contact field',
		operation: declareOperation({
			resource: 'field',
			operation: 'update',
			catalogue: 'field.update',
			method: 'PUT',
			path: '/fields/{id}',
			parameters: [field, ...definition],
			returns: 'object',
			deprecated: true,
			notice: OLDER_DOCS,
			meanings: { 404: 'NP6 has no field with this ID', 409: 'Another field already has this name' },
		}),
	},
	{
		value: 'delete',
		name: 'Delete',
		action: 'Delete a field',
		description: 'Delete a contact field',
		operation: declareOperation({
			resource: 'field',
			operation: 'delete',
			catalogue: 'field.delete',
			method: 'DELETE',
			path: '/fields/{id}',
			parameters: [field],
			returns: 'nothing',
			deprecated: true,
			notice: OLDER_DOCS,
			meanings: { 404: 'NP6 has no field with this ID' },
		}),
	},
]);
