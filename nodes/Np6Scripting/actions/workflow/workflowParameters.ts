import type { ParameterSpec } from '../../../shared/operations/parameterSpec';

/** The workflow (int32 id), picked from GET /scripting/workflows or given by ID. */
export const workflowPicker: ParameterSpec = {
	name: 'workflow',
	label: 'Workflow',
	in: 'path',
	key: 'id',
	picker: { searchMethod: 'searchWorkflows', idFormat: 'integer', idPlaceholder: 'e.g. 701' },
};

export const WORKFLOW_NOT_FOUND = { 404: 'NP6 has no workflow with this ID' };

/** NP6's node types, as the catalogue lists them. */
const NODE_TYPES =
	'publish, request, script, sendMail, sendSms, sms, sleep, wait, wait.kill, updateTarget, multipleslots, sendpushapp, data-manager/pipeline, data-table/pipeline, np6.notification/execution, if, match, sample, split, switch, wait.race, wait.all, conditionaltimeslots, data-explorer-v2.match, terminal';

/** A workflow part with its own get and replace operations: the JSON array it holds, explained. */
export interface WorkflowPart {
	/** Path segment and workflow property, e.g. "tasks". */
	part: 'nodes' | 'capping' | 'tasks' | 'listeners';
	/** In operation names: "Get Scheduler Tasks". */
	name: string;
	/** In operation values: "getTasks". */
	suffix: string;
	spec: ParameterSpec;
	/** What the catalogue does not confirm about its get and replace operations. */
	unconfirmed: { get?: string; replace: string };
}

const PUT_ASSUMED = 'the method (PUT) and the answer';
const INFERRED = 'this operation, inferred from the nodes and capping ones';

const jsonArray = (part: WorkflowPart['part'], label: string, description: string, placeholder: string): ParameterSpec => ({
	name: part,
	label,
	in: 'body',
	type: 'json',
	jsonType: 'array',
	default: '',
	description,
	placeholder,
});

export const WORKFLOW_PARTS: WorkflowPart[] = [
	{
		part: 'nodes',
		name: 'Nodes',
		suffix: 'Nodes',
		spec: jsonArray(
			'nodes',
			'Nodes (JSON)',
			`A JSON array of nodes: {"type", "id", "name", "description", "default" (true for an entry point), "settings" (depends on the type), "next" (ID of the next node)}, e.g. [{"type": "sendMail", "id": "welcome", "default": true, "settings": {}, "next": "end"}, {"type": "terminal", "id": "end"}]. Types: ${NODE_TYPES}.`,
			'[{"type": "terminal", "id": "end"}]',
		),
		unconfirmed: { replace: PUT_ASSUMED },
	},
	{
		part: 'capping',
		name: 'Capping',
		suffix: 'Capping',
		spec: jsonArray(
			'capping',
			'Capping (JSON)',
			'A JSON array of capping rules: a key whose value grows by "increment" each time one of "nodes" runs, up to "threshold" within "period" (unit MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH or YEAR), e.g. [{"key": {"type": "…", "value": {}}, "increment": 1, "threshold": 3, "period": {"type": "…", "unit": "DAY", "value": 7}, "nodes": ["welcome"]}]. NP6 does not document the key and period types.',
			'[{"increment": 1, "threshold": 3, "period": {"unit": "DAY", "value": 7}, "nodes": ["welcome"]}]',
		),
		unconfirmed: { replace: PUT_ASSUMED },
	},
	{
		part: 'tasks',
		name: 'Scheduler Tasks',
		suffix: 'Tasks',
		spec: jsonArray(
			'tasks',
			'Scheduler Tasks (JSON)',
			'A JSON array of scheduler tasks: when to run (cron-like "schedulers"), on which data ("provider") and from which node ("handler"), e.g. [{"id": "nightly", "name": "Nightly", "schedulers": [{"type": "…", "minute": "0", "hour": "2", "dayOfMonth": "*", "month": "*", "dayOfWeek": "*"}], "provider": {"type": "…", "value": {}, "projection": {}}, "handler": "welcome"}]. NP6 does not document the scheduler and provider types.',
			'[{"id": "nightly", "schedulers": [{"minute": "0", "hour": "2"}], "handler": "welcome"}]',
		),
		unconfirmed: { replace: INFERRED },
	},
	{
		part: 'listeners',
		name: 'Listeners',
		suffix: 'Listeners',
		spec: jsonArray(
			'listeners',
			'Listeners (JSON)',
			'A JSON array of listeners: an event that starts the workflow at a node ("handler", a node ID), e.g. [{"id": "on-signup", "name": "Sign-up", "event": {"type": "…"}, "handler": "welcome"}]. NP6 does not document the event types.',
			'[{"id": "on-signup", "event": {"type": "…"}, "handler": "welcome"}]',
		),
		unconfirmed: { get: 'the path, inferred from the nodes, capping and tasks operations', replace: INFERRED },
	},
];

/** The workflow document as Create and Update (a full replacement) send it; Patch sends the fields given. */
export const workflowDefinition: ParameterSpec[] = [
	{ name: 'name', label: 'Name', in: 'body' },
	{ name: 'description', label: 'Description', in: 'body', optional: true },
	{
		name: 'state',
		label: 'State',
		in: 'body',
		type: 'options',
		optional: true,
		default: 0,
		options: [
			{ name: '0', value: 0 },
			{ name: '1', value: 1 },
		],
		description: 'NP6 lists the states 0 and 1 without naming them',
	},
	{
		name: 'scripting',
		label: 'Scripting (JSON)',
		in: 'body',
		type: 'json',
		jsonType: 'object',
		optional: true,
		description: 'A JSON object: the scripting "version", its "environment", and the "imports", "initializers" and "filters" arrays, e.g. {"version": "4", "environment": {}, "imports": []}',
		placeholder: '{"version": "4"}',
	},
	{
		name: 'settings',
		label: 'Settings (JSON)',
		in: 'body',
		type: 'json',
		jsonType: 'object',
		optional: true,
		description: 'A JSON object of workflow settings, e.g. {}',
		placeholder: '{}',
	},
	...WORKFLOW_PARTS.map(({ spec }) => ({ ...spec, optional: true })),
];
