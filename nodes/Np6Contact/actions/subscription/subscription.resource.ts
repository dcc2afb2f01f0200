import { declareContactOperation } from '../../../shared/operations/contactAddress';
import { declareOperation } from '../../../shared/operations/declareOperation';
import type { ParameterSpec } from '../../../shared/operations/parameterSpec';
import { defineResource } from '../../../shared/operations/resource';
import * as upsert from './upsert.operation';

const subscriptionId: ParameterSpec = { name: 'subscriptionId', label: 'Subscription ID', in: 'path', key: 'id', format: 'uuid' };
const NOT_FOUND = { 404: 'NP6 has no subscription with this ID' };
const CONTACT_NOT_FOUND = { 404: 'NP6 has no such contact' };

export const subscriptionResource = defineResource('subscription', 'upsert', [
	{
		value: 'upsert',
		name: 'Create or Update',
		action: 'Create or update a subscription',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		operation: upsert,
	},
	{
		value: 'get',
		name: 'Get',
		action: 'Get a subscription',
		description: 'Get a push subscription by ID',
		operation: declareOperation({
			resource: 'subscription',
			operation: 'get',
			catalogue: 'subscription.get',
			method: 'GET',
			path: '/subscriptions/{id}',
			parameters: [subscriptionId],
			returns: 'object',
			meanings: NOT_FOUND,
		}),
	},
	{
		value: 'delete',
		name: 'Delete',
		action: 'Delete a subscription',
		description: 'Delete a push subscription by ID',
		operation: declareOperation({
			resource: 'subscription',
			operation: 'delete',
			catalogue: 'subscription.delete',
			method: 'DELETE',
			path: '/subscriptions/{id}',
			parameters: [subscriptionId],
			returns: 'nothing',
			meanings: NOT_FOUND,
		}),
	},
	{
		value: 'getForContact',
		name: 'Get Many for Contact',
		action: 'Get the subscriptions of a contact',
		description: 'List the push subscriptions of a contact found by ID, unicity value or hash',
		operation: declareContactOperation({
			resource: 'subscription',
			operation: 'getForContact',
			method: 'GET',
			catalogue: { id: 'subscription.listForContactId', unicity: 'subscription.listForContactUnicity', hash: 'subscription.listForContactHash' },
			paths: { id: '/targets/{id}/subscriptions', query: '/targets/subscriptions' },
			returns: 'list',
			meanings: CONTACT_NOT_FOUND,
		}),
	},
	{
		value: 'deleteForContact',
		name: 'Delete All for Contact',
		action: 'Delete the subscriptions of a contact',
		description: 'Delete every push subscription of a contact found by ID, unicity value or hash',
		operation: declareContactOperation({
			resource: 'subscription',
			operation: 'deleteForContact',
			method: 'DELETE',
			catalogue: { id: 'subscription.deleteForContactId', unicity: 'subscription.deleteForContactUnicity', hash: 'subscription.deleteForContactHash' },
			paths: { id: '/targets/{id}/subscriptions', query: '/targets/subscriptions' },
			returns: 'nothing',
			meanings: CONTACT_NOT_FOUND,
		}),
	},
]);
