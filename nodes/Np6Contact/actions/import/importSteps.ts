import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { pollUntil, type Poll, type PollSettings } from '../../../shared/np6/polling';
import { MEDIA_TYPE } from '../../../shared/transport/mediaTypes';
import { np6ApiRequest } from '../../../shared/transport/request';
import { IMPORT_STATES } from './importParameters';

/** The fieldId of a bind that leaves its column out. */
export const IGNORE_COLUMN = -10;
const PROCESSING = 0;
const COMPLETED = 1;

export interface ColumnBind {
	columnIndex: number;
	fieldId: number;
}

/** POST /importFormats: a binding NP6 does not keep for reuse (savedImportFormat false); its ID. */
export async function createBinding(
	this: IExecuteFunctions,
	binding: { name: string; separator: string; binds: ColumnBind[] },
	itemIndex: number,
): Promise<number> {
	const { body } = await np6ApiRequest.call(this, {
		method: 'POST',
		path: '/importFormats',
		body: { name: binding.name, separator: binding.separator.charCodeAt(0), startAt: 1, binds: binding.binds, savedImportFormat: false },
		answers: 'object',
		itemIndex,
	});
	return createdId.call(this, ((body as IDataObject).identifier as IDataObject | undefined)?.guid, 'binding', body, itemIndex);
}

/** POST /imports: an import definition reading files with the binding; its ID. */
export async function createImportDefinition(
	this: IExecuteFunctions,
	definition: { name: string; bindingId: number; features: IDataObject[] },
	itemIndex: number,
): Promise<number> {
	const { body } = await np6ApiRequest.call(this, {
		method: 'POST',
		path: '/imports',
		body: { name: definition.name, binding: definition.bindingId, features: definition.features },
		accept: MEDIA_TYPE.importModel,
		answers: 'object',
		itemIndex,
	});
	return createdId.call(this, (body as IDataObject).id, 'import definition', body, itemIndex);
}

/** The ID NP6 gave what it just created; without one, later steps could only go wrong, and creating again could make two. */
function createdId(this: IExecuteFunctions, id: unknown, what: string, answer: unknown, itemIndex: number): number {
	const value = typeof id === 'string' && id.trim() !== '' ? Number(id) : id;
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	throw new NodeOperationError(this.getNode(), `NP6 answered the creation of the ${what} without its ID`, {
		itemIndex,
		description: `NP6's answer: ${JSON.stringify(answer)}. It may have created the ${what}; it was not asked again.`,
	});
}

/** POST /imports/{id}/executions: starts reading the uploaded file with the binding. */
export async function startImport(this: IExecuteFunctions, importId: number, bindingId: number, itemIndex: number): Promise<void> {
	await np6ApiRequest.call(this, {
		method: 'POST',
		path: `/imports/${importId}/executions`,
		body: { binding: bindingId },
		accept: MEDIA_TYPE.importModel,
		itemIndex,
	});
}

/**
 * Polls GET /imports/{id}/executions until the execution completes (state 1), and returns NP6's
 * report; state 2 (error) or a state this node does not know fails, with the report in the error.
 */
export async function waitForImport(
	this: IExecuteFunctions,
	importId: number,
	wait: Required<PollSettings> & Pick<Poll<unknown>, 'growth' | 'pauseFirst'>,
	itemIndex: number,
): Promise<IDataObject> {
	const node = this.getNode();
	const report = await pollUntil(this, {
		read: async () =>
			(
				await np6ApiRequest.call(this, {
					method: 'GET',
					path: `/imports/${importId}/executions`,
					accept: MEDIA_TYPE.importModel,
					answers: 'object',
					itemIndex,
				})
			).body as IDataObject | undefined,
		settled: (execution) => Number(execution?.state) !== PROCESSING,
		settings: { maxWait: wait.maxWait, pollInterval: wait.pollInterval },
		growth: wait.growth,
		pauseFirst: wait.pauseFirst,
		stillRunning: (seconds) =>
			new NodeOperationError(node, `NP6 is still importing after ${seconds} s (import ${importId})`, {
				itemIndex,
				description: 'The import goes on in NP6. Check it later with Import → Get Status, or raise "Max Wait".',
			}),
		itemIndex,
	});
	const state = Number(report?.state);
	// Only state 1 is success; 2 is NP6's error, anything else is a state this node does not know.
	if (state !== COMPLETED) {
		throw new NodeOperationError(
			node,
			state === 2
				? `NP6 could not import the file (import ${importId}, state 2: error)`
				: `NP6 reported an unknown state for import ${importId}: ${JSON.stringify(report?.state ?? null)}`,
			{ itemIndex, description: `NP6's report: ${JSON.stringify(report ?? null)}. The import may not have completed: check it in NP6.` },
		);
	}
	return { ...(report as IDataObject), stateName: IMPORT_STATES[state] ?? 'unknown' };
}
