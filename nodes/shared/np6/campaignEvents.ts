import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../operations/parameters';
import { readParameter, toProperty, type ParameterSpec } from '../operations/parameterSpec';
import type { ItemResult, Np6Operation } from '../operations/types';
import { EVENT_FEEDS } from './eventFeeds';
import { readEventItems } from './eventItems';
import { dateRangeProperties, optionsProperty } from './eventParameters';

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

/**
 * A campaign's events, offered by NP6 Event (Campaign Event → Get Many) and NP6 Campaign (Campaign →
 * Get Events) with the same parameters and output: POST /campaigns/{id}/events with the query NP6
 * takes in its body (itemsEvents, email channel), one item per event.
 */
export function campaignEventsOperation(resource: string, operation: string): Np6Operation {
	return {
		catalogue: [EVENT_FEEDS.campaignEvents.catalogue],
		description: updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
			const id = String(readParameter.call(this, campaign, itemIndex));
			const actions = readParameter.call(this, items, itemIndex) as string[];
			const types = chosen.call(this, 'eventTypes', 'Event Types', EVENT_TYPES, itemIndex);
			const subtypes = chosen.call(this, 'hitSubtypes', 'Hit Kinds', HIT_SUBTYPES, itemIndex);
			if (types.length === 0) {
				throw new NodeOperationError(this.getNode(), 'The parameter "Event Types" is empty', { itemIndex, description: 'Choose at least one event type.' });
			}
			const events = types.map((type) => (type === 'hit' && subtypes.length ? { type, subtypes } : { type }));
			const body = { itemsEvents: [{ type: 'email', events, items: actions }] };
			return await readEventItems.call(this, itemIndex, { feed: EVENT_FEEDS.campaignEvents, id, body });
		},
	};
}

/** A multi-choice read for one item; an expression may yield anything, so only the listed values pass. */
function chosen(this: IExecuteFunctions, name: string, label: string, allowed: string[], itemIndex: number): string[] {
	const raw = this.getNodeParameter(name, itemIndex, []) as unknown;
	const values = Array.isArray(raw) ? raw : [raw];
	const unknown = values.filter((value) => !allowed.includes(value as string));
	if (unknown.length > 0) {
		throw new NodeOperationError(this.getNode(), `The parameter "${label}" is not valid: ${JSON.stringify(unknown[0])}`, {
			itemIndex,
			description: `"${label}" takes ${allowed.map((value) => JSON.stringify(value)).join(', ')}.`,
		});
	}
	return values as string[];
}
