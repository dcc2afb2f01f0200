import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { executeGroups } from '../../../shared/operations/executePerItem';
import { refuseRetryOnFail } from '../../../shared/operations/refuseRetryOnFail';
import { unconfirmedHint } from '../../../shared/operations/resource';
import { readParameter, toProperty, type ParameterSpec } from '../../../shared/operations/parameterSpec';
import type { Np6Operation } from '../../../shared/operations/types';
import { MEDIA_TYPE } from '../../../shared/transport/mediaTypes';
import { np6ApiRequest } from '../../../shared/transport/request';
import { WORKFLOW_NOT_FOUND, workflowPicker } from './workflowParameters';

const DEFAULT_PER_REQUEST = 100;
const MAX_PER_REQUEST = 1000;

const receiver: ParameterSpec = {
	name: 'receiver',
	label: 'Contact ID',
	in: 'body',
	format: 'contact',
	default: '',
	placeholder: 'e.g. 000PKXK4',
	description: 'The contact this execution is for (NP6\'s "receiver"), usually from an expression such as {{ $json.id }}',
};
const startNode: ParameterSpec = {
	name: 'startNode',
	label: 'Start At Node',
	in: 'body',
	optional: true,
	placeholder: 'e.g. welcome-mail',
	description: "ID of the workflow's node to start from (Workflow → Get Nodes lists them). Empty: NP6 starts at the workflow's entry point.",
};
const data: ParameterSpec = {
	name: 'data',
	label: 'Data (JSON)',
	in: 'body',
	type: 'json',
	jsonType: 'object',
	optional: true,
	placeholder: '{"orderId": "A-1001"}',
	description: 'A JSON object the workflow receives with this execution, e.g. {"orderId": "A-1001"}',
};
const variables: ParameterSpec = {
	name: 'variables',
	label: 'Variables (JSON)',
	in: 'body',
	type: 'json',
	jsonType: 'array',
	optional: true,
	placeholder: '[{"name": "coupon", "value": "WELCOME10"}]',
	description: "A JSON array of additional variables, as the workflow's scripts expect them",
};
const executionId: ParameterSpec = {
	name: 'executionId',
	label: 'Execution ID',
	in: 'body',
	optional: true,
	placeholder: 'e.g. order-A-1001',
	description:
		"Your own ID for this execution. Empty: the node gives it one (n8n's execution ID and the item's number), so that NP6's answer, which names it, is paired with this item.",
};
const executions: ParameterSpec = {
	name: 'executions',
	label: 'Executions (JSON)',
	in: 'body',
	type: 'json',
	jsonType: 'array',
	default: '',
	description:
		'A JSON array, one entry per execution: the "receiver" (e.g. a contact ID), optionally the startup "node" (a node ID), "data", "variables" and an "id" of your own, e.g. [{"receiver": {"type": "id", "value": "000PKXK4"}, "node": "welcome", "data": {"orderId": "A-1001"}}]',
	placeholder: '[{"receiver": {"type": "id", "value": "000PKXK4"}}]',
};

const fieldsMode = { show: { define: ['fields'] } };
const properties: INodeProperties[] = [
	{
		displayName: unconfirmedHint(
			"the path's last segment (/executions) and NP6's answer, which the node outputs as it comes (one item per entry). An execution is never repeated after an unknown outcome",
		),
		name: 'executeNotice',
		type: 'notice',
		default: '',
	},
	toProperty(workflowPicker),
	{
		displayName: 'Define Executions',
		name: 'define',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		options: [
			{ name: 'Using Fields Below', value: 'fields', description: 'One execution per input item: a contact, where to start and its data' },
			{ name: 'Using JSON', value: 'json', description: 'A JSON array of executions per input item, as NP6 takes them' },
		],
	},
	{ ...toProperty(receiver), displayOptions: fieldsMode },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: fieldsMode,
		options: [data, executionId, startNode, variables].map((spec) => ({ ...toProperty(spec), required: false })),
	},
	{ ...toProperty(executions), displayOptions: { show: { define: ['json'] } } },
	{
		displayName: 'Combine Items',
		name: 'combineItems',
		type: 'boolean',
		default: true,
		description:
			'Whether to start the executions of many items in one request (per workflow, up to "Executions per Request"); NP6 takes a list. Off: one request per item.',
	},
	{
		displayName: 'Executions per Request',
		name: 'perRequest',
		type: 'number',
		default: DEFAULT_PER_REQUEST,
		typeOptions: { minValue: 1, maxValue: MAX_PER_REQUEST },
		displayOptions: { show: { combineItems: [true] } },
		description: 'At most this many executions in one request. NP6 refuses a whole request when one of its executions is wrong.',
	},
];

/**
 * Starts executions of a scripting workflow: one per item (fields) or the item's JSON array, combined
 * across items per workflow. NP6 documents no deduplication, so a request whose outcome is unknown is
 * never repeated (the request helper repeats a POST only after a 429) and n8n's Retry On Fail is refused.
 */
