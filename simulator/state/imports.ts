import { randomBytes } from 'node:crypto';

import { isoSeconds } from './dates';
import { Sequence } from './ids';
import type { ImportFeature, ImportFormat } from './importFormat';
import { runImport, type ImportOutcome, type ImportStores } from './importRun';

export type ImportSource = { type: string } & Record<string, unknown>;

export interface ImportDefinition {
	id: number;
	name: string;
	creationDate: string;
	updateDate: string | null;
	binding: number | null;
	features: ImportFeature[];
	source: ImportSource;
	scheduler?: Record<string, unknown>;
}

export type ImportChanges = Partial<Pick<ImportDefinition, 'name' | 'binding' | 'features' | 'source' | 'scheduler'>>;

/** 0 processing, 1 completed, 2 error. */
export type ExecutionState = 0 | 1 | 2;

export interface ImportExecution {
	state: ExecutionState;
	startDate: string;
	/** What the execution ran with: its features and binding. */
	content: { features: ImportFeature[] } & ImportFormat;
	source: ImportSource;
	/** Set once the execution is over. */
	outcome?: ImportOutcome & { endDate: string };
}

/** Import bindings, definitions, their uploaded files and executions, which finish after a delay. */
export class ImportStore {
	/** How long an execution stays in state 0 (processing) before its outcome shows. */
	executionDelayMs = 300;
	readonly formats = new Map<number, ImportFormat>();
	readonly definitions = new Map<number, ImportDefinition>();
	private readonly files = new Map<number, Buffer>();
	private readonly executions = new Map<number, ImportExecution>();
	private readonly formatIds = new Sequence(44);
	private readonly importIds = new Sequence(23);

	constructor(private readonly stores: ImportStores) {}

	/** Undefined when the name is taken. */
	addFormat(format: Omit<ImportFormat, 'identifier'>): ImportFormat | undefined {
		if ([...this.formats.values()].some((f) => f.name === format.name)) return undefined;
		const created: ImportFormat = { identifier: { guid: this.formatIds.take() }, ...format };
		this.formats.set(created.identifier.guid, created);
		return created;
	}

	create(changes: ImportChanges & { name: string }, now = new Date()): ImportDefinition {
		const definition: ImportDefinition = {
			id: this.importIds.take(),
			name: changes.name,
			creationDate: isoSeconds(now),
			updateDate: null,
			binding: changes.binding ?? null,
			features: changes.features ?? [],
			source: changes.source ?? { type: 'file', filename: null },
			...(changes.scheduler ? { scheduler: changes.scheduler } : {}),
		};
		this.definitions.set(definition.id, definition);
		return definition;
	}

	update(definition: ImportDefinition, changes: ImportChanges, now = new Date()): ImportDefinition {
		Object.assign(definition, changes, { updateDate: isoSeconds(now) });
		return definition;
	}

	delete(id: number): boolean {
		this.files.delete(id);
		this.executions.delete(id);
		return this.definitions.delete(id);
	}

	/** Stores the file to import; NP6 keeps it under a random prefix. */
	upload(definition: ImportDefinition, file: Buffer, filename: string, now = new Date()): ImportSource {
		const previous = this.files.has(definition.id) ? definition.source : undefined;
		definition.source = {
			type: 'file',
			creationDate: typeof previous?.creationDate === 'string' ? previous.creationDate : now.toISOString(),
			updateDate: now.toISOString(),
			filename: `${randomBytes(5).toString('hex')}_${filename}`,
		};
		this.files.set(definition.id, file);
		return definition.source;
	}

	hasFile(id: number): boolean {
		return this.files.has(id);
	}

	lastExecution(id: number): ImportExecution | undefined {
		return this.executions.get(id);
	}

	/** Starts an execution in state 0; it imports the file and reaches state 1 or 2 after `executionDelayMs`. */
	execute(definition: ImportDefinition, format: ImportFormat, now = new Date()): ImportExecution {
		const file = this.files.get(definition.id);
		if (!file) throw new Error(`Import ${definition.id} has no file`);
		const execution: ImportExecution = {
			state: 0,
			startDate: now.toISOString(),
			content: { features: definition.features, ...format },
			source: definition.source,
		};
		this.executions.set(definition.id, execution);
		setTimeout(() => {
			const outcome = runImport(this.stores, file, format, execution.content.features);
			execution.state = outcome.state;
			execution.outcome = { ...outcome, endDate: new Date().toISOString() };
		}, this.executionDelayMs).unref();
		return execution;
	}
}
