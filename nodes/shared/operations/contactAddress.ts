import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeProperties,
} from 'n8n-workflow';

import { np6ApiRequest } from '../transport/request';
import { applyLimit, ID_PATTERNS, readLimit, requiredString, returnAllOrLimit } from './parameters';
import type { ItemResult, Np6Operation } from './types';

export type ContactAddress = 'id' | 'unicity' | 'hash';

export const contactIdProperty: INodeProperties = {
	displayName: 'Contact ID',
	name: 'contactId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '000PKXK4',
};

/** "Find Contact By: ID / Unicity / Hash" and the three value fields, for any resource/operation. */
export function contactAddressProperties(defaultWay: ContactAddress = 'unicity'): INodeProperties[] {
	return [
		{
			displayName: 'Find Contact By',
			name: 'findBy',
			type: 'options',
			noDataExpression: true,
			default: defaultWay,
			options: [
				{ name: 'Hash', value: 'hash', description: 'MD5 of the unicity value (32 hexadecimal characters)' },
				{ name: 'ID', value: 'id', description: 'NP6 contact ID, such as 000PKXK4' },
				{ name: 'Unicity', value: 'unicity', description: 'Value of the unicity field, usually the email address' },
			],
		},
		{ ...contactIdProperty, displayOptions: { show: { findBy: ['id'] } } },
		{
			displayName: 'Unicity Value',
			name: 'unicity',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'alice@example.com',
			description: "The value of the contact's unicity field, usually its email address",
			displayOptions: { show: { findBy: ['unicity'] } },
		},
		{
			displayName: 'Hash',
			name: 'hash',
			type: 'string',
			default: '',
			required: true,
			placeholder: '3858f62230ac3c915f300c664312c63f',
			displayOptions: { show: { findBy: ['hash'] } },
		},
	];
}

/** Reads the contact address of one item, checked before any request. */
export function readContactAddress(this: IExecuteFunctions, itemIndex: number): { way: ContactAddress; value: string } {
	const way = this.getNodeParameter('findBy', itemIndex) as ContactAddress;
	if (way === 'id') return { way, value: requiredString.call(this, 'contactId', 'Contact ID', itemIndex, ID_PATTERNS.contact) };
	if (way === 'hash') return { way, value: requiredString.call(this, 'hash', 'Hash', itemIndex, ID_PATTERNS.hash).toLowerCase() };
	return { way, value: requiredString.call(this, 'unicity', 'Unicity Value', itemIndex) };
}

/**
 * An operation on one contact that NP6 offers in several forms: an id in the path
 * (`/targets/{id}/subscriptions`) and the unicity or hash as a query key on a shared path
 * (`/targets/subscriptions?unicity=` / `?hash=`), which NP6 routes on.
 */
export function declareContactOperation(spec: {
	resource: string;
	operation: string;
	method: IHttpRequestMethods;
	catalogue: Record<ContactAddress, string>;
	/** Path with `{id}`, and the shared path for the query-key forms. */
	paths: { id: string; query: string };
	returns: 'list' | 'nothing' | 'object';
	meanings?: Partial<Record<number, string>>;
	extraQuery?: (this: IExecuteFunctions, itemIndex: number) => IDataObject;
	extraProperties?: INodeProperties[];
}): Np6Operation {
	const properties = [
		...contactAddressProperties(),
		...(spec.extraProperties ?? []),
		...(spec.returns === 'list' ? returnAllOrLimit : []),
	];
	return {
		catalogue: Object.values(spec.catalogue),
		description: updateDisplayOptions({ show: { resource: [spec.resource], operation: [spec.operation] } }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
			const { way, value } = readContactAddress.call(this, itemIndex);
			const limit = spec.returns === 'list' ? readLimit.call(this, itemIndex) : undefined;
			const query = { ...spec.extraQuery?.call(this, itemIndex) };
			const path = way === 'id' ? spec.paths.id.replace('{id}', encodeURIComponent(value)) : spec.paths.query;
			if (way !== 'id') query[way] = value;
			const { body } = await np6ApiRequest.call(this, { method: spec.method, path, query, meanings: spec.meanings, itemIndex });
			if (spec.returns === 'nothing') return { success: true };
			if (spec.returns === 'list') return applyLimit(Array.isArray(body) ? (body as IDataObject[]) : [], limit);
			return body as IDataObject;
		},
	};
}
