import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeProperties,
} from 'n8n-workflow';

import { np6ApiRequest } from '../transport/request';
import { applyLimit, ID_PATTERNS, requiredString, returnAllOrLimit } from './parameters';
import type { ItemResult, Np6Operation } from './types';

export interface ParameterSpec {
	/** Name in the catalogue path (`{id}`) or query. */
	name: string;
	displayName: string;
	description?: string;
	in: 'path' | 'query';
	format?: keyof typeof ID_PATTERNS;
	/** Optional query parameters are left out when empty. */
	optional?: boolean;
}

/** An operation that differs from its siblings only by path, parameters and answer shape. */
export interface OperationSpec {
	resource: string;
	operation: string;
	method: IHttpRequestMethods;
	/** Catalogue path with `{param}` placeholders. */
	path: string;
	parameters?: ParameterSpec[];
	/** `list` adds Return All / Limit; `nothing` outputs `{ success: true }` (204 answers). */
	returns: 'list' | 'object' | 'nothing';
	/** Shown above the parameters: deprecation, low catalogue confidence. */
	notice?: string;
	meanings?: Partial<Record<number, string>>;
}

export function declareOperation(spec: OperationSpec): Np6Operation {
	const properties: INodeProperties[] = [];
	if (spec.notice) {
		properties.push({ displayName: spec.notice, name: `${spec.operation}Notice`, type: 'notice', default: '' });
	}
	for (const parameter of spec.parameters ?? []) {
		properties.push({
			displayName: parameter.displayName,
			name: parameter.name,
			type: 'string',
			default: '',
			required: !parameter.optional,
			description: parameter.description,
		});
	}
	if (spec.returns === 'list') properties.push(...returnAllOrLimit);

	return {
		description: updateDisplayOptions({ show: { resource: [spec.resource], operation: [spec.operation] } }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
			let path = spec.path;
			const query: IDataObject = {};
			for (const parameter of spec.parameters ?? []) {
				if (parameter.in === 'query' && parameter.optional) {
					const value = String(this.getNodeParameter(parameter.name, itemIndex, '') ?? '').trim();
					if (value) query[parameter.name] = value;
					continue;
				}
				const pattern = parameter.format ? ID_PATTERNS[parameter.format] : undefined;
				const value = requiredString.call(this, parameter.name, parameter.displayName, itemIndex, pattern);
				if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(value));
				else query[parameter.name] = value;
			}
			const { body } = await np6ApiRequest.call(this, {
				method: spec.method,
				path,
				query,
				meanings: spec.meanings,
				itemIndex,
			});
			if (spec.returns === 'nothing') return { success: true };
			if (spec.returns === 'list') return applyLimit.call(this, asList(body), itemIndex) as IDataObject[];
			return body as IDataObject;
		},
	};
}

function asList(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body.map((entry) => (entry !== null && typeof entry === 'object' ? entry : { value: entry }) as IDataObject);
	return body === undefined || body === null ? [] : [body as IDataObject];
}
