import type { INodeProperties } from 'n8n-workflow';

import { toProperty, type ParameterSpec } from '../../../shared/operations/parameterSpec';

function picker(searchMethod: string, description?: string): { spec: ParameterSpec; property: INodeProperties } {
	const spec: ParameterSpec = {
		name: 'segment',
		label: 'Segment',
		in: 'path',
		key: 'id',
		picker: { searchMethod, idFormat: 'integer', idPlaceholder: 'e.g. 41' },
		description,
	};
	return { spec, property: toProperty(spec) };
}

/** Any segment. */
export const segmentPicker = picker('searchSegments');

/** Only static segments accept members. */
export const staticSegmentPicker = picker('searchStaticSegments', 'Only static segments accept contacts');

/** Where contacts are named by id or by unicity value, one by one or as a list. */
export const memberProperties: INodeProperties[] = [
	{
		displayName: 'Identify Contacts By',
		name: 'identifyBy',
		type: 'options',
		noDataExpression: true,
		default: 'unicity',
		options: [
			{ name: 'ID', value: 'id', description: 'NP6 contact IDs, such as 000PKXK4' },
			{ name: 'Unicity Value', value: 'unicity', description: 'Usually the email address' },
		],
	},
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.email }}',
		description: 'One value per item, a comma-separated list, or an array from an expression',
	},
	{
		displayName: 'Combine All Items',
		name: 'combineItems',
		type: 'boolean',
		default: true,
		description: "Whether to gather the contacts of all input items that name the same segment into one operation with one output item per segment (fewest requests), or handle each item's contacts separately",
	},
];
