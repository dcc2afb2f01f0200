import { catalogueOperation } from '../catalogue';
import type { Shape } from './jsonShape';

/** An enum the catalogue lists for a field of workflow.create's body, e.g. `nodes.type`. */
function catalogueEnum(field: string): readonly unknown[] {
	const operation = catalogueOperation('workflow.create') as unknown as { requestBody: { fields: Array<{ name: string; enum: unknown[] | null }> } };
	const values = operation.requestBody.fields.find((f) => f.name === field)?.enum;
	if (!values) throw new Error(`The catalogue lists no values for workflow field ${field}`);
	return values;
}

/** The catalogue's workflow parts that have their own get and replace operations, by path segment. */
export const WORKFLOW_PARTS = ['nodes', 'capping', 'tasks', 'listeners'] as const;
export type WorkflowPart = (typeof WORKFLOW_PARTS)[number];

/** One entry of each part, with the fields and enums the catalogue lists. */
export const PART_ENTRY: Record<WorkflowPart, Shape> = {
	nodes: {
		fields: {
			type: { enum: catalogueEnum('nodes.type') },
			id: 'string',
			name: 'string',
			description: 'string',
			default: 'boolean',
			settings: 'object',
			next: 'string',
			event: { fields: { type: 'string' } },
			data: 'object',
			flow: { fields: { type: 'string', value: 'string' } },
		},
	},
	capping: {
		fields: {
			key: { fields: { type: 'string', value: 'object' } },
			increment: 'integer',
			threshold: 'integer',
			period: { fields: { type: 'string', unit: { enum: catalogueEnum('capping.period.unit') }, value: 'integer' } },
			nodes: { array: 'string' },
		},
	},
	tasks: {
		fields: {
			id: 'string',
			name: 'string',
			description: 'string',
			schedulers: {
				array: {
					fields: {
						type: 'string',
						id: 'string',
						name: 'string',
						timeZone: 'object',
						minute: 'string',
						hour: 'string',
						dayOfMonth: 'string',
						month: 'string',
						dayOfWeek: 'string',
					},
				},
			},
			provider: { fields: { type: 'string', value: 'object', projection: 'object' } },
			handler: 'string',
		},
	},
	listeners: {
		fields: { id: 'string', name: 'string', description: 'string', event: { fields: { type: 'string' } }, handler: 'string' },
	},
};

/** A workflow as create, update and patch write it (id and dates are the server's). */
export const WORKFLOW_DOCUMENT: Shape = {
	fields: {
		name: 'string',
		description: 'string',
		state: { enum: catalogueEnum('state') },
		scripting: {
			fields: {
				version: 'string',
				environment: 'object',
				imports: { array: 'object' },
				initializers: { array: 'object' },
				filters: { array: 'object' },
			},
		},
		settings: 'object',
		...Object.fromEntries(WORKFLOW_PARTS.map((part) => [part, { array: PART_ENTRY[part] }])),
	},
};

/** One entry of an execution body (`application/vnd.np6.cm.workflow-v4`, an array of these). */
export const EXECUTION_ENTRY: Shape = {
	fields: {
		id: 'string',
		receiver: { fields: { type: 'string', value: 'string' } },
		node: 'string',
		event: 'object',
		state: 'object',
		data: 'object',
		variables: { array: 'object' },
		resolutions: { array: { fields: { key: 'string', value: 'object' } } },
		debug: { fields: { version: 'string', id: 'string', ttl: 'integer', nodes: { array: 'object' } } },
		stamp: { fields: { time: 'integer', id: 'string', thread: 'string', set: 'string' } },
	},
};
