import { declareOperation, type OperationSpec } from '../../../shared/operations/declareOperation';
import type { ParameterSpec } from '../../../shared/operations/parameterSpec';
import { declareReplacingUpdate } from '../../../shared/operations/replacingUpdate';
import { defineResource } from '../../../shared/operations/resource';
import { NOTIFICATION_NOT_FOUND, notificationSpec, settingsSpecs, typeSpec } from './notificationParameters';
import * as render from './render.operation';
import * as send from './send.operation';
import { PICKERS } from '../../../shared/methods/pickers';

const application: ParameterSpec = {
	name: 'application',
	label: 'Application',
	in: 'body',
	picker: PICKERS.application,
	description: 'The mobile application whose subscribers receive the notification',
};

const declare = (spec: Omit<OperationSpec, 'resource'>) => declareOperation({ ...spec, resource: 'notification' });

/** Push notifications (catalogue section notificationmanagement). */
export const notificationResource = defineResource('notification', 'send', [
	{
		value: 'create',
		name: 'Create',
		action: 'Create a notification',
		description: 'Create a push notification for a mobile application',
		operation: declare({
			operation: 'create',
			catalogue: 'notification.create',
			method: 'POST',
			path: '/notifications',
			parameters: [typeSpec, { name: 'name', label: 'Name', in: 'body' }, application, ...settingsSpecs],
			returns: 'object',
			meanings: { 404: 'NP6 has no such application' },
		}),
	},
	{
		value: 'get',
		name: 'Get',
		action: 'Get a notification',
		description: 'Get a push notification by ID',
		operation: declare({
			operation: 'get',
			catalogue: 'notification.get',
			method: 'GET',
			path: '/notifications/{id}',
			parameters: [notificationSpec],
			returns: 'object',
			meanings: NOTIFICATION_NOT_FOUND,
		}),
	},
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many notifications',
		description: 'List the push notifications of the account',
		operation: declare({ operation: 'getAll', catalogue: 'notification.list', method: 'GET', path: '/notifications', returns: 'list' }),
	},
	{
		value: 'update',
		name: 'Update',
		action: 'Update a notification',
		description: 'Change the name, settings, application or versions of a push notification',
		operation: declareReplacingUpdate({
			resource: 'notification',
			operation: 'update',
			catalogue: ['notification.get', 'notification.update'],
			path: '/notifications/{id}',
			target: notificationSpec,
			changes: [{ ...application, optional: true }, { name: 'name', label: 'Name', in: 'body', optional: true }, ...settingsSpecs],
			noun: 'notification',
			serverOwned: ['id', 'stamp'],
			readMeanings: NOTIFICATION_NOT_FOUND,
			replaceMeanings: { 404: 'NP6 has no such notification or application' },
		}),
	},
	{
		value: 'delete',
		name: 'Delete',
		action: 'Delete a notification',
		description: 'Delete a push notification by ID',
		operation: declare({
			operation: 'delete',
			catalogue: 'notification.delete',
			method: 'DELETE',
			path: '/notifications/{id}',
			parameters: [notificationSpec],
			returns: 'nothing',
			meanings: NOTIFICATION_NOT_FOUND,
		}),
	},
	{
		value: 'render',
		name: 'Render',
		action: 'Render a notification',
		description: 'Preview the master or a given version, optionally for a contact; nothing is sent',
		operation: render,
	},
	{
		value: 'send',
		name: 'Send',
		action: 'Send a notification',
		description: 'Send the notification to the contact of each input item, in batches',
		operation: send,
	},
]);
