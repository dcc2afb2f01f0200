import { declareOperation, type OperationSpec } from '../../../shared/operations/declareOperation';
import type { ParameterSpec } from '../../../shared/operations/parameterSpec';
import { defineResource, unconfirmedHint } from '../../../shared/operations/resource';

const declare = (spec: Omit<OperationSpec, 'resource'>) => declareOperation({ ...spec, resource: 'compilable' });

/** NP6 documents no list of compilables: the ID (a UUID, as Create and Duplicate output it) is given. */
const compilableId: ParameterSpec = {
	name: 'compilableId',
	label: 'Compilable ID',
	in: 'path',
	key: 'id',
	format: 'uuid',
	placeholder: 'e.g. 0581e259-9039-487c-a94e-ff8c3944f956',
	description: 'NP6 has no API to list compilables: give the ID that Create or Duplicate output, or that NP6 shows',
};
const NOT_FOUND = { 404: 'NP6 has no compilable with this ID' };

const DEFINITION_SHAPE =
	'"type" (the kind of compilable), "source" (the underlying data source), "cursors" (transformations), "parameters" (expected arguments) and "preview" (arguments used to preview)';

export const compilableResource = defineResource('compilable', 'execute', [
	{
		value: 'create',
		name: 'Create',
		action: 'Create a compilable',
		description: 'Create a compilable (a data transformation)',
		operation: declare({
			operation: 'create',
			catalogue: 'compilable.create',
			method: 'POST',
			path: '/scripting/compilables',
			parameters: [
				{ name: 'name', label: 'Name', in: 'body' },
				{ name: 'description', label: 'Description', in: 'body', optional: true },
				{
					name: 'definition',
					label: 'Definition (JSON)',
					in: 'body',
					key: 'value',
					type: 'json',
					jsonType: 'object',
					optional: true,
					description: `A JSON object with ${DEFINITION_SHAPE}, e.g. {"type": "…", "source": {}, "cursors": [], "parameters": [], "preview": {}}. NP6 does not document the kinds.`,
					placeholder: '{"type": "…", "source": {}}',
				},
			],
			returns: 'object',
			notice: unconfirmedHint('the method and path (POST /scripting/compilables), inferred from the other compilable operations'),
			meanings: { 400: 'NP6 could not read the compilable (wrong shape)' },
		}),
	},
	{
		value: 'getFlaws',
		name: 'Get Flaws',
		action: 'Get the flaws of a compilable',
		description: 'List what NP6 finds wrong in a compilable, one item per flaw',
		operation: declare({ operation: 'getFlaws', catalogue: 'compilable.getFlaws', method: 'GET', path: '/scripting/compilables/{id}/flaws', parameters: [compilableId], returns: 'list', meanings: NOT_FOUND }),
	},
	{
		value: 'duplicate',
		name: 'Duplicate',
		action: 'Duplicate a compilable',
		description: 'Copy a compilable',
		operation: declare({ operation: 'duplicate', catalogue: 'compilable.duplicate', method: 'POST', path: '/scripting/compilables/{id}/duplication', parameters: [compilableId], returns: 'object', meanings: NOT_FOUND }),
	},
	{
		value: 'execute',
		name: 'Execute',
		action: 'Execute a compilable',
		description: "Run a compilable with arguments and get NP6's result",
		operation: declare({
			operation: 'execute',
			catalogue: 'compilable.execute',
			method: 'POST',
			path: '/scripting/compilables/{id}/execution',
			parameters: [
				compilableId,
				{
					name: 'arguments',
					label: 'Arguments (JSON)',
					in: 'body',
					key: '.',
					type: 'json',
					jsonType: 'object',
					default: '{}',
					description: 'A JSON object of the arguments the compilable expects (its "parameters"), e.g. {"day": "2026-03-01"}',
					placeholder: '{"day": "2026-03-01"}',
				},
			],
			returns: 'object',
			meanings: { ...NOT_FOUND, 400: 'NP6 could not read the arguments' },
		}),
	},
	{
		value: 'preview',
		name: 'Preview',
		action: 'Preview a compilable',
		description: 'Preview a compilable using the given definition',
		operation: declare({
			operation: 'preview',
			catalogue: 'compilable.preview',
			method: 'POST',
			path: '/scripting/compilables/{id}/preview',
			parameters: [
				compilableId,
				{
					name: 'definition',
					label: 'Compilable (JSON)',
					in: 'body',
					key: 'value',
					type: 'json',
					jsonType: 'object',
					default: '',
					description: `The compilable to preview as a JSON object, as Create or Duplicate output it, with your changes: {"id", "name", "value": {${DEFINITION_SHAPE}}}, e.g. {"id": "0581e259-9039-487c-a94e-ff8c3944f956", "name": "Orders by day", "value": {"type": "…", "preview": {"day": "2026-03-01"}}}`,
					placeholder: '{"name": "Orders by day", "value": {"type": "…", "preview": {}}}',
				},
			],
			returns: 'object',
			notice: unconfirmedHint("the method and path (POST …/preview) and NP6's answer, which the node outputs as it comes"),
			meanings: { ...NOT_FOUND, 400: 'NP6 could not read the compilable to preview' },
		}),
	},
]);
