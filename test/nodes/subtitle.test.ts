/** The canvas subtitle reads "<Operation name>: <Resource name>", as n8n's expression engine evaluates it. */
import { Workflow, type INode, type INodeProperties, type INodePropertyOptions, type INodeType, type INodeTypes } from 'n8n-workflow';

import { Np6Action } from '../../nodes/Np6Action/Np6Action.node';
import { resourceChoice as actionResourceChoice, resources as actionResources } from '../../nodes/Np6Action/actions/resources';
import { Np6Campaign } from '../../nodes/Np6Campaign/Np6Campaign.node';
import { resourceChoice as campaignResourceChoice, resources as campaignResources } from '../../nodes/Np6Campaign/actions/resources';
import { Np6Contact } from '../../nodes/Np6Contact/Np6Contact.node';
import { resourceChoice as contactResourceChoice, resources as contactResources } from '../../nodes/Np6Contact/actions/resources';
import { Np6Setting } from '../../nodes/Np6Setting/Np6Setting.node';
import { resourceChoice as settingResourceChoice, resources as settingResources } from '../../nodes/Np6Setting/actions/resources';
import type { Np6Resource } from '../../nodes/shared/operations/types';

interface NodeUnderTest {
	nodeType: INodeType;
	resourceChoice: INodeProperties;
	resources: Record<string, Np6Resource>;
}

const nodes: NodeUnderTest[] = [
	{ nodeType: new Np6Contact(), resourceChoice: contactResourceChoice, resources: contactResources },
	{ nodeType: new Np6Action(), resourceChoice: actionResourceChoice, resources: actionResources },
	{ nodeType: new Np6Setting(), resourceChoice: settingResourceChoice, resources: settingResources },
	{ nodeType: new Np6Campaign(), resourceChoice: campaignResourceChoice, resources: campaignResources },
];

function subtitleOf(nodeType: INodeType, parameters: { resource: string; operation: string }): unknown {
	const node: INode = {
		id: '1',
		name: nodeType.description.displayName,
		type: `n8n-nodes-np6.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle!, 'internal', {});
}

const pairs = nodes.flatMap(({ nodeType, resourceChoice, resources }) =>
	(resourceChoice.options as INodePropertyOptions[]).flatMap((resource) => {
		const operationChoice = resources[String(resource.value)].description.find((p) => p.name === 'operation')!;
		return (operationChoice.options as INodePropertyOptions[]).map((operation) => ({
			label: `${nodeType.description.name} ${resource.value}/${operation.value}`,
			nodeType,
			parameters: { resource: String(resource.value), operation: String(operation.value) },
			expected: `${operation.name}: ${resource.name}`,
		}));
	}),
);

test.each(pairs.map((p) => [p.label, p]))('%s', (_, { nodeType, parameters, expected }) => {
	expect(subtitleOf(nodeType, parameters)).toBe(expected);
});

test('the subtitle uses display names, e.g. "Create or Update: Contact"', () => {
	expect(subtitleOf(new Np6Contact(), { resource: 'contact', operation: 'upsert' })).toBe('Create or Update: Contact');
	expect(subtitleOf(new Np6Action(), { resource: 'action', operation: 'send' })).toBe('Send: Email & SMS Action');
});
