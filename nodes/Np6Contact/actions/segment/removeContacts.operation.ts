import { NodeOperationError, updateDisplayOptions, type IDataObject } from 'n8n-workflow';

import { findContactByUnicity } from '../../../shared/np6/contactByUnicity';
import { runConcurrently } from '../../../shared/operations/concurrently';
import { lowConfidenceHint } from '../../../shared/operations/resource';
import { np6ApiRequest } from '../../../shared/transport/request';
import { readRequestSettings } from '../../../shared/transport/settings';
import { changeMembers } from './segmentMembers';
import { memberProperties, staticSegmentPicker } from './segmentParameters';

export const catalogue = ['segment.get', 'target.search', 'target.removeFromSegment'];

export const description = updateDisplayOptions({ show: { resource: ['segment'], operation: ['removeContacts'] } }, [
	{
		displayName: lowConfidenceHint('one DELETE /targets/{id}/segments/{segmentId} per contact'),
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
	const notFound = new Set<number>();
	await runConcurrently(contacts.length, readRequestSettings(this).maxConcurrent, async (index) => {
		const contact = contacts[index];
		const id = identifyBy === 'unicity' ? (await findContactByUnicity.call(this, contact, itemIndex))?.id : contact;
		if (id === undefined) {
			notFound.add(index);
			return;
		}
		const { status, deletedByEarlierAttempt } = await np6ApiRequest.call(this, {
			method: 'DELETE',
			path: `/targets/${encodeURIComponent(String(id))}/segments/${segmentId}`,
			expectedStatuses: [404],
			itemIndex,
		});
		if (status === 404 && !deletedByEarlierAttempt) notFound.add(index);
		else removed++;
	});
	return { segmentId, identifiedBy: identifyBy, requested: contacts.length, removed, notFound: contacts.filter((_, index) => notFound.has(index)) };
});
