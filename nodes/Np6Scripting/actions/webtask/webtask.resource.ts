import { declareOperation } from '../../../shared/operations/declareOperation';
import { defineResource, unconfirmedHint } from '../../../shared/operations/resource';
import { requireChanges } from '../requireChanges';

/** NP6 documents no list of webtasks: the ID is given, and checked to be one before any request. */
export const webtaskResource = defineResource('webtask', 'patch', [
	{
		value: 'patch',
		name: 'Patch',
		action: 'Patch a webtask',
		description: 'Change the script, name, description or settings of a webtask',
		operation: requireChanges(
			declareOperation({
				resource: 'webtask',
				operation: 'patch',
				catalogue: 'webtask.patch',
				method: 'PATCH',
				path: '/scripting/webtasks/{id}',
				parameters: [
					{ name: 'webtaskId', label: 'Webtask ID', in: 'path', key: 'id', format: 'integer', placeholder: 'e.g. 501', description: 'NP6 has no API to list webtasks: give the ID shown in NP6' },
					{ name: 'name', label: 'Name', in: 'body', optional: true },
					{ name: 'description', label: 'Description', in: 'body', optional: true },
					{ name: 'value', label: 'Script', in: 'body', optional: true, description: "The webtask's script (NP6 calls it its value)" },
					{
						name: 'scripting',
						label: 'Scripting (JSON)',
						in: 'body',
						type: 'json',
						jsonType: 'object',
						optional: true,
						description: 'A JSON object: the scripting engine "version" and its "imports", "initializers" and "filters" (arrays or null), e.g. {"version": "7.0.0", "imports": null, "initializers": null, "filters": null}',
						placeholder: '{"version": "7.0.0"}',
					},
					{ name: 'settings', label: 'Settings (JSON)', in: 'body', type: 'json', jsonType: 'object', optional: true, description: 'A JSON object of webtask settings, e.g. {}', placeholder: '{}' },
				],
				returns: 'object',
				notice: unconfirmedHint("the request body: NP6's reference shows an array in its schema and a webtask object in its example; the node sends the fields given, as an object"),
				meanings: { 404: 'NP6 has no webtask with this ID', 400: 'NP6 could not read the changes (wrong shape)' },
			}),
		),
	},
]);
