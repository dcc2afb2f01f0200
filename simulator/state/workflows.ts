import { randomUUID } from 'node:crypto';

import { isoSeconds } from './dates';
import { Sequence } from './ids';
import { WORKFLOW_PARTS, type WorkflowPart } from './workflowShape';

/** What a client writes: the server owns id, creationDate and updateDate (other properties are kept as given). */
export interface WorkflowDocument {
	name: string;
	description?: string;
	state?: number;
	scripting?: Record<string, unknown>;
	settings?: Record<string, unknown>;
	nodes?: Array<Record<string, unknown>>;
	capping?: Array<Record<string, unknown>>;
	tasks?: Array<Record<string, unknown>>;
	listeners?: Array<Record<string, unknown>>;
	[property: string]: unknown;
}

export interface Workflow extends WorkflowDocument {
	id: number;
	state: number;
	creationDate: string;
	updateDate: string;
	scripting: Record<string, unknown>;
	settings: Record<string, unknown>;
	nodes: Array<Record<string, unknown>>;
	capping: Array<Record<string, unknown>>;
	tasks: Array<Record<string, unknown>>;
	listeners: Array<Record<string, unknown>>;
}

/** One entry of an execution request, as NP6 received it. */
export interface WorkflowExecution {
	id: string;
	workflowId: number;
	at: number;
	entry: Record<string, unknown>;
}

/** Scripting workflows, keyed by int id, and the executions asked of them. */
export class WorkflowStore {
	readonly byId = new Map<number, Workflow>();
	readonly executions: WorkflowExecution[] = [];
	private readonly ids = new Sequence(701);

	/** SIMULATOR CHOICE: a workflow is written in state 0 unless the body says otherwise. */
	create(document: WorkflowDocument, now = new Date()): Workflow {
		return this.store(this.ids.take(), document, isoSeconds(now), now);
	}

	/** Full replacement (PUT): parts left out are emptied. */
	replace(workflow: Workflow, document: WorkflowDocument, now = new Date()): Workflow {
		return this.store(workflow.id, document, workflow.creationDate, now);
	}

	/** PATCH: the given top-level properties replace the workflow's, the others stay. */
	patch(workflow: Workflow, changes: Partial<WorkflowDocument>, now = new Date()): Workflow {
		const { id: _id, creationDate: _creation, updateDate: _update, ...current } = workflow;
		return this.store(workflow.id, { ...current, ...changes }, workflow.creationDate, now);
	}

	replacePart(workflow: Workflow, part: WorkflowPart, entries: Array<Record<string, unknown>>, now = new Date()): Workflow {
		return this.patch(workflow, { [part]: entries }, now);
	}

	/** SIMULATOR CHOICE, as older NP6 docs name a duplicated action: the copy is "<name>(1)", in state 0. */
	duplicate(workflow: Workflow, now = new Date()): Workflow {
		const { id: _id, creationDate: _creation, updateDate: _update, ...document } = structuredClone(workflow);
		return this.create({ ...document, name: `${workflow.name}(1)`, state: 0 }, now);
	}

	delete(id: number): boolean {
		return this.byId.delete(id);
	}

	execute(workflow: Workflow, entry: Record<string, unknown>, now = Date.now()): WorkflowExecution {
		const execution = { id: typeof entry.id === 'string' && entry.id !== '' ? entry.id : randomUUID(), workflowId: workflow.id, at: now, entry };
		this.executions.push(execution);
		return execution;
	}

	private store(id: number, document: WorkflowDocument, creationDate: string, now: Date): Workflow {
		const { id: _id, creationDate: _creation, updateDate: _update, ...given } = document;
		const workflow: Workflow = {
			...given,
			id,
			name: document.name,
			state: document.state ?? 0,
			creationDate,
			updateDate: isoSeconds(now),
			scripting: document.scripting ?? {},
			settings: document.settings ?? {},
			...(Object.fromEntries(WORKFLOW_PARTS.map((part) => [part, document[part] ?? []])) as Record<WorkflowPart, Array<Record<string, unknown>>>),
		};
		this.byId.set(id, workflow);
		return workflow;
	}
}
