import { campaignEventsOperation } from '../../../shared/np6/campaignEvents';
import { declareOperation } from '../../../shared/operations/declareOperation';
import { defineResource, unconfirmedHint } from '../../../shared/operations/resource';

/** Multi-channel campaigns (catalogue sections campaignmanagement and campaignevent). */
export const campaignResource = defineResource('campaign', 'create', [
	{
		value: 'create',
		name: 'Create',
		action: 'Create a campaign',
		description: 'Create a campaign grouping actions',
		operation: declareOperation({
			resource: 'campaign',
			operation: 'create',
			catalogue: 'campaign.create',
			method: 'POST',
			path: '/campaigns',
			parameters: [
				{ name: 'name', label: 'Name', in: 'body' },
				{ name: 'description', label: 'Description', in: 'body', optional: true },
				{ name: 'startDate', label: 'Start Date', in: 'body', type: 'dateTime', optional: true },
				{ name: 'endDate', label: 'End Date', in: 'body', type: 'dateTime', optional: true },
				{
					name: 'campaignId',
					label: 'Campaign ID',
					in: 'body',
					key: 'id',
					format: 'uuid',
					optional: true,
					placeholder: 'e.g. 0581e259-9039-487c-a94e-ff8c3944f956',
					description: 'A UUID of your choice for the campaign (NP6 makes one up without it)',
				},
				{
					name: 'actionIds',
					label: 'Action IDs',
					in: 'body',
					key: 'items',
					type: 'list',
					optional: true,
					description: 'The actions the campaign groups, comma-separated (e.g. 000PE4, 000PE5)',
					transform: (ids) => (ids as string[]).map((id) => ({ type: 'email', id })),
				},
			],
			returns: 'object',
			notice: unconfirmedHint('the item type of an action in a campaign; the node sends "email", the channel the campaign events name'),
			meanings: { 404: 'NP6 has no such action', 409: 'A campaign with this ID already exists' },
		}),
	},
	{
		value: 'getEvents',
		name: 'Get Events',
		action: "Get a campaign's events",
		description: "List the events of a campaign's actions in a date range",
		operation: campaignEventsOperation('campaign', 'getEvents'),
	},
]);
