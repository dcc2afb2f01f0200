import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import * as listSearch from '../shared/methods/listSearch';
import { EVENT_FEEDS } from '../shared/np6/eventFeeds';
import { eventItem } from '../shared/np6/eventOutput';
import { bounceVerdictProperty, excludeBotsProperty, passes } from '../shared/np6/eventFilters';
import { readEvents } from '../shared/np6/readEvents';
import { ID_PATTERNS } from '../shared/operations/parameters';
import { toProperty, type ParameterSpec } from '../shared/operations/parameterSpec';
import { requestOptionsProperty } from '../shared/transport/settings';
import { advance, nextWindow, type PollCursor } from './pollCursor';
import { TRIGGER_FEEDS, type TriggerFeed } from './triggerFeeds';
import { PICKERS } from '../shared/methods/pickers';

const SECOND = 1000;
const HOUR = 3_600_000;
/** "Fetch Test Event" looks this far back (or as far as Look Back says, if further). */
const TEST_LOOK_BACK_MS = 24 * HOUR;
const TEST_EVENTS = 10;

const pickers: Record<TriggerFeed['owner'], ParameterSpec> = {
	action: { name: 'action', label: 'Action', in: 'path', picker: PICKERS.action },
	notification: { name: 'notification', label: 'Notification', in: 'path', picker: PICKERS.notification },
};

const feedsOf = (owner: TriggerFeed['owner']) => TRIGGER_FEEDS.filter((feed) => feed.owner === owner).map((feed) => feed.value);
const hitFeeds = TRIGGER_FEEDS.filter((feed) => feed.hits).map((feed) => feed.value);

const properties: INodeProperties[] = [
	{
		displayName: 'NP6 has no webhooks: this trigger polls NP6 for new events at the Poll Times above and starts the workflow once per event.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Trigger On',
		name: 'feed',
		type: 'options',
		noDataExpression: true,
		default: 'bounced',
		options: TRIGGER_FEEDS.map(({ name, value, description }) => ({ name, value, description })),
	},
	{
		displayName: 'Only For',
		name: 'scope',
		type: 'options',
		noDataExpression: true,
		default: 'all',
		options: [
			{ name: 'All Actions or Notifications', value: 'all' },
			{ name: 'One Action or Notification', value: 'one' },
		],
	},
	{ ...toProperty(pickers.action), displayOptions: { show: { scope: ['one'], feed: feedsOf('action') } } },
	{ ...toProperty(pickers.notification), displayOptions: { show: { scope: ['one'], feed: feedsOf('notification') } } },
	{ ...bounceVerdictProperty, displayOptions: { show: { feed: ['bounced'] } } },
	{ ...excludeBotsProperty, default: true, displayOptions: { show: { feed: hitFeeds } } },
	{
		displayName: 'Options',
		name: 'pollOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Catch-Up Window (Hours)',
				name: 'maxWindowHours',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 24,
				description: 'After a pause, each poll reads at most this much of the backlog, oldest first, so nothing is skipped',
			},
			{
				displayName: 'Lag (Seconds)',
				name: 'lagSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 30,
				description: 'Read only events at least this old: NP6 may publish an event a little after its time',
			},
			{
				displayName: 'Late Event Allowance (Seconds)',
				name: 'allowanceSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 300,
				description: 'Each poll reads this much again before where the last one stopped, to catch events NP6 published even later; events already emitted are recognised by their ID',
			},
			{
				displayName: 'Look Back on First Poll (Hours)',
				name: 'lookBackHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'When the workflow is first activated, also emit the events of this many past hours (0: only new events)',
			},
		],
	},
	requestOptionsProperty,
];

interface PollOptions {
	maxWindowHours?: number;
	lagSeconds?: number;
	allowanceSeconds?: number;
	lookBackHours?: number;
}

