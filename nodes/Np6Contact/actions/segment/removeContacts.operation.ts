import { NodeOperationError, updateDisplayOptions, type IDataObject } from 'n8n-workflow';

import { lowConfidenceHint } from '../../../shared/operations/resource';
import { np6ApiRequest } from '../../../shared/transport/request';
import { changeMembers } from './segmentMembers';
import { memberProperties, staticSegmentPicker } from './segmentParameters';

export const catalogue = ['segment.get', 'target.search', 'target.removeFromSegment'];

export const description = updateDisplayOptions({ show: { resource: ['segment'], operation: ['removeContacts'] } }, [
	{
		displayName: lowConfidenceHint('one DELETE /targets/{id}/segments/{segmentId} per contact, from the older NP6 docs'),
		name: 'removeContactsNotice',
		type: 'notice',
		default: '',
	},
	staticSegmentPicker.property,
	...memberProperties,
]);

/**
 * Remove Contacts: NP6 has no bulk removal, so each contact is removed on its own
 * (DELETE /targets/{id}/segments/{segmentId}); unicity values are first resolved to ids.
 */
export const executeAll = changeMembers(async function (segmentId, identifyBy, contacts, itemIndex) {
	const { body: segment } = await np6ApiRequest.call(this, {
		method: 'GET',
		path: `/segments/${segmentId}`,
		meanings: { 404: 'NP6 has no segment with this ID' },
		itemIndex,
	});
	if ((segment as IDataObject).type !== 'static') {
		throw new NodeOperationError(this.getNode(), `Segment ${segmentId} is dynamic: NP6 computes its members, they cannot be removed`, { itemIndex });
	}
	let removed = 0;
	const notFound: string[] = [];
	for (const contact of contacts) {
		let id = contact;
		if (identifyBy === 'unicity') {
			const found = await np6ApiRequest.call(this, { method: 'GET', path: '/targets', query: { unicity: contact }, expectedStatuses: [404], itemIndex });
			if (found.status === 404) {
				notFound.push(contact);
				continue;
			}
			id = String((found.body as IDataObject).id);
		}
		const { status } = await np6ApiRequest.call(this, {
			method: 'DELETE',
			path: `/targets/${encodeURIComponent(id)}/segments/${segmentId}`,
			expectedStatuses: [404],
			itemIndex,
		});
		if (status === 404) notFound.push(contact);
		else removed++;
	}
	return { segmentId, identifiedBy: identifyBy, requested: contacts.length, removed, notFound };
});
