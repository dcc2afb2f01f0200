import { declareOperation } from '../../../shared/operations/declareOperation';
import type { ParameterSpec } from '../../../shared/operations/parameterSpec';
import { defineResource, lowConfidenceHint } from '../../../shared/operations/resource';
import * as addContacts from './addContacts.operation';
import * as removeContacts from './removeContacts.operation';
import { segmentPicker, staticSegmentPicker } from './segmentParameters';
import { onlyStaticSegments } from './staticSegmentOnly';

const type: ParameterSpec = {
	name: 'type',
	label: 'Type',
	in: 'body',
	type: 'options',
	default: 'static',
	options: [
		{ name: 'Static', value: 'static', description: 'Members are added and removed explicitly' },
		{ name: 'Dynamic', value: 'dynamic', description: 'Members are computed by NP6 from criteria' },
	],
};

const details = (nameOptional: boolean): ParameterSpec[] => [
	{ name: 'name', label: 'Name', in: 'body', optional: nameOptional, description: 'Unique among the segments of the account' },
	{ name: 'description', label: 'Description', in: 'body', optional: true },
	{ name: 'expiration', label: 'Expiration', in: 'body', type: 'dateTime', optional: true, description: 'NP6 uses creation + 1 year when not given' },
	{ name: 'isTest', label: 'Is Test Segment', in: 'body', type: 'boolean', optional: true, description: 'Whether the segment can receive test sends (validation phase 1)' },
];

const NOT_FOUND = { 404: 'NP6 has no segment with this ID' };

const declare = (spec: Omit<Parameters<typeof declareOperation>[0], 'resource' | 'deprecated'>) =>
	declareOperation({ ...spec, resource: 'segment', deprecated: spec.catalogue !== 'segment.informations' });

export const segmentResource = defineResource('segment', 'addContacts', [
	{
		value: 'addContacts',
		name: 'Add Contacts',
		action: 'Add contacts to a segment',
		description: 'Add any number of contacts to a static segment, 50 per request',
		operation: addContacts,
	},
	{
		value: 'removeContacts',
		name: 'Remove Contacts',
		action: 'Remove contacts from a segment',
		description: 'Remove contacts from a static segment',
		operation: removeContacts,
	},
	{
		value: 'create',
		name: 'Create',
		action: 'Create a segment',
		description: 'Create a static or dynamic segment',
		operation: declare({
			operation: 'create',
			catalogue: 'segment.create',
			method: 'POST',
			path: '/segments',
			parameters: [type, ...details(false)],
			returns: 'object',
			meanings: { 409: 'A segment with this name already exists' },
		}),
	},
	{
		value: 'get',
		name: 'Get',
		action: 'Get a segment',
		description: 'Get a segment',
		operation: declare({
			operation: 'get',
			catalogue: 'segment.get',
			method: 'GET',
			path: '/segments/{id}',
			parameters: [segmentPicker.spec],
			returns: 'object',
			notice: lowConfidenceHint('the current NP6 reference may no longer list it'),
			meanings: NOT_FOUND,
		}),
	},
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many segments',
		description: 'List the segments of the account',
		operation: declare({ operation: 'getAll', catalogue: 'segment.list', method: 'GET', path: '/segments', returns: 'list' }),
	},
	{
		value: 'update',
		name: 'Update',
		action: 'Update a segment',
		description: 'Rename a segment or change its description, expiration or test flag',
		operation: declare({
			operation: 'update',
			catalogue: 'segment.update',
			method: 'PUT',
			path: '/segments/{id}',
			parameters: [segmentPicker.spec, type, ...details(true)],
			returns: 'object',
			meanings: { ...NOT_FOUND, 409: 'Another segment already has this name' },
		}),
	},
	{
		value: 'delete',
		name: 'Delete',
		action: 'Delete a segment',
		description: 'Delete a segment (its contacts stay in the account)',
		operation: declare({
			operation: 'delete',
			catalogue: 'segment.delete',
			method: 'DELETE',
			path: '/segments/{id}',
			parameters: [segmentPicker.spec],
			returns: 'nothing',
			meanings: { ...NOT_FOUND, 409: 'The segment is linked to an action and cannot be deleted' },
		}),
	},
	{
		value: 'getContacts',
		name: 'Get Contacts',
		action: 'Get the contacts of a segment',
		description: 'List the IDs of the contacts in a segment',
		operation: declare({
			operation: 'getContacts',
			catalogue: 'segment.listTargets',
			method: 'GET',
			path: '/segments/{id}/targets',
			parameters: [segmentPicker.spec],
			returns: 'list',
			meanings: NOT_FOUND,
		}),
	},
	{
		value: 'empty',
		name: 'Remove All Contacts',
		action: 'Remove all contacts from a segment',
		description: 'Empty a segment (the contacts stay in the account)',
		operation: onlyStaticSegments(
			declare({
				operation: 'empty',
				catalogue: 'segment.clearTargets',
				method: 'DELETE',
				path: '/segments/{id}/targets',
				parameters: [staticSegmentPicker.spec],
				returns: 'nothing',
				meanings: NOT_FOUND,
			}),
			staticSegmentPicker.spec,
		),
	},
	{
		value: 'getInformation',
		name: 'Get Information',
		action: 'Get general segment information',
		description: 'Get general information about the segments of the account',
		operation: declare({
			operation: 'getInformation',
			catalogue: 'segment.informations',
			method: 'GET',
			path: '/segments/informations',
			returns: 'object',
			notice: lowConfidenceHint('only the URL is known, not the answer'),
		}),
	},
]);
