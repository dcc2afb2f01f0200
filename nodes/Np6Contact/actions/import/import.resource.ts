import { declareOperation, type OperationSpec } from '../../../shared/operations/declareOperation';
import type { ParameterSpec } from '../../../shared/operations/parameterSpec';
import { defineResource, unconfirmedHint } from '../../../shared/operations/resource';
import { MEDIA_TYPE } from '../../../shared/transport/mediaTypes';
import * as importFromFile from './importFromFile.operation';
import { importPicker } from './importParameters';
import * as uploadFile from './uploadFile.operation';

const NOT_FOUND = { 404: 'NP6 has no import with this ID' };

/** The import section answers (and, per the older docs, wants to be asked) in its vendor media type. */
const declare = (spec: Omit<OperationSpec, 'resource' | 'accept'>) =>
	declareOperation({ ...spec, resource: 'import', accept: MEDIA_TYPE.importModel });

const definitionJson: ParameterSpec = {
	name: 'definition',
	label: 'Import Definition (JSON)',
	in: 'body',
	key: '.',
	type: 'json',
	jsonType: 'object',
	default: '{\n  "name": "Import Contacts",\n  "binding": 44,\n  "features": [{ "type": "database", "updateExisting": true, "crushData": false }]\n}',
	description: "NP6's import definition: name, binding (the ID from Create Binding), features (segmentation, redList, duplicate, report, database, normalization) and source",
};

export const importResource = defineResource('import', 'importFromFile', [
	{
		value: 'importFromFile',
		name: 'Import Contacts From File',
		action: 'Import contacts from a CSV file',
		description: 'Create or update contacts from a CSV file in the binary data, and wait for the result',
		operation: importFromFile,
	},
	{
		value: 'createBinding',
		name: 'Create Binding',
		action: 'Create an import binding',
		description: 'Describe how the columns of a file map to contact fields',
		operation: declareOperation({
			resource: 'import',
			operation: 'createBinding',
			catalogue: 'importFormat.create',
			method: 'POST',
			path: '/importFormats',
			parameters: [
				{ name: 'name', label: 'Name', in: 'body' },
				{
					name: 'separator',
					label: 'Separator',
					in: 'body',
					type: 'options',
					default: 59,
					options: [
						{ name: 'Comma (,)', value: 44 },
						{ name: 'Pipe (|)', value: 124 },
						{ name: 'Semicolon (;)', value: 59 },
						{ name: 'Tab', value: 9 },
					],
				},
				{ name: 'startAt', label: 'Start At', in: 'body', type: 'number', default: 1, description: 'Lines to skip before the data (1 skips a header line)' },
				{
					name: 'binds',
					label: 'Column Bindings (JSON)',
					in: 'body',
					type: 'json',
					jsonType: 'array',
					default: '[{ "columnIndex": 0, "fieldId": 728 }, { "columnIndex": 1, "fieldId": -10 }]',
					description: 'One entry per column: its 0-based index and the field ID it fills (-10 ignores the column)',
				},
				{ name: 'savedImportFormat', label: 'Save Binding', in: 'body', type: 'boolean', default: true, description: 'Whether NP6 keeps the binding for reuse' },
			],
			returns: 'object',
			meanings: { 409: 'A binding with this name already exists' },
		}),
	},
	{
		value: 'getBinding',
		name: 'Get Binding',
		action: 'Get an import binding',
		description: 'Get an import binding',
		operation: declareOperation({
			resource: 'import',
			operation: 'getBinding',
			catalogue: 'importFormat.get',
			method: 'GET',
			path: '/importFormats/{id}',
			parameters: [{ name: 'bindingId', label: 'Binding ID', in: 'path', key: 'id', format: 'integer' }],
			returns: 'object',
			meanings: { 404: 'NP6 has no binding with this ID' },
		}),
	},
	{
		value: 'create',
		name: 'Create',
		action: 'Create an import definition',
		description: 'Create an import definition',
		operation: declare({
			operation: 'create',
			catalogue: 'import.create',
			method: 'POST',
			path: '/imports',
			parameters: [definitionJson],
			returns: 'object',
			deprecated: true,
		}),
	},
	{
		value: 'get',
		name: 'Get',
		action: 'Get an import definition',
		description: 'Get an import definition',
		operation: declare({ operation: 'get', catalogue: 'import.get', method: 'GET', path: '/imports/{id}', parameters: [importPicker], returns: 'object', meanings: NOT_FOUND }),
	},
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many import definitions',
		description: 'List the import definitions of the account',
		operation: declare({ operation: 'getAll', catalogue: 'import.list', method: 'GET', path: '/imports', returns: 'list' }),
	},
	{
		value: 'update',
		name: 'Update',
		action: 'Update an import definition',
		description: 'Replace an import definition',
		operation: declare({
			operation: 'update',
			catalogue: 'import.update',
			method: 'PUT',
			path: '/imports/{id}',
			parameters: [importPicker, definitionJson],
			returns: 'object',
			notice: unconfirmedHint('the HTTP method (PUT) is a guess'),
			meanings: NOT_FOUND,
		}),
	},
	{
		value: 'delete',
		name: 'Delete',
		action: 'Delete an import definition',
		description: 'Delete an import definition',
		operation: declare({
			operation: 'delete',
			catalogue: 'import.delete',
			method: 'DELETE',
			path: '/imports/{id}',
			parameters: [importPicker],
			returns: 'nothing',
			deprecated: true,
			meanings: NOT_FOUND,
		}),
	},
	{
		value: 'uploadFile',
		name: 'Upload File',
		action: 'Upload the file of an import',
		description: 'Upload the file an import will read, from binary data',
		operation: uploadFile,
	},
	{
		value: 'start',
		name: 'Start',
		action: 'Start an import',
		description: 'Start an execution of an import (after its file was uploaded)',
		operation: declare({
			operation: 'start',
			catalogue: 'import.execute',
			method: 'POST',
			path: '/imports/{id}/executions',
			parameters: [
				importPicker,
				{ name: 'binding', label: 'Binding ID', in: 'body', type: 'number', description: 'The binding to read the file with' },
				{ name: 'features', label: 'Features (JSON)', in: 'body', type: 'json', optional: true, description: 'Replaces the features of the definition for this execution' },
			],
			returns: 'object',
			deprecated: true,
			meanings: { ...NOT_FOUND, 409: 'The import cannot start: no file was uploaded, or it is already running' },
		}),
	},
	{
		value: 'getStatus',
		name: 'Get Status',
		action: 'Get the status of an import',
		description: 'Get the state of the last execution of an import (0 processing, 1 completed, 2 error)',
		operation: declare({
			operation: 'getStatus',
			catalogue: 'import.getLastExecution',
			method: 'GET',
			path: '/imports/{id}/executions',
			parameters: [importPicker],
			returns: 'object',
			deprecated: true,
			meanings: NOT_FOUND,
		}),
	},
]);
