import { declareOperation, type OperationSpec } from '../../../shared/operations/declareOperation';
import type { ParameterSpec } from '../../../shared/operations/parameterSpec';
import { defineResource, unconfirmedHint } from '../../../shared/operations/resource';
import { MEDIA_TYPE } from '../../../shared/transport/mediaTypes';
import { actionPicker, sendableActionPicker } from './actionParameters';
import * as render from './render.operation';
import * as send from './send.operation';
import * as validate from './validate.operation';
import { PICKERS } from '../../../shared/methods/pickers';

const declare = (spec: Omit<OperationSpec, 'resource'>) => declareOperation({ ...spec, resource: 'action' });
const NOT_FOUND = { 404: 'NP6 has no action with this ID', 410: 'The action is gone' };

/** The action document as create and update (a full replacement) send it. */
const definition: ParameterSpec[] = [
	{
		name: 'type',
		label: 'Type',
		in: 'body',
		type: 'options',
		default: 'mailMessage',
		options: [
			{ name: 'Email Campaign', value: 'mailCampaign', description: 'Sent to segments by a scheduler' },
			{ name: 'Email Message', value: 'mailMessage', description: 'Transactional: sent per contact with Send' },
			{ name: 'SMS Campaign', value: 'smsCampaign' },
			{ name: 'SMS Message', value: 'smsMessage' },
		],
	},
	{ name: 'name', label: 'Name', in: 'body' },
	{ name: 'senderEmail', label: 'Sender Email', in: 'body', key: 'content.headers.from', format: 'email', placeholder: 'orders@shop.example.com', transform: splitEmail, description: 'Sent to NP6 as prefix and domain' },
	{ name: 'senderLabel', label: 'Sender Name', in: 'body', key: 'content.headers.from.label', placeholder: 'Example Shop' },
	{ name: 'subject', label: 'Subject', in: 'body', key: 'content.subject' },
	{ name: 'html', label: 'HTML Content', in: 'body', key: 'content.html', optional: true },
	{ name: 'text', label: 'Text Content', in: 'body', key: 'content.text', optional: true, description: 'Plain text version of an email' },
	{ name: 'smsText', label: 'SMS Text', in: 'body', key: 'content.textContent', optional: true },
	{ name: 'replyTo', label: 'Reply-To', in: 'body', key: 'content.headers.reply', format: 'email', optional: true },
	{ name: 'description', label: 'Description', in: 'body', optional: true },
	{
		name: 'templatingVersion',
		label: 'Templating Version',
		in: 'body',
		key: 'settings.templating.version',
		type: 'options',
		optional: true,
		default: 4.1,
		options: [{ name: '4.1 (Allows Content Overrides on Send)', value: 4.1 }],
	},
	{
		name: 'category',
		label: 'Category',
		in: 'body',
		key: 'informations.category',
		optional: true,
		picker: PICKERS.category,
	},
	{ name: 'folder', label: 'Folder ID', in: 'body', key: 'informations.folder', type: 'number', optional: true, description: 'NP6 has no API to list folders: give the ID shown in NP6' },
	{ name: 'archive', label: 'Archive Sent Messages', in: 'body', key: 'settings.archive', type: 'boolean', optional: true },
	{ name: 'scheduler', label: 'Scheduler (JSON)', in: 'body', type: 'json', optional: true, description: 'Campaigns: {"type": "asap" | "scheduled" | "timeZoneSchedule", "startDate", "segments": {"selected": [id], "excluded": []}}' },
];

function splitEmail(value: unknown) {
	const [prefix, domain] = String(value).split('@');
	return { prefix, domain };
}

const exportKinds = {
	name: 'list',
	label: 'List',
	in: 'path' as const,
	type: 'options' as const,
	default: 'recipients',
	options: [
		{ name: 'Bounces', value: 'feedback/bounces', description: 'Known from older public NP6 docs only' },
		{ name: 'Clicks', value: 'tracking/clicks', description: 'Deprecated by NP6 without replacement; still works' },
		{ name: 'Complaints', value: 'feedback/complaints', description: 'Known from older public NP6 docs only' },
		{ name: 'Opens', value: 'tracking/opens', description: 'Deprecated by NP6 without replacement; still works' },
		{ name: 'Recipients', value: 'recipients', description: 'Deprecated by NP6 without replacement; still works' },
		{ name: 'Unsubscribes', value: 'feedback/unsubscribes', description: 'Known from older public NP6 docs only' },
	],
};

