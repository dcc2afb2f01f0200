import type { INodeProperties } from 'n8n-workflow';

import type { Np6Resource } from '../../shared/operations/types';
import { contact } from './contact/contact.resource';
import { fieldResource } from './field/field.resource';
import { importResource } from './import/import.resource';
import { segmentResource } from './segment/segment.resource';
import { subscriptionResource } from './subscription/subscription.resource';
import { valueListResource } from './valueList/valueList.resource';

export const resources: Record<string, Np6Resource> = {
	contact,
	field: fieldResource,
	valueList: valueListResource,
	segment: segmentResource,
	import: importResource,
	subscription: subscriptionResource,
};

export const resourceChoice: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'contact',
	options: [
		{ name: 'Contact', value: 'contact', description: 'Create, update, find and redlist contacts' },
		{ name: 'Field', value: 'field', description: 'Manage the fields that describe contacts' },
		{ name: 'Import', value: 'import', description: 'Load contacts from CSV files' },
		{ name: 'Segment', value: 'segment', description: 'Group contacts for sending' },
		{ name: 'Subscription', value: 'subscription', description: 'Manage the push notification subscriptions of contacts' },
		{ name: 'Value List', value: 'valueList', description: 'Manage the lists of values offered by select fields' },
	],
};
