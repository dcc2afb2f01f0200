import type { IDataObject } from 'n8n-workflow';

import { np6ApiRequest, type Np6Context } from '../transport/request';

/**
 * The contact whose unicity field(s) have these values (GET /targets?unicity=), or undefined when
 * NP6 knows none (404, or an empty answer). NP6 answers one object or an array: both are read here,
 * and only a contact with an id counts as found.
 */
export async function findContactByUnicity(
	this: Np6Context,
	unicity: string | string[],
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const { status, body } = await np6ApiRequest.call(this, {
		method: 'GET',
		path: '/targets',
		query: { unicity },
		expectedStatuses: [404],
		itemIndex,
	});
	if (status === 404) return undefined;
	const contact: unknown = Array.isArray(body) ? body[0] : body;
	if (contact === null || typeof contact !== 'object' || !(contact as IDataObject).id) return undefined;
	return contact as IDataObject;
}