export const actionResource = defineResource('action', 'send', [
	{ value: 'send', name: 'Send', action: 'Send a message', description: 'Send a validated message action to the contact of each input item', operation: send },
	{ value: 'validate', name: 'Validate for Sending', action: 'Validate an action for sending', description: 'Run the test phase and the production validation', operation: validate },
	{ value: 'render', name: 'Render', action: 'Render a message', description: 'Preview the message a contact would receive, without sending it', operation: render },
	{
		value: 'create',
		name: 'Create',
		action: 'Create an action',
		description: 'Create an email or SMS action',
		operation: declare({ operation: 'create', catalogue: 'action.create', method: 'POST', path: '/actions', parameters: definition, returns: 'object', meanings: { 400: 'NP6 could not read the action (wrong shape)', 404: 'A referenced item is unknown (NP6 answers 404 for an unknown settings.field)' } }),
	},
	{
		value: 'update',
		name: 'Update',
		action: 'Update an action',
		description: 'Replace an action (send every field to keep)',
		operation: declare({ operation: 'update', catalogue: 'action.update', method: 'PUT', path: '/actions/{id}', parameters: [actionPicker, ...definition], returns: 'object', notice: 'NP6 replaces the whole action. A validated action may need validating again.', meanings: NOT_FOUND }),
	},
	{
		value: 'get',
		name: 'Get',
		action: 'Get an action',
		description: 'Get an action with its state',
		operation: declare({ operation: 'get', catalogue: 'action.get', method: 'GET', path: '/actions/{id}', parameters: [actionPicker], returns: 'object', meanings: NOT_FOUND }),
	},
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many actions',
		description: 'List the actions of the account',
		operation: declare({ operation: 'getAll', catalogue: 'action.list', method: 'GET', path: '/actions', returns: 'list', deprecated: true }),
	},
	{
		value: 'delete',
		name: 'Delete',
		action: 'Delete an action',
		description: 'Delete an action',
		operation: declare({ operation: 'delete', catalogue: 'action.delete', method: 'DELETE', path: '/actions/{id}', parameters: [actionPicker], returns: 'nothing', meanings: NOT_FOUND }),
	},
	{
		value: 'duplicate',
		name: 'Duplicate',
		action: 'Duplicate an action',
		description: 'Copy an action (the copy is a draft)',
		operation: declare({
			operation: 'duplicate',
			catalogue: 'action.duplicate',
			method: 'POST',
			path: '/actions/{id}/duplication',
			parameters: [
				actionPicker,
				{ name: 'type', label: 'Type', in: 'query', type: 'number', optional: true },
				{ name: 'folder', label: 'Folder ID', in: 'query', type: 'number', optional: true },
			],
			returns: 'object',
			meanings: NOT_FOUND,
		}),
	},
	{
		value: 'unvalidate',
		name: 'Unvalidate',
		action: 'Unvalidate an action',
		description: 'Take an action back to state 20 (from 38 or 50) so it can be changed',
		operation: declare({
			operation: 'unvalidate',
			catalogue: 'action.unvalidate',
			method: 'DELETE',
			path: '/actions/{id}/validation',
			parameters: [actionPicker],
			fixedBody: {},
			returns: 'nothing',
			meanings: { ...NOT_FOUND, 409: 'The action is not validated (already unvalidated)' },
		}),
	},
	{
		value: 'export',
		name: 'Export',
		action: 'Export a list of an action',
		description: 'Export the recipients, opens, clicks, bounces, complaints or unsubscribes of an action',
		operation: declare({
			operation: 'export',
			catalogue: ['action.exportRecipients', 'action.exportOpens', 'action.exportClicks', 'action.exportBounces', 'action.exportComplaints', 'action.exportUnsubscribes'],
			method: 'GET',
			path: '/actions/{id}/export/{list}',
			parameters: [actionPicker, exportKinds],
			returns: 'list',
			notice: 'NP6 marks the Recipients, Opens and Clicks exports deprecated in API 8.1.0 and offers no replacement; they still work. The Bounces, Complaints and Unsubscribes exports are known from older public NP6 docs only: check the result on your account.',
			meanings: NOT_FOUND,
		}),
	},
	{
		value: 'countRecipients',
		name: 'Count Recipients',
		action: 'Count the recipients of an action',
		description: 'Get the estimated number of recipients of an action',
		operation: declare({ operation: 'countRecipients', catalogue: 'action.countRecipients', method: 'GET', path: '/actions/{id}/recipients/count', parameters: [actionPicker], returns: 'object', notice: unconfirmedHint('only the path is known, from the 8.1.0 sidebar'), meanings: NOT_FOUND }),
	},
	{
		value: 'renderLinks',
		name: 'Render Links',
		action: 'Render the links of an action',
		description: 'List the links of an action as they will be tracked',
		operation: declare({
			operation: 'renderLinks',
			catalogue: 'action.renderLinks',
			method: 'POST',
			path: '/actions/{id}/render/links',
			parameters: [actionPicker, { name: 'definition', label: 'Request (JSON)', in: 'body', key: '.', type: 'json', optional: true }],
			fixedBody: {},
			returns: 'list',
			deprecated: true,
			meanings: NOT_FOUND,
		}),
	},
	{
		value: 'sendToContactLegacy',
		name: 'Send to Contact',
		action: 'Send a message to a contact the legacy way',
		description: 'Older single-contact send endpoint, replaced by Send',
		operation: declare({
			operation: 'sendToContactLegacy',
			catalogue: 'action.sendToTarget',
			method: 'POST',
			path: '/actions/{id}/targets/{targetId}',
			parameters: [sendableActionPicker, { name: 'contactId', label: 'Contact ID', in: 'path', key: 'targetId', format: 'contact' }, { name: 'message', label: 'Message (JSON)', in: 'body', key: '.', type: 'json', optional: true }],
			fixedBody: {},
			accept: 'application/vnd.mperf.v8.message.id',
			returns: 'object',
			deprecated: true,
			replacedBy: 'Email & SMS Action → Send',
			meanings: NOT_FOUND,
		}),
	},
	{
		value: 'sendBulkLegacy',
		name: 'Send Bulk (Legacy)',
		action: 'Send a bulk message the legacy way',
		description: 'Older bulk send endpoint (email-v4 media type); prefer Send',
		operation: declare({
			operation: 'sendBulkLegacy',
			catalogue: 'action.sendBulkLegacy',
			method: 'POST',
			path: '/actions/{id}/targets',
			parameters: [sendableActionPicker, { name: 'targets', label: 'Messages (JSON Array)', in: 'body', key: '.', type: 'json', jsonType: 'array', default: '[{ "recipient": { "type": "id", "value": "000PKXK4" } }]' }],
			contentType: MEDIA_TYPE.emailV4,
			returns: 'list',
			notice: 'Older bulk send, kept for existing integrations. It is never repeated after an unknown outcome.',
			meanings: NOT_FOUND,
		}),
	},
]);
