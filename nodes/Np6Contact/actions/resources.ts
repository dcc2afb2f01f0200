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
		{ name: 'Contact', value: 'contact' },
		{ name: 'Field', value: 'field' },
		{ name: 'Import', value: 'import' },
		{ name: 'Segment', value: 'segment' },
		{ name: 'Subscription', value: 'subscription', description: 'Push notification subscriptions of contacts' },
		{ name: 'Value List', value: 'valueList', description: 'Lists of values for select fields' },
	],
};
