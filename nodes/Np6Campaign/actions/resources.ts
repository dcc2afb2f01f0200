import type { INodeProperties } from 'n8n-workflow';

import type { Np6Resource } from '../../shared/operations/types';
import { campaignResource } from './campaign/campaign.resource';

export const resources: Record<string, Np6Resource> = {
	campaign: campaignResource,
};

export const resourceChoice: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'campaign',
	options: [{ name: 'Campaign', value: 'campaign', description: 'Campaigns grouping actions, and their events' }],
};
