import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { np6ApiRequest } from '../transport/request';
import { readParameter, setPath, toProperties, toProperty, type ParameterSpec } from './parameterSpec';
import type { ItemResult, Np6Operation } from './types';

/** An update NP6 takes as a full replacement (PUT) of what a GET of the same path answers. */
export interface ReplacingUpdateSpec {
	resource: string;
	operation: string;
	/** Catalogue keys of the read (GET) and of the replacement (PUT). */
	catalogue: [read: string, replace: string];
	/** Catalogue path, whose one `{param}` the target fills. */
	path: string;
	/** The thing updated, a path parameter (usually a picker). */
	target: ParameterSpec;
	/** The fields a user may change, all optional; at least one is required. */
	changes: ParameterSpec[];
	/** What NP6 calls the thing, for the notice: "notification". */
	noun: string;
	/** Fields the server owns (id, lifecycle stamp): read, not sent back. */
	serverOwned: string[];
	/** Shown after the notice that explains the read-then-replace. */
	notice?: string;
	readMeanings?: Partial<Record<number, string>>;
	replaceMeanings?: Partial<Record<number, string>>;
}

/**
 * Update as NP6 does it, a PUT replacing the whole thing: the current one is read first and sent back
 * with the given fields changed, so the fields the user leaves out keep their values.
 */
export function declareReplacingUpdate(spec: ReplacingUpdateSpec): Np6Operation {
	const notice = `NP6 replaces the whole ${spec.noun} on update: the node reads it first and sends it back with your changes, so fields you leave out keep their values${spec.notice ? `. ${spec.notice}` : ''}`;
	const properties: INodeProperties[] = [
		toProperty(spec.target),
		{ displayName: notice, name: 'updateNotice', type: 'notice', default: '' },
		...toProperties(spec.changes),
	];
	return {
		catalogue: [...spec.catalogue],
		description: updateDisplayOptions({ show: { resource: [spec.resource], operation: [spec.operation] } }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
			const id = readParameter.call(this, spec.target, itemIndex);
			const given = spec.changes
				.map((change) => ({ change, value: readParameter.call(this, change, itemIndex) }))
				.filter(({ value }) => value !== undefined);
			if (given.length === 0) {
				throw new NodeOperationError(this.getNode(), 'No field to update', {
					itemIndex,
					description: 'Add at least one field under "Additional Fields".',
				});
			}
			const path = spec.path.replace(`{${spec.target.key ?? spec.target.name}}`, encodeURIComponent(String(id)));
			const { body: current } = await np6ApiRequest.call(this, { method: 'GET', path, meanings: spec.readMeanings, itemIndex });
			const document = { ...((current ?? {}) as IDataObject) };
			for (const field of spec.serverOwned) delete document[field];
			for (const { change, value } of given) setPath(document, change.key ?? change.name, value);
			const { body } = await np6ApiRequest.call(this, { method: 'PUT', path, body: document, meanings: spec.replaceMeanings, itemIndex });
			return body as IDataObject;
		},
	};
}
