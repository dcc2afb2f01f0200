import { declareOperation, type OperationSpec } from '../../../shared/operations/declareOperation';
import { defineResource, unconfirmedHint, type OperationEntry } from '../../../shared/operations/resource';
import { execute } from './execute.operation';
import { requireChanges } from '../requireChanges';
import { WORKFLOW_NOT_FOUND, WORKFLOW_PARTS, workflowDefinition, workflowPicker, type WorkflowPart } from './workflowParameters';

const declare = (spec: Omit<OperationSpec, 'resource'>) => declareOperation({ ...spec, resource: 'workflow' });
const NOT_IN_REFERENCE = unconfirmedHint("NP6's 8.1.0 reference does not show this operation; it follows NP6's REST pattern");
const INVALID = { 400: 'NP6 could not read the workflow (wrong shape, or a node type or capping unit it does not know)' };

/** Get and Replace for nodes, capping, scheduler tasks and listeners: the same two operations on four paths. */
const partOperations = (part: WorkflowPart): OperationEntry[] => {
	const lower = part.name.toLowerCase();
	return [
		{
			value: `get${part.suffix}`,
			name: `Get ${part.name}`,
			action: `Get the ${lower} of a workflow`,
			description: `List the ${lower} of a workflow`,
			operation: declare({
				operation: `get${part.suffix}`,
				catalogue: `workflow.get${part.suffix}`,
				method: 'GET',
				path: `/scripting/workflows/{id}/${part.part}`,
				parameters: [workflowPicker],
				returns: 'list',
				notice: part.unconfirmed.get && unconfirmedHint(part.unconfirmed.get),
				meanings: WORKFLOW_NOT_FOUND,
			}),
		},
		{
			value: `replace${part.suffix}`,
			name: `Replace ${part.name}`,
			action: `Replace the ${lower} of a workflow`,
			description: `Replace the ${lower} of a workflow with the given array`,
			operation: declare({
				operation: `replace${part.suffix}`,
				catalogue: `workflow.update${part.suffix}`,
				method: 'PUT',
				path: `/scripting/workflows/{id}/${part.part}`,
				parameters: [workflowPicker, { ...part.spec, key: '.' }],
				returns: 'object',
				outputKey: part.part,
				notice: unconfirmedHint(part.unconfirmed.replace),
				meanings: { ...WORKFLOW_NOT_FOUND, ...INVALID },
			}),
		},
	];
};

export const workflowResource = defineResource('workflow', 'execute', [
	{
		value: 'create',
		name: 'Create',
		action: 'Create a workflow',
		description: 'Create a scripting workflow',
		operation: declare({ operation: 'create', catalogue: 'workflow.create', method: 'POST', path: '/scripting/workflows', parameters: workflowDefinition, returns: 'object', meanings: INVALID }),
	},
	{
		value: 'get',
		name: 'Get',
		action: 'Get a workflow',
		description: 'Get a workflow with its nodes, capping, scheduler tasks and listeners',
		operation: declare({
			operation: 'get',
			catalogue: 'workflow.get',
			method: 'GET',
			path: '/scripting/workflows/{id}',
			parameters: [workflowPicker],
			returns: 'object',
			notice: NOT_IN_REFERENCE,
			meanings: WORKFLOW_NOT_FOUND,
		}),
	},
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many workflows',
		description: 'List the scripting workflows of the account',
		operation: declare({
			operation: 'getAll',
			catalogue: 'workflow.list',
			method: 'GET',
			path: '/scripting/workflows',
			returns: 'list',
			notice: NOT_IN_REFERENCE,
		}),
	},
	{
		value: 'update',
		name: 'Update',
		action: 'Update a workflow',
		description: 'Replace a workflow (parts left out are emptied; Patch changes only the fields given)',
		operation: declare({
			operation: 'update',
			catalogue: 'workflow.update',
			method: 'PUT',
			path: '/scripting/workflows/{id}',
			parameters: [workflowPicker, ...workflowDefinition],
			returns: 'object',
			notice: 'NP6 replaces the whole workflow: send every part to keep, or use Patch to change only some fields.',
			meanings: { ...WORKFLOW_NOT_FOUND, ...INVALID },
		}),
	},
	{
		value: 'patch',
		name: 'Patch',
		action: 'Patch a workflow',
		description: 'Change only the given fields of a workflow',
		operation: requireChanges(
			declare({
				operation: 'patch',
				catalogue: 'workflow.patch',
				method: 'PATCH',
				path: '/scripting/workflows/{id}',
				parameters: [workflowPicker, ...workflowDefinition.map((spec) => ({ ...spec, optional: true }))],
				returns: 'object',
				notice: unconfirmedHint("the request body (NP6's reference shows none); the node sends the fields given, as a partial workflow"),
				meanings: { ...WORKFLOW_NOT_FOUND, ...INVALID },
			}),
		),
	},
	{
		value: 'delete',
		name: 'Delete',
		action: 'Delete a workflow',
		description: 'Delete a workflow',
		operation: declare({ operation: 'delete', catalogue: 'workflow.delete', method: 'DELETE', path: '/scripting/workflows/{id}', parameters: [workflowPicker], returns: 'nothing', meanings: WORKFLOW_NOT_FOUND }),
	},
	{
		value: 'duplicate',
		name: 'Duplicate',
		action: 'Duplicate a workflow',
		description: 'Copy a workflow',
		operation: declare({ operation: 'duplicate', catalogue: 'workflow.duplicate', method: 'POST', path: '/scripting/workflows/{id}/duplication', parameters: [workflowPicker], returns: 'object', meanings: WORKFLOW_NOT_FOUND }),
	},
	{
		value: 'execute',
		name: 'Execute',
		action: 'Execute a workflow',
		description: 'Start a workflow for one or more receivers',
		operation: execute,
	},
	...WORKFLOW_PARTS.flatMap(partOperations),
]);
