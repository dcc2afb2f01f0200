import type { INodeProperties } from 'n8n-workflow';

import type { Np6Resource } from '../../shared/operations/types';
import { applicationResource } from './application/application.resource';
import { categoryResource } from './category/category.resource';
import { groupResource } from './group/group.resource';
import { marketingPressureResource } from './marketingPressure/marketingPressure.resource';
import { timeZoneResource } from './timeZone/timeZone.resource';

export const resources: Record<string, Np6Resource> = {
	application: applicationResource,
	category: categoryResource,
	marketingPressure: marketingPressureResource,
	group: groupResource,
	timeZone: timeZoneResource,
};

export const resourceChoice: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'application',
	options: [
		{ name: 'Category', value: 'category', description: 'Categories to file actions under' },
		{ name: 'Group', value: 'group', description: 'Groups of NP6 users (older NP6 API)' },
		{ name: 'Marketing Pressure', value: 'marketingPressure', description: 'Marketing-pressure topics, rules and the mandatory topic option' },
		{ name: 'Mobile Application', value: 'application', description: 'Applications that receive push notifications' },
		{ name: 'Time Zone', value: 'timeZone', description: 'The time zones NP6 knows (older NP6 API)' },
	],
};
