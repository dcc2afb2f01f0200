import { fail, noContent, ok } from '../core/replies';
import type { Handler, SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { fits } from '../state/jsonShape';
import { EXECUTION_ENTRY, PART_ENTRY, WORKFLOW_DOCUMENT, WORKFLOW_PARTS, type WorkflowPart } from '../state/workflowShape';
import type { WorkflowDocument } from '../state/workflows';
import { asObject, pathInteger } from './requestValues';

/**
 * Catalogue section "Workflow" (docSlug workflowmanagement): scripting workflows, their nodes,
 * capping, scheduler tasks and listeners, and executions (`application/vnd.np6.cm.workflow-v4`; JSON
 * is refused with 415 before this section is reached). Bodies are checked against the fields and
 * enums the catalogue lists (`nodes.type`, `capping.period.unit`, `state`): 400 otherwise.
 *
 * SIMULATOR CHOICES (not documented): a workflow needs a `name`; PATCH takes a partial workflow
 * object (the catalogue's sample sends no body, which changes nothing; an array, as a JSON Patch, is
 * refused with 400); a part's replacement answers the part as stored; an execution names a startup
 * `node` of the workflow or none (400 otherwise) and is answered, per entry and in no promised order,
 * `{type: "success", id, receiver?, node?}` where `id` is the entry's own id or a new uuid.
 */
export function workflowSection(state: Np6State): SectionHandlers {
	const { workflows } = state;
	const byPathId = (request: SimRequest) => {
		const id = pathInteger(request, 'id');
		return id === undefined ? undefined : workflows.byId.get(id);
	};

	const write =
		(apply: (request: SimRequest, document: WorkflowDocument) => ReturnType<Handler>): Handler =>
		(request) => {
			const document = asObject(request.body);
			if (!document || !fits(document, WORKFLOW_DOCUMENT) || typeof document.name !== 'string' || document.name.trim() === '') return fail(400);
			return apply(request, document as WorkflowDocument);
		};

	const getPart =
		(part: WorkflowPart): Handler =>
		(request) => {
			const workflow = byPathId(request);
			return workflow ? ok(workflow[part]) : fail(404);
		};
	const replacePart =
		(part: WorkflowPart): Handler =>
		(request) => {
			const workflow = byPathId(request);
			if (!workflow) return fail(404);
			if (!fits(request.body, { array: PART_ENTRY[part] })) return fail(400);
			return ok(workflows.replacePart(workflow, part, request.body as Array<Record<string, unknown>>)[part]);
		};
	const capitalised = (part: WorkflowPart) => part.charAt(0).toUpperCase() + part.slice(1);

	return {
		'workflow.list': () => ok(state.answerOrder.shuffle([...workflows.byId.values()])),

		'workflow.create': write((_, document) => ok(workflows.create(document))),

		'workflow.get': (request) => {
			const workflow = byPathId(request);
			return workflow ? ok(workflow) : fail(404);
		},

		'workflow.update': write((request, document) => {
			const workflow = byPathId(request);
			return workflow ? ok(workflows.replace(workflow, document)) : fail(404);
		}),

		'workflow.patch': (request) => {
			const workflow = byPathId(request);
			if (!workflow) return fail(404);
			if (request.body === undefined) return ok(workflow);
			const changes = asObject(request.body);
			if (!changes || !fits(changes, WORKFLOW_DOCUMENT)) return fail(400);
			if (changes.name !== undefined && String(changes.name).trim() === '') return fail(400);
			return ok(workflows.patch(workflow, changes as Partial<WorkflowDocument>));
		},

		'workflow.delete': (request) => {
			const workflow = byPathId(request);
			if (!workflow) return fail(404);
			workflows.delete(workflow.id);
			return noContent();
		},

		'workflow.duplicate': (request) => {
			const workflow = byPathId(request);
			return workflow ? ok(workflows.duplicate(workflow)) : fail(404);
		},

		'workflow.execute': (request) => {
			const workflow = byPathId(request);
			if (!workflow) return fail(404);
			const entries = request.body;
			if (!Array.isArray(entries) || entries.length === 0 || !fits(entries, { array: EXECUTION_ENTRY })) return fail(400);
			const nodeIds = new Set(workflow.nodes.map((node) => node.id));
			if (entries.some((entry: Record<string, unknown>) => entry.node !== undefined && !nodeIds.has(entry.node))) return fail(400);
			const results = entries.map((entry: Record<string, unknown>) => {
				const execution = workflows.execute(workflow, entry);
				return { type: 'success', id: execution.id, ...(entry.receiver ? { receiver: entry.receiver } : {}), ...(entry.node ? { node: entry.node } : {}) };
			});
			return ok(state.answerOrder.shuffle(results));
		},

		...Object.fromEntries(
			WORKFLOW_PARTS.flatMap((part) => [
				[`workflow.get${capitalised(part)}`, getPart(part)],
				[`workflow.update${capitalised(part)}`, replacePart(part)],
			]),
		),
	};
}
