import { declareOperation, type OperationSpec } from '../../../shared/operations/declareOperation';
import type { ParameterSpec } from '../../../shared/operations/parameterSpec';
import { defineResource, lowConfidenceHint } from '../../../shared/operations/resource';

const group: ParameterSpec = {
	name: 'group',
	label: 'Group',
	in: 'path',
	key: 'id',
	picker: { searchMethod: 'searchGroups', idFormat: 'integer', idPlaceholder: 'e.g. 501' },
};

const LEGACY = lowConfidenceHint('not in the 8.1.0 reference, it may not answer on current accounts, and its answer is not documented');
const NOT_FOUND = { 404: 'NP6 has no group with this ID' };

const declare = (spec: Omit<OperationSpec, 'resource' | 'notice'>) => declareOperation({ ...spec, resource: 'group', notice: LEGACY });

/** Groups of platform users (legacy section "Groups": older public NP6 docs only). */
export const groupResource = defineResource('group', 'getAll', [
	{
		value: 'delete',
		name: 'Delete',
		action: 'Delete a group',
		description: 'Delete a group of users by ID',
		operation: declare({ operation: 'delete', catalogue: 'group.delete', method: 'DELETE', path: '/groups/{id}', parameters: [group], returns: 'nothing', meanings: NOT_FOUND }),
	},
	{
		value: 'get',
		name: 'Get',
		action: 'Get a group',
		description: 'Get a group of users by ID',
		operation: declare({ operation: 'get', catalogue: 'group.get', method: 'GET', path: '/groups/{id}', parameters: [group], returns: 'object', meanings: NOT_FOUND }),
	},
	{
		value: 'getContacts',
		name: 'Get Contacts',
		action: 'Get the contacts of a group',
		description: 'List the members of a group: NP6 users (e.g. who receives import reports), not contacts of the database',
		operation: declare({ operation: 'getContacts', catalogue: 'group.listContacts', method: 'GET', path: '/groups/{id}/contacts', parameters: [group], returns: 'list', meanings: NOT_FOUND }),
	},
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many groups',
		description: 'List the groups of NP6 users of the account',
		operation: declare({ operation: 'getAll', catalogue: 'group.list', method: 'GET', path: '/groups', returns: 'list' }),
	},
]);
