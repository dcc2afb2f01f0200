import { declareOperation } from '../../../shared/operations/declareOperation';
import type { ParameterSpec } from '../../../shared/operations/parameterSpec';
import { defineResource } from '../../../shared/operations/resource';
import { actionPicker } from '../action/actionParameters';

const ARCHIVE = 'application/vnd.np6.cm.mail.archive';
const window: ParameterSpec[] = [
	{ name: 'startDate', label: 'Sent After', in: 'query', type: 'dateTime', optional: true },
	{ name: 'endDate', label: 'Sent Before', in: 'query', type: 'dateTime', optional: true },
];

export const archiveResource = defineResource('archive', 'getAll', [
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many archived emails',
		description: 'List the archived emails of the account in a date window',
		operation: declareOperation({
			resource: 'archive',
			operation: 'getAll',
			catalogue: 'archive.list',
			method: 'GET',
			path: '/actions/archives',
			parameters: window,
			accept: ARCHIVE,
			returns: 'list',
			notice: 'Only actions with "Archive Sent Messages" on keep archives. Keep the window short: NP6 returns the whole list at once.',
		}),
	},
	{
		value: 'getForContact',
		name: 'Get Many for Action and Contact',
		action: 'Get the archived emails of an action sent to a contact',
		description: 'List the archived emails one action sent to one contact',
		operation: declareOperation({
			resource: 'archive',
			operation: 'getForContact',
			catalogue: 'archive.listForActionTarget',
			method: 'GET',
			path: '/actions/{id}/targets/{target}/archives',
			parameters: [actionPicker, { name: 'contactId', label: 'Contact ID', in: 'path', key: 'target', format: 'contact', placeholder: '000PKXK4' }, ...window],
			accept: ARCHIVE,
			returns: 'list',
			meanings: { 404: 'NP6 has no such action or contact' },
		}),
	},
]);
