import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { EVENT_FEEDS } from '../../shared/np6/eventFeeds';
import { returnAllOrLimit } from '../../shared/operations/parameters';
import { readParameter, toProperty, type ParameterSpec } from '../../shared/operations/parameterSpec';
import type { ItemResult } from '../../shared/operations/types';
import { dateRangeProperties, optionsProperty } from './eventParameters';
import { readEventItems } from './eventFeed.operation';

export const catalogue = [EVENT_FEEDS.campaignEvents.catalogue];

const campaign: ParameterSpec = { name: 'campaignId', label: 'Campaign ID', in: 'path', format: 'uuid', placeholder: 'e.g. 0581e259-9039-487c-a94e-ff8c3944f956' };
const items: ParameterSpec = {
	name: 'items',
	label: 'Action IDs',
	in: 'body',
	type: 'list',
	description: 'The email actions of the campaign to read events from, comma-separated (e.g. 000PE4, 000PE5)',
};

const EVENT_TYPES = ['activation', 'bounce', 'cancellation', 'complaint', 'execution', 'hit', 'optout', 'reply'];
const HIT_SUBTYPES = ['form', 'mirror', 'open', 'redirection', 'unsubscribe'];
const label = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

const properties: INodeProperties[] = [
	toProperty(campaign),
	toProperty(items),
	{
		displayName: 'Event Types',
		name: 'eventTypes',
		type: 'multiOptions',
		required: true,
		default: ['activation', 'hit'],
		options: EVENT_TYPES.map((value) => ({ name: label(value), value })),
	},
	{
		displayName: 'Hit Kinds',
		name: 'hitSubtypes',
		type: 'multiOptions',
		default: [],
		description: 'Which hits, when Event Types has Hit (none chosen: all kinds)',
		options: HIT_SUBTYPES.map((value) => ({ name: label(value), value })),
	},
	...dateRangeProperties(false),
	...returnAllOrLimit,
	optionsProperty({ reactivity: false, hits: true, bounces: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['campaignEvent'], operation: ['getAll'] } }, properties);

/** A campaign's events: POST /campaigns/{id}/events with the query NP6 takes in its body (itemsEvents, email channel). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = String(readParameter.call(this, campaign, itemIndex));
	const actions = readParameter.call(this, items, itemIndex) as string[];
	const types = this.getNodeParameter('eventTypes', itemIndex, []) as string[];
	const subtypes = this.getNodeParameter('hitSubtypes', itemIndex, []) as string[];
	const events = types.map((type) => (type === 'hit' && subtypes.length ? { type, subtypes } : { type }));
	const body = { itemsEvents: [{ type: 'email', events, items: actions }] };
	return await readEventItems.call(this, itemIndex, { feed: EVENT_FEEDS.campaignEvents, id, body });
}
