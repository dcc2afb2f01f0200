import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** NP6's classifications of machine-made hits: Apple Mail Privacy Protection, generic robots, Google's security robot. */
const BOT_CLASSES = new Set(['mpp', 'genericrobot', 'gsr']);

export const bounceVerdictProperty: INodeProperties = {
	displayName: 'Bounce Verdict',
	name: 'bounceVerdict',
	type: 'options',
	default: 'any',
	description: 'Hard: the address does not exist (stop sending to it); soft: a temporary failure such as a full mailbox',
	options: [
		{ name: 'Any', value: 'any' },
		{ name: 'Hard', value: 'hard' },
		{ name: 'Soft', value: 'soft' },
	],
};

export const excludeBotsProperty: INodeProperties = {
	displayName: 'Exclude Bot Hits',
	name: 'excludeBots',
	type: 'boolean',
	default: false,
	description:
		'Whether to drop hits NP6 classifies as machine-made: Apple Mail Privacy Protection opens (mpp), generic robots, Google security robot (gsr)',
};

export interface EventFilter {
	verdict?: string;
	excludeBots?: boolean;
}

/** Whether a flattened event (eventItem) passes the bounce verdict and bot filters. */
export function passes(event: IDataObject, filter: EventFilter): boolean {
	if (filter.verdict && filter.verdict !== 'any' && event.bounceVerdict !== filter.verdict) return false;
	return !(filter.excludeBots && BOT_CLASSES.has(String(event.classification)));
}
