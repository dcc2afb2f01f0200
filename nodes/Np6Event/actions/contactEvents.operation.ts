import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { EVENT_FEEDS, type EventFeedName } from '../../shared/np6/eventFeeds';
import { readEventItems } from '../../shared/np6/eventItems';
import { dateRangeProperties, optionsProperty, type EventOptions } from '../../shared/np6/eventParameters';
import { contactAddressProperties, readContactAddress, type ContactAddress } from '../../shared/operations/contactAddress';
import { returnAllOrLimit } from '../../shared/operations/parameters';
import type { ItemResult } from '../../shared/operations/types';
import { np6ApiRequest } from '../../shared/transport/request';

/** Per kind, the feed for each way of naming the contact; a way without one is read by the contact's ID. */
const FEEDS: Record<string, Partial<Record<ContactAddress, EventFeedName>> & { id: EventFeedName }> = {
	all: { id: 'contactEventsOf' },
	activations: { id: 'contactActivationsOf', hash: 'contactActivationsByHash' },
	hits: { id: 'contactHitsById' },
	opens: { id: 'contactOpensOf' },
	formHits: { id: 'contactFormHitsOf' },
	stops: { id: 'contactStopsById', unicity: 'contactStopsByUnicity', hash: 'contactStopsByHash' },
};

export const catalogue = [...Object.values(FEEDS).flatMap((ways) => Object.values(ways)), 'contactEventsById'].map(
	(name) => EVENT_FEEDS[name as EventFeedName].catalogue,
);

const properties: INodeProperties[] = [
	...contactAddressProperties(),
	{
		displayName: 'Kind',
		name: 'kind',
		type: 'options',
		noDataExpression: true,
		default: 'all',
		options: [
			{ name: 'Activations (Sends)', value: 'activations', description: 'Messages handed over for delivery to the contact' },
			{ name: 'All Events', value: 'all', description: "Every event of the contact's messages" },
			{ name: 'All Hits', value: 'hits', description: 'Opens, clicks, unsubscribes, mirror views and form posts' },
			{ name: 'Form Hits', value: 'formHits' },
			{ name: 'Opens', value: 'opens' },
			{ name: 'SMS STOP Replies', value: 'stops', description: 'STOP answers to SMS messages' },
		],
	},
	...dateRangeProperties(false),
	...returnAllOrLimit,
	optionsProperty({ reactivity: false, hits: true, bounces: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['contactEvent'], operation: ['getAll'] } }, properties);

/**
 * A contact's events. NP6 offers each kind for some ways of naming the contact only; for the others
 * the contact's ID is looked up first (one request). "All Events" with NP6's classification filter
 * uses the stream that takes it (GET /targets/events?id=).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const kind = this.getNodeParameter('kind', itemIndex) as string;
	const address = readContactAddress.call(this, itemIndex);
	const classified = ((this.getNodeParameter('eventOptions', itemIndex, {}) as EventOptions).classification ?? []).length > 0;
	const byClassification = kind === 'all' && classified;
	const direct = byClassification ? address.way === 'id' : FEEDS[kind][address.way] !== undefined;
	const feed = EVENT_FEEDS[byClassification ? 'contactEventsById' : (FEEDS[kind][address.way] ?? FEEDS[kind].id)];
	const value = direct ? address.value : await contactIdOf.call(this, address, itemIndex);
	return await readEventItems.call(this, itemIndex, feed.contactQuery ? { feed, contact: value } : { feed, id: value });
}

async function contactIdOf(this: IExecuteFunctions, address: { way: ContactAddress; value: string }, itemIndex: number): Promise<string> {
	if (address.way === 'id') return address.value;
	const { body } = await np6ApiRequest.call(this, {
		method: 'GET',
		path: '/targets',
		query: { [address.way]: address.value },
		meanings: { 404: `NP6 has no contact with this ${address.way === 'hash' ? 'hash' : 'unicity value'}` },
		itemIndex,
	});
	const contact = (Array.isArray(body) ? body[0] : body) as { id?: unknown } | undefined;
	// Never read a contact's events at `/targets//events`: an answer without an ID stops here.
	if (contact?.id === undefined || contact.id === null || String(contact.id) === '') {
		throw new NodeOperationError(this.getNode(), `NP6 found no contact with this ${address.way === 'hash' ? 'hash' : 'unicity value'}`, { itemIndex });
	}
	return String(contact.id);
}
