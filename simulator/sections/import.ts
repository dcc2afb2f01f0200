import { fail, noContent, ok } from '../core/replies';
import type { SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { IGNORED_COLUMN, type ImportFeature, type ImportFormat } from '../state/importFormat';
import type { ImportChanges, ImportExecution, ImportSource } from '../state/imports';
import { asInteger, asObject, pathInteger } from './requestValues';

/** Media type of every import-section answer (the import formats answer plain JSON). */
const IMPORT = 'application/vnd.mperf.v8.import.v1+json';
const FEATURE_TYPES = ['segmentation', 'redList', 'duplicate', 'report', 'database', 'normalization'];
/** Separators that could not delimit CSV cells: line ends and the quote. */
const UNUSABLE_SEPARATORS = [10, 13, 34];

/**
 * Catalogue section "Import" (docSlug import, deprecated): bindings (`/importFormats`), import definitions,
 * the uploaded file and its executions: state 0 (processing) until `state.imports.executionDelayMs` has
 * passed, then 1 (completed) or 2 (error).
 */
export function importSection(state: Np6State): SectionHandlers {
	const { imports, segments } = state;
	const byPathId = (request: SimRequest) => {
		const id = pathInteger(request, 'id');
		return id === undefined ? undefined : imports.definitions.get(id);
	};
	const unknownBinding = (changes: ImportChanges) =>
		typeof changes.binding === 'number' && !imports.formats.has(changes.binding);

	return {
		'importFormat.create': (request) => {
			const format = parseFormat(state, request.body);
			if (!format) return fail(400);
			const created = imports.addFormat(format);
			return created ? ok(created) : fail(409);
		},

		'importFormat.get': (request) => {
			const id = pathInteger(request, 'id');
			const format = id === undefined ? undefined : imports.formats.get(id);
			return format ? ok(format) : fail(404);
		},

		'import.list': () => ok([...imports.definitions.values()], IMPORT),

		'import.create': (request) => {
			const changes = parseImport(request.body);
			if (!changes?.name) return fail(400);
			if (unknownBinding(changes)) return fail(404);
			return ok(imports.create({ ...changes, name: changes.name }), IMPORT);
		},

		'import.get': (request) => {
			const definition = byPathId(request);
			return definition ? ok(definition, IMPORT) : fail(404);
		},

		'import.update': (request) => {
			const definition = byPathId(request);
			if (!definition) return fail(404);
			const changes = parseImport(request.body);
			if (!changes) return fail(400);
			if (unknownBinding(changes)) return fail(404);
			return ok(imports.update(definition, changes), IMPORT);
		},

		'import.delete': (request) => {
			const definition = byPathId(request);
			if (!definition) return fail(404);
			imports.delete(definition.id);
			return noContent();
		},

		// The raw file; older docs name it in a Content-Disposition header.
		'import.uploadSource': (request) => {
			const definition = byPathId(request);
			if (!definition) return fail(404);
			if (!Buffer.isBuffer(request.body) || request.body.length === 0) return fail(400);
			const disposition = String(request.headers['content-disposition'] ?? '');
			const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1].trim() ?? 'source.csv';
			return ok(imports.upload(definition, request.body, filename), IMPORT);
		},

		// The body may update the import before it runs ("Can update the import with the request model").
		'import.execute': (request) => {
			const definition = byPathId(request);
			if (!definition) return fail(404);
			const changes = request.body === undefined ? {} : parseImport(request.body);
			if (!changes) return fail(400);
			const binding = changes.binding ?? definition.binding;
			if (binding === null) return fail(400);
			const format = imports.formats.get(binding);
			const features = changes.features ?? definition.features;
			const segmentIds = features.filter((f) => f.type === 'segmentation').map((f) => asInteger(f.segmentId));
			if (!format || segmentIds.some((id) => !segments.get(id))) return fail(404);
			if (segmentIds.some((id) => segments.get(id)?.type === 'dynamic')) return fail(409);
			if (!imports.hasFile(definition.id) || imports.lastExecution(definition.id)?.state === 0) return fail(409);
			if (Object.keys(changes).length > 0) imports.update(definition, changes);
			const { startDate, state: executionState, content, source } = imports.execute(definition, format);
			return ok({ startDate, state: executionState, content, source }, IMPORT);
		},

		'import.getLastExecution': (request) => {
			const definition = byPathId(request);
			const execution = definition && imports.lastExecution(definition.id);
			return execution ? ok(report(execution), IMPORT) : fail(404);
		},
	};
}

/** `{state}` as the catalogue documents it, with the simulator's report once the execution is over. */
function report(execution: ImportExecution) {
	return { state: execution.state, startDate: execution.startDate, ...execution.outcome };
}

/** An import binding; undefined when malformed or when a bind names a field that does not exist. */
function parseFormat(state: Np6State, value: unknown): Omit<ImportFormat, 'identifier'> | undefined {
	const body = asObject(value);
	if (!body || typeof body.name !== 'string' || !body.name.trim()) return undefined;
	const separator = asInteger(body.separator);
	const startAt = asInteger(body.startAt);
	if (separator === undefined || separator < 1 || separator > 255 || UNUSABLE_SEPARATORS.includes(separator)) return undefined;
	if (startAt === undefined || !Array.isArray(body.binds) || body.binds.length === 0) return undefined;
	const binds: ImportFormat['binds'] = [];
	for (const item of body.binds) {
		const bind = asObject(item);
		const columnIndex = asInteger(bind?.columnIndex);
		const fieldId = bind?.fieldId;
		if (columnIndex === undefined || binds.some((b) => b.columnIndex === columnIndex)) return undefined;
		if (fieldId !== IGNORED_COLUMN && !(typeof fieldId === 'number' && state.fields.fields.has(fieldId))) return undefined;
		binds.push({ columnIndex, fieldId });
	}
	return { name: body.name, separator, startAt, binds, savedImportFormat: body.savedImportFormat === true };
}

/** The writable parts of an import definition; undefined when one is malformed. */
function parseImport(value: unknown): ImportChanges | undefined {
	const body = asObject(value);
	if (!body) return undefined;
	const changes: ImportChanges = {};
	if (body.name !== undefined) {
		if (typeof body.name !== 'string' || !body.name.trim()) return undefined;
		changes.name = body.name;
	}
	if (body.binding !== undefined && body.binding !== null) {
		changes.binding = asInteger(body.binding);
		if (changes.binding === undefined) return undefined;
	}
	if (body.features !== undefined) {
		const features = Array.isArray(body.features) ? body.features.map(asObject) : [undefined];
		if (!features.every((f) => typeof f?.type === 'string' && FEATURE_TYPES.includes(f.type))) return undefined;
		changes.features = features as ImportFeature[];
	}
	if (body.source !== undefined) {
		const source = asObject(body.source);
		if (typeof source?.type !== 'string') return undefined;
		changes.source = source as ImportSource;
	}
	if (body.scheduler !== undefined) {
		changes.scheduler = asObject(body.scheduler);
		if (!changes.scheduler) return undefined;
	}
	return changes;
}
