import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Np6Resource } from './types';

/**
 * The canvas subtitle, "<Operation name>: <Resource name>". The editor shows option values as they
 * are, so the expression looks the display names up in a table built from the dropdowns themselves.
 */
export function subtitleExpression(resourceChoice: INodeProperties, resources: Record<string, Np6Resource>): string {
	const names: Record<string, string> = {};
	for (const resource of resourceChoice.options as INodePropertyOptions[]) {
		const operationChoice = resources[String(resource.value)].description.find((p) => p.name === 'operation');
		for (const operation of (operationChoice?.options ?? []) as INodePropertyOptions[]) {
			names[`${resource.value}/${operation.value}`] = `${operation.name}: ${resource.name}`;
		}
	}
	return `={{ (${JSON.stringify(names)})[$parameter["resource"] + "/" + $parameter["operation"]] }}`;
}