export class Np6Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NP6 Trigger',
		name: 'np6Trigger',
		icon: { light: 'file:../../icons/np6.svg', dark: 'file:../../icons/np6.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ (${JSON.stringify(Object.fromEntries(TRIGGER_FEEDS.map((f) => [f.value, f.name])))})[$parameter["feed"]] }}`,
		description: 'Starts the workflow on NP6 events: bounces, opens, clicks, unsubscribes, sends, push reactions',
		defaults: { name: 'NP6 Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'np6Api', required: true }],
		properties,
	};

	methods = { listSearch: { searchActions: listSearch.searchActions, searchNotifications: listSearch.searchNotifications } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const feed = TRIGGER_FEEDS.find((f) => f.value === this.getNodeParameter('feed'))!;
		const scope = this.getNodeParameter('scope', 'all') as string;
		const id = scope === 'one' ? ownerId(this, pickers[feed.owner]) : undefined;
		const options = readPollOptions(this);
		const timing = {
			now: Date.now(),
			lagMs: (options.lagSeconds ?? 30) * SECOND,
			allowanceMs: (options.allowanceSeconds ?? 300) * SECOND,
			maxWindowMs: (options.maxWindowHours ?? 24) * HOUR,
		};
		const keep = keeper(this, feed);
		const read = async (from: number, to: number, sort: 'asc' | 'desc') =>
			(await readEvents.call(this, { feed: EVENT_FEEDS[id ? feed.one : feed.all], id, from, to, sort })).filter(keep);

		if (this.getMode() === 'manual') {
			const end = timing.now - timing.lagMs;
			const events = await read(end - Math.max(TEST_LOOK_BACK_MS, (options.lookBackHours ?? 0) * HOUR), end, 'desc');
			return events.length ? [this.helpers.returnJsonArray(events.slice(0, TEST_EVENTS).map(eventItem))] : null;
		}

		const staticData = this.getWorkflowStaticData('node') as { np6Cursor?: PollCursor };
		const configuration = JSON.stringify([feed.value, id ?? null, this.getNodeParameter('bounceVerdict', 'any'), keepsBots(this, feed)]);
		const state = staticData.np6Cursor;
		if (!state || state.feed !== configuration) {
			const start = timing.now - timing.lagMs - (options.lookBackHours ?? 0) * HOUR;
			staticData.np6Cursor = { feed: configuration, cursor: start, floor: start, seen: {} };
			if (!options.lookBackHours) return null;
		}
		const window = nextWindow(staticData.np6Cursor!, timing);
		if (!window) return null;
		// A failed read throws here, before the cursor moves: the next poll reads the same window again.
		const events = await read(window.from, window.to, 'asc');
		const { emit, next } = advance(staticData.np6Cursor!, window, events, timing.allowanceMs);
		staticData.np6Cursor = next;
		return emit.length ? [this.helpers.returnJsonArray(emit.map(eventItem))] : null;
	}
}

/**
 * The options as numbers, checked before any request: an expression may give anything, and a value out of
 * range (a Catch-Up Window of 0, a negative Lag) would make the trigger read nothing, or the future, silently.
 */
function readPollOptions(context: IPollFunctions): PollOptions {
	const given = context.getNodeParameter('pollOptions', {}) as IDataObject;
	const options: Record<string, number> = {};
	for (const option of properties.find((p) => p.name === 'pollOptions')!.options as INodeProperties[]) {
		const raw = given[option.name];
		const value = raw === undefined || raw === null || raw === '' ? Number(option.default) : Number(raw);
		const minimum = Number(option.typeOptions?.minValue ?? 0);
		if (typeof raw === 'boolean' || !Number.isFinite(value) || value < minimum) {
			throw new NodeOperationError(context.getNode(), `The option "${option.displayName}" must be a number, at least ${minimum}: ${JSON.stringify(raw)}`, {
				description: 'Nothing was asked of NP6.',
			});
		}
		options[option.name] = value;
	}
	return options;
}

/** The chosen action or notification, checked before any request. */
function ownerId(context: IPollFunctions, picker: ParameterSpec): string {
	const value = String(context.getNodeParameter(picker.name, '', { extractValue: true }) ?? '').trim();
	const format = ID_PATTERNS[picker.picker!.idFormat];
	if (!format.test.test(value)) {
		throw new NodeOperationError(context.getNode(), `The parameter "${picker.label}" is not valid: "${value}"`, {
			description: `"${picker.label}" must be ${format.expected}, or choose "All Actions or Notifications".`,
		});
	}
	return value;
}

const keepsBots = (context: IPollFunctions, feed: TriggerFeed) => !feed.hits || !(context.getNodeParameter('excludeBots', true) as boolean);

/** The events of the feed the user asked for: its types, bounce verdict, and without bot hits if asked. */
function keeper(context: IPollFunctions, feed: TriggerFeed): (event: IDataObject) => boolean {
	const filter = { verdict: feed.bounces ? (context.getNodeParameter('bounceVerdict', 'any') as string) : undefined, excludeBots: !keepsBots(context, feed) };
	return (event) => (!feed.types || feed.types.includes(String(event.type))) && passes(eventItem(event), filter);
}
