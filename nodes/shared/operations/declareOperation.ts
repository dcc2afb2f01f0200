import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeProperties,
} from 'n8n-workflow';

import { readableContacts } from '../np6/contactOutput';
import { forgetMetadata } from '../np6/metadataCache';
import { np6ApiRequest } from '../transport/request';
import { applyLimit, readLimit, returnAllOrLimit } from './parameters';
import { deprecationHint } from './resource';
import { readParameter, setPath, toProperties, type ParameterSpec } from './parameterSpec';
import type { ItemResult, Np6Operation } from './types';

/** An operation that differs from its siblings only by path, parameters and answer shape. */
export interface OperationSpec {
	resource: string;
	operation: string;
	/** Catalogue keys this operation calls (read by the catalogue coverage test). */
	catalogue: string | string[];
	method: IHttpRequestMethods;
	/** Catalogue path with `{param}` placeholders. */
	path: string;
	parameters?: ParameterSpec[];
	/** Body sent when no parameter goes to the body (e.g. `{}` for NP6 calls that want one). */
	fixedBody?: unknown;
	contentType?: string;
	accept?: string;
	/** `list` adds Return All / Limit; `nothing` outputs `{ success: true }` (204 answers). */
	returns: 'list' | 'object' | 'nothing';
	/** The answer is contacts: their field values are named and typed (see contactOutput). */
	outputsContacts?: boolean;
	/** Wraps a bare value answer (e.g. a count) into an output item. */
	outputKey?: string;
	/** Shown above the parameters: deprecation, low catalogue confidence. */
	notice?: string;
	deprecated?: boolean;
	/** The operation NP6 names as the replacement of a deprecated one, e.g. "Email & SMS Action → Send". */
	replacedBy?: string;
	meanings?: Partial<Record<number, string>>;
}

export function declareOperation(spec: OperationSpec): Np6Operation {
	const properties: INodeProperties[] = [];
	const notice = [spec.deprecated ? deprecationHint(spec.replacedBy) : '', spec.notice ?? ''].filter(Boolean).join(' ');
	if (notice) properties.push({ displayName: notice, name: `${spec.operation}Notice`, type: 'notice', default: '' });
	properties.push(...toProperties(spec.parameters ?? []));
	if (spec.returns === 'list') properties.push(...returnAllOrLimit);

	return {
		catalogue: ([] as string[]).concat(spec.catalogue),
		deprecated: spec.deprecated,
		replacedBy: spec.replacedBy,
		description: updateDisplayOptions({ show: { resource: [spec.resource], operation: [spec.operation] } }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
			let path = spec.path;
			const query: IDataObject = {};
			let body: IDataObject | undefined;
			const limit = spec.returns === 'list' ? readLimit.call(this, itemIndex) : undefined;
			for (const parameter of spec.parameters ?? []) {
				const value = readParameter.call(this, parameter, itemIndex);
				if (value === undefined) continue;
				const key = parameter.key ?? parameter.name;
				// Option values are the node's own constants (e.g. "tracking/opens"); typed values are encoded.
				if (parameter.in === 'path') path = path.replace(`{${key}}`, parameter.type === 'options' ? String(value) : encodeURIComponent(String(value)));
				else if (parameter.in === 'query') query[key] = value as IDataObject[string];
				else if (key === '.') body = value as IDataObject;
				else setPath((body ??= {}), key, value);
			}
			const response = await np6ApiRequest.call(this, {
				method: spec.method,
				path,
				query,
				body: body ?? spec.fixedBody,
				contentType: spec.contentType,
				accept: spec.accept,
				// Asked for plain JSON, an 'object' operation expects an object; a bare value only where the spec names
				// its key or asks for its own media type (e.g. a legacy send's message id).
				answers: spec.returns === 'object' && !spec.outputKey && !spec.accept ? 'object' : undefined,
				meanings: spec.meanings,
				itemIndex,
			});
			if (spec.method !== 'GET' && changesFieldLists.test(spec.path)) await forgetMetadata(this, ['/fields', '/valueLists']);
			if (spec.returns === 'nothing') return { success: true };
			if (spec.returns === 'list') {
				const listed = applyLimit(asList(response.body), limit);
				return spec.outputsContacts ? ((await readableContacts.call(this, listed)) as IDataObject[]) : listed;
			}
			if (spec.outputKey || typeof response.body !== 'object' || response.body === null) {
				return { [spec.outputKey ?? 'value']: response.body as IDataObject[string] };
			}
			return response.body as IDataObject;
		},
	};
}

/** Writes that change what the metadata cache holds (fields, value lists). */
const changesFieldLists = /^\/(fields|valueLists)(\/|$)/;

function asList(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body.map((entry) => (entry !== null && typeof entry === 'object' ? entry : { value: entry }) as IDataObject);
	return body === undefined || body === null ? [] : [body as IDataObject];
}
