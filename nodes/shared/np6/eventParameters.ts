import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { bounceVerdictProperty, excludeBotsProperty } from './eventFilters';

const HOUR = 3_600_000;

/** The presets of "Date Range", in hours back from now. */
const PRESETS: Record<string, number> = { lastHour: 1, last24Hours: 24, last7Days: 7 * 24, last30Days: 30 * 24 };

export const dateRangeProperties = (reactivity: boolean): INodeProperties[] => [
	{
		displayName: 'Date Range',
		name: 'dateRange',
		type: 'options',
		default: 'last24Hours',
		description: reactivity ? 'When the contacts reacted' : 'When the events happened',
		options: [
			{ name: 'Custom', value: 'custom' },
			{ name: 'Last 24 Hours', value: 'last24Hours' },
			{ name: 'Last 30 Days', value: 'last30Days' },
			{ name: 'Last 7 Days', value: 'last7Days' },
			{ name: 'Last Hour', value: 'lastHour' },
		],
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Events at or after this moment',
		displayOptions: { show: { dateRange: ['custom'] } },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		description: 'Events before this moment (empty: now)',
		displayOptions: { show: { dateRange: ['custom'] } },
	},
];

export const optionsProperty = (spec: { reactivity: boolean; hits: boolean; bounces: boolean }): INodeProperties => ({
	displayName: 'Options',
	name: 'eventOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		...(spec.bounces ? [bounceVerdictProperty] : []),
		...(spec.hits
			? [
					excludeBotsProperty,
					{
						displayName: 'NP6 Classification Filter',
						name: 'classification',
						type: 'multiOptions' as const,
						default: [],
						description:
							"Sent to NP6 as its 'classification' filter. NP6's docs do not say whether it keeps or drops these hits: to drop bot hits, use Exclude Bot Hits.",
						options: [
							{ name: 'Apple Mail Privacy Protection (Mpp)', value: 'mpp' },
							{ name: 'Generic Robot', value: 'genericrobot' },
							{ name: 'Google Security Robot (Gsr)', value: 'gsr' },
						],
					},
				]
			: []),
		{
			displayName: 'Read In Parts Of (Hours)',
			name: 'partHours',
			type: 'number' as const,
			typeOptions: { minValue: 1 },
			default: 24,
			description: 'NP6 returns a whole date range in one answer: a long range is read in parts of this length, in order',
		},
		...(spec.reactivity
			? [
					{ displayName: 'Sent After', name: 'sentAfter', type: 'dateTime' as const, default: '', description: 'Only reactions to messages sent at or after this moment' },
					{ displayName: 'Sent Before', name: 'sentBefore', type: 'dateTime' as const, default: '', description: 'Only reactions to messages sent before this moment' },
				]
			: []),
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options' as const,
			default: 'asc',
			options: [
				{ name: 'Oldest First', value: 'asc' },
				{ name: 'Newest First', value: 'desc' },
			],
		},
	],
});

export interface EventOptions {
	bounceVerdict?: 'any' | 'hard' | 'soft';
	excludeBots?: boolean;
	classification?: string[];
	partHours?: number;
	sentAfter?: string;
	sentBefore?: string;
	sort?: 'asc' | 'desc';
}

/** A date parameter as epoch ms; a clear error names it when it does not parse. */
export function readTime(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const time = typeof value === 'number' ? value : Date.parse(String(value));
	if (Number.isNaN(time)) {
		throw new NodeOperationError(this.getNode(), `The parameter "${label}" is not a date: "${String(value)}"`, {
			itemIndex,
			description: `Give "${label}" a date such as 2026-11-29T08:00:00Z.`,
		});
	}
	return time;
}

/** The date range of one item as [from, to) in epoch ms, checked before any request. */
export function readDateRange(this: IExecuteFunctions, itemIndex: number, now = Date.now()): { from: number; to: number } {
	const preset = this.getNodeParameter('dateRange', itemIndex) as string;
	if (preset !== 'custom') return { from: now - PRESETS[preset] * HOUR, to: now };
	const from = readTime.call(this, this.getNodeParameter('from', itemIndex, ''), 'From', itemIndex);
	if (from === undefined) {
		throw new NodeOperationError(this.getNode(), 'The parameter "From" is empty', { itemIndex, description: 'Give "From" a date, or pick a preset Date Range.' });
	}
	const to = readTime.call(this, this.getNodeParameter('to', itemIndex, ''), 'To', itemIndex) ?? now;
	if (to <= from) {
		throw new NodeOperationError(this.getNode(), 'The parameter "To" is not after "From"', { itemIndex, description: 'The date range is empty: "To" must be later than "From".' });
	}
	return { from, to };
}

export const HOURS = HOUR;
