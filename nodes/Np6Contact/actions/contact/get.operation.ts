import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { readableContacts } from '../../../shared/np6/contactOutput';
import { contactAddressProperties, readContactAddress } from '../../../shared/operations/contactAddress';
import type { ItemResult } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';

export const catalogue = ['target.get', 'target.search'];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, contactAddressProperties());

const MEANINGS = { 404: 'NP6 has no contact with this ID, unicity value or hash' };

/** Get: GET /targets/{id}, or GET /targets?unicity= / ?hash= (NP6 routes on the query key). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const { way, value } = readContactAddress.call(this, itemIndex);
	const { body } = await np6ApiRequest.call(this, {
		method: 'GET',
		...(way === 'id'
			? { path: `/targets/${encodeURIComponent(value)}`, answers: 'object' as const }
			: { path: '/targets', query: { [way]: value }, answers: 'objectOrList' as const }),
		meanings: MEANINGS,
		itemIndex,
	});
	return (await readableContacts.call(this, body)) as IDataObject | IDataObject[];
}
