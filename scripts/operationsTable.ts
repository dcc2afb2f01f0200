/**
 * The README's table of a node's operations, generated from the node's own resources and the
 * catalogue: `npm run docs:operations` rewrites the tables between the README markers, and a test
 * fails when the README and the nodes disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Np6Operation, Np6Resource } from '../nodes/shared/operations/types';
import { catalogueOperation } from '../simulator/catalogue';

export interface DocumentedNode {
	/** Marker name in the README: <!-- operations:NAME --> … <!-- /operations:NAME --> */
	name: string;
	resourceChoice: INodeProperties;
	resources: Record<string, Np6Resource>;
}

export function operationsTable(node: DocumentedNode): string {
	const rows = ['| resource | operation | NP6 endpoint | notes |', '| --- | --- | --- | --- |'];
	for (const resourceOption of node.resourceChoice.options as INodePropertyOptions[]) {
		const resource = node.resources[String(resourceOption.value)];
		const dropdown = resource.description.find((p) => p.name === 'operation')!;
		for (const option of dropdown.options as INodePropertyOptions[]) {
			const operation = resource.operations[String(option.value)];
			const catalogue = operation.catalogue.map(catalogueOperation);
			const endpoints = catalogue.map((o) => `\`${o.method} ${o.path}${requiredQuery(o.queryParams)}\``);
			const notes = [
				deprecationNote(operation),
				catalogue.some((o) => o.confidence === 'low') ? 'not fully confirmed: check the result on your account' : '',
				option.description ?? '',
			].filter(Boolean);
			rows.push(`| ${resourceOption.name} | ${option.name} | ${[...new Set(endpoints)].join('<br>')} | ${notes.join('; ')} |`);
		}
	}
	return rows.join('\n');
}

function deprecationNote(operation: Np6Operation): string {
	if (!operation.deprecated) return '';
	return operation.replacedBy ? `deprecated in NP6 API 8.1.0, replaced by ${operation.replacedBy}` : 'deprecated in NP6 API 8.1.0, no replacement, still works';
}

function requiredQuery(params: Array<{ name: string; required?: boolean | null }>): string {
	const required = params.filter((p) => p.required).map((p) => `${p.name}=`);
	return required.length ? `?${required.join('&')}` : '';
}

const README = join(__dirname, '..', 'README.md');

export function readmeWithTables(readme: string, nodes: DocumentedNode[]): string {
	return nodes.reduce((text, node) => {
		const pattern = new RegExp(`(<!-- operations:${node.name} -->)[\\s\\S]*?(<!-- /operations:${node.name} -->)`);
		if (!pattern.test(text)) throw new Error(`README has no markers for ${node.name}`);
		return text.replace(pattern, (_, open: string, close: string) => `${open}\n${operationsTable(node)}\n${close}`);
	}, readme);
}

export async function documentedNodes(): Promise<DocumentedNode[]> {
	const contact = await import('../nodes/Np6Contact/actions/resources');
	const action = await import('../nodes/Np6Action/actions/resources');
	const event = await import('../nodes/Np6Event/actions/resources');
	const setting = await import('../nodes/Np6Setting/actions/resources');
	const campaign = await import('../nodes/Np6Campaign/actions/resources');
	const scripting = await import('../nodes/Np6Scripting/actions/resources');
	return [
		{ name: 'np6Contact', resourceChoice: contact.resourceChoice, resources: contact.resources },
		{ name: 'np6Action', resourceChoice: action.resourceChoice, resources: action.resources },
		{ name: 'np6Event', resourceChoice: event.resourceChoice, resources: event.resources },
		{ name: 'np6Setting', resourceChoice: setting.resourceChoice, resources: setting.resources },
		{ name: 'np6Campaign', resourceChoice: campaign.resourceChoice, resources: campaign.resources },
		{ name: 'np6Scripting', resourceChoice: scripting.resourceChoice, resources: scripting.resources },
	];
}

if (require.main === module) {
	void documentedNodes().then((nodes) => {
		writeFileSync(README, readmeWithTables(readFileSync(README, 'utf8'), nodes));
		console.log(`README operation tables rewritten for ${nodes.map((n) => n.name).join(', ')}`);
	});
}
