import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { EVENT_FEEDS, type EventFeed, type EventFeedName } from '../../shared/np6/eventFeeds';
import { readEventItems } from '../../shared/np6/eventItems';
import { dateRangeProperties, optionsProperty } from '../../shared/np6/eventParameters';
import { returnAllOrLimit } from '../../shared/operations/parameters';
import { readParameter, toProperty, type ParameterSpec } from '../../shared/operations/parameterSpec';
import type { ItemResult, Np6Operation } from '../../shared/operations/types';

type Scope = 'all' | 'one';

/** One choice of the "Kind" dropdown and the feed it reads for all owners and for one. */
export interface KindChoice {
	value: string;
	name: string;
	description?: string;
	all?: EventFeedName;
	one?: EventFeedName;
}

export interface EventFeedSpec {
	resource: string;
	kinds: KindChoice[];
	/** The action, notification or content a "one" feed belongs to. */
	owner?: { plural: string; picker: ParameterSpec };
	/** Reactivity feeds: the range is the reaction's time, "Sent After/Before" the send's. */
	reactivity: boolean;
	/** Some kinds carry hits (bot options) or bounces (verdict option). */
	hits: boolean;
	bounces: boolean;
	notice?: string;
}

/**
 * "Get Many" of a family of NP6 event feeds that differ only by path: which feed is read follows
 * from the Kind and the Scope (all actions, or one). Events come out one item each (eventItem),
 * oldest first unless asked otherwise, long ranges read in parts.
 */
export function declareEventFeed(spec: EventFeedSpec): Np6Operation {
	const scopes = (['all', 'one'] as Scope[]).filter((scope) => spec.kinds.some((kind) => kind[scope]));
	const properties: INodeProperties[] = [];
	if (spec.notice) properties.push({ displayName: spec.notice, name: `${spec.resource}Notice`, type: 'notice', default: '' });
	if (scopes.length === 2 && spec.owner) {
		properties.push({ displayName: 'Scope', name: 'scope', type: 'options', noDataExpression: true, default: 'all', options: scopeOptions(spec.owner) });
	}
	for (const scope of scopes) {
		const kinds = spec.kinds.filter((kind) => kind[scope]);
		const kindProperty = kindDropdown(kinds);
		properties.push(scopes.length === 2 ? { ...kindProperty, displayOptions: { show: { scope: [scope] } } } : kindProperty);
	}
	if (spec.owner) {
		const picker = toProperty(spec.owner.picker);
		properties.push(scopes.length === 2 ? { ...picker, displayOptions: { show: { scope: ['one'] } } } : picker);
	}
	properties.push(...dateRangeProperties(spec.reactivity), ...returnAllOrLimit, optionsProperty(spec));

	return {
		catalogue: spec.kinds.flatMap((kind) => [kind.all, kind.one]).filter((name): name is EventFeedName => name !== undefined).map((name) => EVENT_FEEDS[name].catalogue),
		description: updateDisplayOptions({ show: { resource: [spec.resource], operation: ['getAll'] } }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
			const scope: Scope = scopes.length === 2 ? (this.getNodeParameter('scope', itemIndex) as Scope) : scopes[0];
			const kindValue = this.getNodeParameter('kind', itemIndex) as string;
			const feedName = spec.kinds.find((kind) => kind.value === kindValue)?.[scope];
			const feed: EventFeed = EVENT_FEEDS[feedName!];
			const id = scope === 'one' && spec.owner ? String(readParameter.call(this, spec.owner.picker, itemIndex)) : undefined;
			return await readEventItems.call(this, itemIndex, { feed, id });
		},
	};
}

const scopeOptions = (owner: NonNullable<EventFeedSpec['owner']>) => [
	{ name: `All ${owner.plural}`, value: 'all' },
	{ name: `One ${owner.picker.label}`, value: 'one' },
];

function kindDropdown(kinds: KindChoice[]): INodeProperties {
	const first = kinds[0].value;
	return { displayName: 'Kind', name: 'kind', type: 'options', noDataExpression: true, default: first, options: kinds.map(({ name, value, description }) => ({ name, value, description })) };
}
