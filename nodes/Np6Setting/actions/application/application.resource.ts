import { declareOperation, type OperationSpec } from '../../../shared/operations/declareOperation';
import type { ParameterSpec } from '../../../shared/operations/parameterSpec';
import { declareReplacingUpdate } from '../../../shared/operations/replacingUpdate';
import { defineResource, unconfirmedHint } from '../../../shared/operations/resource';
import { PICKERS } from '../../../shared/methods/pickers';

const application: ParameterSpec = {
	name: 'application',
	label: 'Mobile Application',
	in: 'path',
	key: 'uuid',
	picker: PICKERS.application,
};

/** `type` is NP6's discriminator; only "native" has been seen. */
const type: ParameterSpec = {
	name: 'type',
	label: 'Type',
	in: 'body',
	type: 'options',
	default: 'native',
	options: [{ name: 'Native', value: 'native', description: 'A mobile application (the only type NP6 documents)' }],
};

const name: ParameterSpec = { name: 'name', label: 'Name', in: 'body' };

const EXPRESSION_LIST = 'each {"name": …, "value": {"type": "literal", "value": …}, "default": true|false}';

/** Body fields of Create and Update besides type and name. */
const settings: ParameterSpec[] = [
	{ name: 'description', label: 'Description', in: 'body', optional: true },
	{ name: 'active', label: 'Active', in: 'body', type: 'boolean', optional: true, description: 'Whether the application is online (NP6 default: not online)' },
	{ name: 'icon', label: 'Icon', in: 'body', optional: true, description: "The application's icon, as NP6 takes it" },
	{
		name: 'providers',
		label: 'Providers (JSON)',
		in: 'body',
		type: 'json',
		jsonType: 'array',
		default: '[]',
		optional: true,
		description:
			'How notifications reach the application, an array of {"type": "firebase", "key", "sender"}, {"type": "apns", "certificate": {"type": "p12", "value", "password", "expiration"}, "bundle"} or {"type": "http", "url"}',
	},
	{ name: 'routes', label: 'Routes (JSON)', in: 'body', type: 'json', jsonType: 'array', default: '[]', optional: true, description: `The redirections the application handles, an array of ${EXPRESSION_LIST}` },
	{ name: 'channels', label: 'Channels (JSON)', in: 'body', type: 'json', jsonType: 'array', default: '[]', optional: true, description: `The display channels of the application, an array of ${EXPRESSION_LIST}` },
];

const NOT_FOUND = { 404: 'NP6 has no mobile application with this ID' };
const INFERRED = unconfirmedHint("NP6's reference does not show this endpoint; it follows NP6's other resources");

const declare = (spec: Omit<OperationSpec, 'resource'>) => declareOperation({ ...spec, resource: 'application' });

/** Notifiable (mobile) applications (catalogue section notifiable-application). */
export const applicationResource = defineResource('application', 'getAll', [
	{
		value: 'create',
		name: 'Create',
		action: 'Create a mobile application',
		description: 'Create an application that receives push notifications',
		operation: declare({ operation: 'create', catalogue: 'application.create', method: 'POST', path: '/parameters/applications', parameters: [type, name, ...settings], returns: 'object' }),
	},
	{
		value: 'delete',
		name: 'Delete',
		action: 'Delete a mobile application',
		description: 'Delete a mobile application by ID',
		operation: declare({
			operation: 'delete',
			catalogue: 'application.delete',
			method: 'DELETE',
			path: '/parameters/applications/{uuid}',
			parameters: [application],
			returns: 'nothing',
			notice: INFERRED,
			meanings: NOT_FOUND,
		}),
	},
	{
		value: 'get',
		name: 'Get',
		action: 'Get a mobile application',
		description: 'Get a mobile application with its providers, routes and channels',
		operation: declare({ operation: 'get', catalogue: 'application.get', method: 'GET', path: '/parameters/applications/{uuid}', parameters: [application], returns: 'object', meanings: NOT_FOUND }),
	},
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many mobile applications',
		description: 'List the mobile applications of the account',
		operation: declare({ operation: 'getAll', catalogue: 'application.list', method: 'GET', path: '/parameters/applications', returns: 'list' }),
	},
	{
		value: 'update',
		name: 'Update',
		action: 'Update a mobile application',
		description: 'Change the name, state, providers, routes or channels of a mobile application',
		operation: declareReplacingUpdate({
			resource: 'application',
			operation: 'update',
			catalogue: ['application.get', 'application.update'],
			path: '/parameters/applications/{uuid}',
			target: application,
			changes: [{ ...name, optional: true }, ...settings],
			noun: 'mobile application',
			serverOwned: ['id', 'stamp'],
			notice: INFERRED,
			readMeanings: NOT_FOUND,
			replaceMeanings: NOT_FOUND,
		}),
	},
]);
