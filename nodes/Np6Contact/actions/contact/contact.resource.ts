import { declareOperation } from '../../../shared/operations/declareOperation';
import { lowConfidenceHint, defineResource, unconfirmedHint } from '../../../shared/operations/resource';
import { staticSegmentPicker } from '../segment/segmentParameters';
import { onlyStaticSegments } from '../segment/staticSegmentOnly';
import * as deleteMany from './deleteMany.operation';
import * as get from './get.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';
import * as upsertMany from './upsertMany.operation';

const contactId = { name: 'contactId', label: 'Contact ID', in: 'path' as const, key: 'id', format: 'contact' as const, placeholder: '000PKXK4' };
const medium = {
	name: 'medium',
	label: 'Medium',
	in: 'path' as const,
	type: 'options' as const,
	default: 'mail',
	options: [
		{ name: 'Email', value: 'mail' },
		{ name: 'SMS', value: 'sms' },
	],
};
const NOT_FOUND = { 404: 'NP6 has no contact with this ID' };

const getAll = declareOperation({
	resource: 'contact',
	operation: 'getAll',
	catalogue: 'target.search',
	method: 'GET',
	path: '/targets',
	returns: 'list',
	outputsContacts: true,
	notice: 'NP6 returns every contact of the account at once (older NP6 docs); use Limit on large accounts.',
});

const remove = declareOperation({
	resource: 'contact',
	operation: 'delete',
	catalogue: 'target.delete',
	method: 'DELETE',
	path: '/targets/{id}',
	parameters: [contactId],
	returns: 'nothing',
	meanings: NOT_FOUND,
});

const count = declareOperation({
	resource: 'contact',
	operation: 'count',
	catalogue: 'target.count',
	method: 'GET',
	path: '/targets/count',
	returns: 'object',
});

const addToRedlist = declareOperation({
	resource: 'contact',
	operation: 'addToRedlist',
	catalogue: ['target.redlistMail', 'target.redlistSms'],
	method: 'POST',
	path: '/targets/{id}/redlist/{medium}',
	parameters: [
		contactId,
		medium,
		{
			name: 'origin',
			label: 'Origin',
			in: 'body',
			type: 'options',
			optional: true,
			default: 1,
			options: [
				{ name: 'API', value: 1 },
				{ name: 'Complaint', value: 5 },
				{ name: 'Form', value: 3 },
				{ name: 'Import', value: 2 },
				{ name: 'SMS Administrative', value: 8 },
				{ name: 'SMS Blacklist', value: 7 },
				{ name: 'SMS Specific', value: 9 },
				{ name: 'SMS Stop', value: 6 },
				{ name: 'Unknown', value: 0 },
				{ name: 'Unsubscribe', value: 4 },
			],
		},
		{ name: 'timestamp', label: 'Date', in: 'body', type: 'dateTime', optional: true },
		{ name: 'detail', label: 'Detail (JSON)', in: 'body', type: 'json', optional: true },
	],
	fixedBody: {},
	returns: 'nothing',
	meanings: NOT_FOUND,
	notice: unconfirmedHint('the SMS path is inferred from the email one'),
});

const getRedlisted = declareOperation({
	resource: 'contact',
	operation: 'getRedlisted',
	catalogue: ['target.listRedlistedMail', 'target.listRedlistedSms'],
	method: 'GET',
	path: '/targets/redlist/{medium}',
	parameters: [
		medium,
		{ name: 'startDate', label: 'Start Date', in: 'query', type: 'dateTime', optional: true, description: 'Redlisted at or after this date' },
		{ name: 'endDate', label: 'End Date', in: 'query', type: 'dateTime', optional: true, description: 'Redlisted before this date' },
	],
	returns: 'list',
});

const segmentOfContact = { ...staticSegmentPicker.spec, key: 'segmentId' };

const addToSegment = declareOperation({
	resource: 'contact',
	operation: 'addToSegment',
	catalogue: 'target.addToSegment',
	method: 'POST',
	path: '/targets/{targetId}/segments/{segmentId}',
	parameters: [{ ...contactId, key: 'targetId' }, segmentOfContact],
	returns: 'nothing',
	notice: lowConfidenceHint('one contact per call') + ' To add many contacts at once, use Segment → Add Contacts.',
	meanings: { 404: 'NP6 has no such contact or segment', 409: 'The contact is already in the segment' },
});

const removeFromSegment = declareOperation({
	resource: 'contact',
	operation: 'removeFromSegment',
	catalogue: 'target.removeFromSegment',
	method: 'DELETE',
	path: '/targets/{targetId}/segments/{segmentId}',
	parameters: [{ ...contactId, key: 'targetId' }, segmentOfContact],
	returns: 'nothing',
	notice: lowConfidenceHint('one contact per call'),
	meanings: { 404: 'NP6 has no such contact or segment', 409: 'Contacts cannot be removed from a dynamic segment' },
});

const getSegments = declareOperation({
	resource: 'contact',
	operation: 'getSegments',
	catalogue: 'target.listSegments',
	method: 'GET',
	path: '/targets/{id}/segments',
	parameters: [contactId],
	returns: 'list',
	notice: lowConfidenceHint('only the URL is known, not the answer'),
	meanings: NOT_FOUND,
});

export const contact = defineResource('contact', 'upsert', [
	{ value: 'upsert', name: 'Create or Update', action: 'Create or update a contact', description: 'Create a new record, or update the current one if it already exists (upsert)', operation: upsert },
	{
		value: 'upsertMany',
		name: 'Create or Update Many (Import)',
		action: 'Create or update many contacts through an import',
		description: "Create or update every item's contact through NP6's import, in chunks: far fewer requests than one per contact",
		operation: upsertMany,
	},
	{ value: 'get', name: 'Get', action: 'Get a contact', description: 'Get a contact by ID, unicity value or hash', operation: get },
	{ value: 'getAll', name: 'Get Many', action: 'Get many contacts', description: 'List the contacts of the account', operation: getAll },
	{ value: 'update', name: 'Update', action: 'Update a contact', description: 'Change field values of a contact found by ID', operation: update },
	{ value: 'delete', name: 'Delete', action: 'Delete a contact', description: 'Delete one contact by ID', operation: remove },
	{ value: 'deleteMany', name: 'Delete Many', action: 'Delete many contacts', description: 'Delete contacts by IDs, by unicity values, or every contact of a segment', operation: deleteMany },
	{ value: 'count', name: 'Count', action: 'Count contacts', description: 'Get the total number of contacts', operation: count },
	{ value: 'addToRedlist', name: 'Add to Redlist', action: 'Add a contact to a redlist', description: 'Stop sending email or SMS to a contact', operation: addToRedlist },
	{ value: 'getRedlisted', name: 'Get Redlisted', action: 'Get redlisted contacts', description: 'List contacts redlisted for email or SMS in a date window', operation: getRedlisted },
	{ value: 'addToSegment', name: 'Add to Segment', action: 'Add a contact to a segment', description: 'Add one contact to a static segment', operation: onlyStaticSegments(addToSegment, segmentOfContact) },
	{ value: 'removeFromSegment', name: 'Remove From Segment', action: 'Remove a contact from a segment', description: 'Remove one contact from a static segment', operation: onlyStaticSegments(removeFromSegment, segmentOfContact) },
	{ value: 'getSegments', name: 'Get Segments', action: 'Get the segments of a contact', description: 'List the segments a contact belongs to', operation: getSegments },
]);
