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
		{ name: 'Archive', value: 'archive', description: 'Read archived copies of sent emails' },
		{ name: 'Email & SMS Action', value: 'action', description: 'Send, preview and manage email and SMS messages' },
		{ name: 'Push Notification', value: 'notification', description: 'Send, preview and manage push notifications' },
		{ name: 'Statistic', value: 'statistics', description: 'Read delivery statistics and message history (older NP6 API)' },
	],
};
