import { updateDisplayOptions } from 'n8n-workflow';

import { runConcurrently } from '../../../shared/operations/concurrently';
import { DEPRECATED_HINT } from '../../../shared/operations/resource';
import { np6ApiRequest } from '../../../shared/transport/request';
import { readRequestSettings } from '../../../shared/transport/settings';
import { changeMembers } from './segmentMembers';
import { memberProperties, staticSegmentPicker } from './segmentParameters';

export const catalogue = ['segment.addTargets'];
export const deprecated = true;

/** NP6 takes at most 50 contacts per call. */
export const BATCH_SIZE = 50;

export const description = updateDisplayOptions({ show: { resource: ['segment'], operation: ['addContacts'] } }, [
	{ displayName: DEPRECATED_HINT, name: 'addContactsNotice', type: 'notice', default: '' },
	staticSegmentPicker.property,
	...memberProperties,
]);

/** Add Contacts: PUT /segments/{id}/targets, 50 contacts per call, unicity values with NP6's Accept variant. */
export const executeAll = changeMembers(async function (segmentId, identifyBy, contacts, itemIndex) {
	let added = 0;
	const batches = Math.ceil(contacts.length / BATCH_SIZE);
	await runConcurrently(batches, readRequestSettings(this).maxConcurrent, async (batch) => {
		const { body } = await np6ApiRequest.call(this, {
			method: 'PUT',
			path: `/segments/${segmentId}/targets`,
			body: contacts.slice(batch * BATCH_SIZE, (batch + 1) * BATCH_SIZE),
			...(identifyBy === 'unicity' ? { accept: 'application/vnd.mperf.v8.unicity' } : {}),
			meanings: {
				404: 'NP6 has no segment with this ID',
				409: 'Only static segments accept contacts: this one is dynamic',
			},
			itemIndex,
		});
		added += Number(body) || 0;
	});
	return { segmentId, identifiedBy: identifyBy, requested: contacts.length, added, alreadyMembersOrUnknown: contacts.length - added, requests: batches };
});
