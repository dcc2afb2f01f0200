import type { INodeProperties } from 'n8n-workflow';

import type { Np6Resource } from '../../shared/operations/types';
import { actionResource } from './action/action.resource';
import { archiveResource } from './archive/archive.resource';
import { notificationResource } from './notification/notification.resource';
import { statisticsResource } from './statistics/statistics.resource';

export const resources: Record<string, Np6Resource> = {
	action: actionResource,
	notification: notificationResource,
	archive: archiveResource,
	statistics: statisticsResource,
};

export const resourceChoice: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'action',
	options: [
		{ name: 'Action (Email & SMS)', value: 'action' },
		{ name: 'Archive', value: 'archive', description: 'Archived copies of sent emails' },
		{ name: 'Notification (Push)', value: 'notification' },
		{ name: 'Statistic (Legacy)', value: 'statistics', description: 'Older aggregated statistics and message history' },
	],
};
