import type { INodeProperties } from 'n8n-workflow';

import type { Np6Resource } from '../../shared/operations/types';
import { contact } from './contact/contact.resource';
import { field } from './field/field.resource';

export const resources: Record<string, Np6Resource> = { contact, field };

export const resourceChoice: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'contact',
	options: [
		{ name: 'Contact', value: 'contact' },
		{ name: 'Field', value: 'field' },
	],
};
