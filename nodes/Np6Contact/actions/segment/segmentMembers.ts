import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { executeGroups } from '../../../shared/operations/executePerItem';
import { ID_PATTERNS } from '../../../shared/operations/parameters';
import { readParameter, toList } from '../../../shared/operations/parameterSpec';
import { staticSegmentPicker } from './segmentParameters';

export type IdentifyBy = 'id' | 'unicity';

export type MembersChange = (
	this: IExecuteFunctions,
	segmentId: number,
	identifyBy: IdentifyBy,
	contacts: string[],
	itemIndex: number,
) => Promise<IDataObject>;

/**
 * Collects the contacts named by the input items — gathered per segment and "Identify By" ("Combine
 * All Items": one output item per segment) or item by item — checks them before any request, and
 * applies `change` to each group.
 */
export function changeMembers(change: MembersChange) {
	return async function (this: IExecuteFunctions) {
		const items = this.getInputData();
		const combine = this.getNodeParameter('combineItems', 0, true) as boolean;
		const groups = combine ? bySegment.call(this, items.length) : items.map((_, i) => [i]);
		return await executeGroups.call(this, groups, async (group) => {
			const first = group[0];
			const segmentId = readParameter.call(this, staticSegmentPicker.spec, first) as number;
			const identifyBy = this.getNodeParameter('identifyBy', first) as IdentifyBy;
			const contacts = [...new Set(group.flatMap((i) => toList(this.getNodeParameter('contacts', i, ''))))];
			if (contacts.length === 0) {
				throw new NodeOperationError(this.getNode(), 'The parameter "Contacts" is empty', {
					itemIndex: first,
					description: 'Give one or more contact IDs or unicity values.',
				});
			}
			const badId = identifyBy === 'id' ? contacts.find((c) => !ID_PATTERNS.contact.test.test(c)) : undefined;
			if (badId) {
				throw new NodeOperationError(this.getNode(), `The parameter "Contacts" holds an invalid contact ID: "${badId}"`, {
					itemIndex: first,
					description: `Contact IDs are ${ID_PATTERNS.contact.expected}. To name contacts by email, set "Identify Contacts By" to Unicity Value.`,
				});
			}
			return await change.call(this, segmentId, identifyBy, contacts, first);
		});
	};
}

/** Items grouped by the segment and "Identify By" each names, in order of first appearance. */
function bySegment(this: IExecuteFunctions, count: number): number[][] {
	const groups = new Map<string, number[]>();
	for (let item = 0; item < count; item++) {
		let key: string;
		try {
			key = JSON.stringify([readParameter.call(this, staticSegmentPicker.spec, item), this.getNodeParameter('identifyBy', item)]);
		} catch {
			// An item whose segment cannot be read is a group of its own: its error is reported for it.
			key = `item ${item}`;
		}
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	return [...groups.values()];
}
