import type { INodeProperties } from 'n8n-workflow';

import type { Np6Resource } from '../../shared/operations/types';
import { compilableResource } from './compilable/compilable.resource';
import { webtaskResource } from './webtask/webtask.resource';
import { workflowResource } from './workflow/workflow.resource';

export const resources: Record<string, Np6Resource> = {
	workflow: workflowResource,
	webtask: webtaskResource,
	compilable: compilableResource,
};

export const resourceChoice: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'workflow',
	options: [
		{ name: 'Compilable', value: 'compilable', description: 'Data transformations: create, check, run and preview' },
		{ name: 'Webtask', value: 'webtask', description: 'Scripts stored in NP6 (NP6 documents only their update)' },
		{ name: 'Workflow', value: 'workflow', description: 'Scripted journeys: nodes, capping, scheduler tasks, listeners, executions' },
	],
};