export const execute: Np6Operation = {
	catalogue: ['workflow.execute'],
	description: updateDisplayOptions({ show: { resource: ['workflow'], operation: ['execute'] } }, properties),
	async executeAll(this: IExecuteFunctions) {
		refuseRetryOnFail(this, 'Execute', 'start every execution this run already started');
		const count = this.getInputData().length;
		const prepared = new Map<number, { workflowId: number; entries: IDataObject[] }>();
		const prepare = (itemIndex: number) => {
			let entry = prepared.get(itemIndex);
			if (!entry) prepared.set(itemIndex, (entry = { workflowId: readParameter.call(this, workflowPicker, itemIndex) as number, entries: executionsOf.call(this, itemIndex) }));
			return entry;
		};
		// Without Continue On Fail a bad item stops the node: check every item before the first execution starts.
		if (!this.continueOnFail()) for (let itemIndex = 0; itemIndex < count; itemIndex++) prepare(itemIndex);
		const groups = this.getNodeParameter('combineItems', 0, true) ? byWorkflow(this, count, prepare) : [...Array(count).keys()].map((i) => [i]);
		const sentIds = new Map<string, number>();
		return await executeGroups.call(
			this,
			groups,
			async (group) => {
				const { workflowId } = prepare(group[0]);
				const body = group.flatMap((itemIndex) => prepare(itemIndex).entries);
				for (const itemIndex of group) for (const entry of prepare(itemIndex).entries) if (typeof entry.id === 'string') sentIds.set(entry.id, itemIndex);
				const response = await np6ApiRequest.call(this, {
					method: 'POST',
					path: `/scripting/workflows/${workflowId}/executions`,
					body,
					contentType: MEDIA_TYPE.workflow,
					meanings: { ...WORKFLOW_NOT_FOUND, 400: 'NP6 could not read the executions (wrong shape, or a startup node the workflow does not have)' },
					itemIndex: group[0],
				});
				return asEntries(response.body);
			},
			// An answer entry naming an execution ID the node sent belongs to that item alone.
			(entry, group) => {
				const itemIndex = typeof entry.id === 'string' ? sentIds.get(entry.id) : undefined;
				return itemIndex !== undefined && group.includes(itemIndex) ? [itemIndex] : group;
			},
		);
	},
};

/** The executions one item asks for, checked before any request. */
function executionsOf(this: IExecuteFunctions, itemIndex: number): IDataObject[] {
	if (this.getNodeParameter('define', itemIndex) === 'json') {
		const entries = readParameter.call(this, executions, itemIndex) as IDataObject[];
		if (entries.length === 0) {
			throw new NodeOperationError(this.getNode(), 'The parameter "Executions (JSON)" is an empty array', {
				itemIndex,
				description: 'Give at least one execution, e.g. [{"receiver": {"type": "id", "value": "000PKXK4"}}].',
			});
		}
		return entries;
	}
	const entry: IDataObject = {
		id: `n8n-${this.getExecutionId() ?? 'run'}-${itemIndex + 1}`,
		receiver: { type: 'id', value: readParameter.call(this, receiver, itemIndex) },
	};
	const extras: Array<[ParameterSpec, string]> = [[executionId, 'id'], [startNode, 'node'], [data, 'data'], [variables, 'variables']];
	for (const [spec, key] of extras) {
		const value = readParameter.call(this, spec, itemIndex);
		if (value !== undefined) entry[key] = value as IDataObject[string];
	}
	return [entry];
}

/** Items grouped by workflow, in chunks of "Executions per Request"; an item that cannot be read is a group of its own (its error is reported for it). */
function byWorkflow(context: IExecuteFunctions, count: number, prepare: (itemIndex: number) => { workflowId: number; entries: IDataObject[] }): number[][] {
	const limit = Math.min(MAX_PER_REQUEST, Math.max(1, Math.floor(Number(context.getNodeParameter('perRequest', 0, DEFAULT_PER_REQUEST))) || DEFAULT_PER_REQUEST));
	const groups: number[][] = [];
	const open = new Map<number, { items: number[]; size: number }>();
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		let prepared;
		try {
			prepared = prepare(itemIndex);
		} catch {
			groups.push([itemIndex]);
			continue;
		}
		let current = open.get(prepared.workflowId);
		if (!current || current.size + prepared.entries.length > limit) {
			current = { items: [], size: 0 };
			open.set(prepared.workflowId, current);
			groups.push(current.items);
		}
		current.items.push(itemIndex);
		current.size += prepared.entries.length;
	}
	return groups;
}

function asEntries(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body.map((entry) => (entry !== null && typeof entry === 'object' ? entry : { value: entry }) as IDataObject);
	if (body === undefined || body === null || body === '') return [{ success: true }];
	return [typeof body === 'object' ? (body as IDataObject) : { value: body as IDataObject[string] }];
}
