import { declareOperation, type OperationSpec } from '../../../shared/operations/declareOperation';
import { defineResource } from '../../../shared/operations/resource';
import { actionPicker } from '../action/actionParameters';

const LEGACY = 'From the older NP6 API (not in the 8.1.0 reference): it may not answer on current accounts.';
const declare = (spec: Omit<OperationSpec, 'resource' | 'notice'>) => declareOperation({ ...spec, resource: 'statistics', notice: LEGACY });

export const statisticsResource = defineResource('statistics', 'getForAction', [
	{
		value: 'getForAction',
		name: 'Get for Action',
		action: 'Get the statistics of an action',
		description: 'Aggregated dispatch and feedback counters of an action',
		operation: declare({ operation: 'getForAction', catalogue: 'statistics.getForAction', method: 'GET', path: '/actions/{id}/statistics', parameters: [actionPicker], returns: 'object', meanings: { 404: 'NP6 has no action with this ID' } }),
	},
	{
		value: 'getActionBounces',
		name: 'Get Bounces of Action',
		action: 'Get the bounced recipients of an action',
		description: 'Recipients of an action whose message bounced',
		operation: declare({ operation: 'getActionBounces', catalogue: 'statistics.listActionBounces', method: 'GET', path: '/actions/{id}/feedbacks/bounces', parameters: [actionPicker], returns: 'list', meanings: { 404: 'NP6 has no action with this ID' } }),
	},
	{
		value: 'getBouncedContacts',
		name: 'Get Bounced Contacts',
		action: 'Get the contacts with bounces',
		description: 'Contacts whose address bounced (NPAI), with their bounces',
		operation: declare({ operation: 'getBouncedContacts', catalogue: 'statistics.listBouncedTargets', method: 'GET', path: '/targets/bounces', returns: 'list' }),
	},
	{
		value: 'getMessage',
		name: 'Get Message History',
		action: 'Get the history of a sent message',
		description: 'Every event of one sent message, by the message ID a send returned',
		operation: declare({
			operation: 'getMessage',
			catalogue: 'conversation.get',
			method: 'GET',
			path: '/messages/{id}',
			parameters: [{ name: 'messageId', label: 'Message ID', in: 'path', key: 'id', format: 'uuid' }],
			returns: 'object',
			meanings: { 404: 'NP6 has no message with this ID' },
		}),
	},
]);
