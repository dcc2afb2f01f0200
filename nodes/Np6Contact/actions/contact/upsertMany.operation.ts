import {
	NodeApiError,
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { refusedByFieldLists, type FieldValue } from '../../../shared/np6/contactValues';
import { contactFields, isListField, type Np6Field } from '../../../shared/np6/fields';
import { rereadMetadata, retryWithFreshMetadata } from '../../../shared/np6/metadataCache';
import { pollSettingsProperties, readPollSettings, type PollSettings } from '../../../shared/np6/polling';
import { executeGroups } from '../../../shared/operations/executePerItem';
import { createBinding, createImportDefinition, startImport, waitForImport } from '../import/importSteps';
import { uploadImportFile } from '../import/uploadFile.operation';
import { contactFieldsProperty, FIELD_LISTS, mappedFieldValues, mayComeFromStaleLists, requireUnicityValues } from './contactFieldsMapping';
import { contactsCsv, CSV_SEPARATOR } from './contactsCsv';

export const catalogue = ['importFormat.create', 'import.create', 'import.uploadSource', 'import.execute', 'import.getLastExecution'];

const DEFAULT_CHUNK_SIZE = 5000;
const WAIT = { maxWait: 300, pollInterval: 2 };
/**
 * An import of thousands of lines is never done at once: the first poll waits Poll Interval, and each
 * pause doubles the one before (2, 4, 8 … s by default), so a long import costs few polls: 7 within 254 s.
 */
const POLLING = { growth: 2, pauseFirst: true };

const properties: INodeProperties[] = [
	contactFieldsProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Chunk Size',
				name: 'chunkSize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_CHUNK_SIZE,
				description: 'How many items go into one import file; each chunk gives one output item',
			},
			...pollSettingsProperties('each import', WAIT).map((property) =>
				property.name === 'pollInterval' ? { ...property, description: 'How long to wait before asking NP6 about each import the first time; each further wait doubles the one before' } : property,
			),
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['upsertMany'] } }, properties);

interface Options extends PollSettings {
	chunkSize?: unknown;
}

type Mapped = { values: Record<string, FieldValue> } | { error: NodeApiError | NodeOperationError };

/** What the chunks of one run share: one binding and one import definition, made by the first chunk that runs. */
interface ImportSetup {
	bindingId: number;
	importId: number;
}

/**
 * Create or Update Many (Import): every item's values, mapped and checked as Create or Update does,
 * go into CSV files of Chunk Size contacts, imported one chunk after the other through NP6's import
 * with the unicity field's update mode (an existing contact is updated, never created twice). The run
 * creates one binding and one import definition; each chunk then costs an upload, a start and the polls.
 * One output item per chunk with NP6's report, paired with the chunk's items; rejected lines name their item.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as Options;
	const chunkSize = readChunkSize.call(this, options.chunkSize);
	const wait = readPollSettings(this, options, WAIT, 0);

	let plan = await mapItems.call(this, items.length);
	// A field or value unknown to lists taken from the process cache may be new in NP6: read them again once.
	if (plan.mapped.some((entry) => 'error' in entry && refusedByFieldLists(entry.error)) && (await rereadMetadata(this, FIELD_LISTS))) {
		plan = await mapItems.call(this, items.length);
	}
	throwFirstRefusalUnlessContinueOnFail.call(this, plan);

	// NP6 refuses a binding name already taken (409): the execution ID keeps parallel runs apart.
	const name = `n8n Create or Update Many, execution ${this.getExecutionId()}, ${new Date().toISOString()}`;
	const bind = async (itemIndex: number) => {
		const binds = plan.columns.map((field, columnIndex) => ({ columnIndex, fieldId: field.id }));
		return await createBinding.call(this, { name, separator: CSV_SEPARATOR, binds }, itemIndex);
	};
	let setup: Promise<ImportSetup> | undefined;
	const prepare = async (itemIndex: number): Promise<ImportSetup> => {
		// A field deleted since its list was cached: NP6 refuses the binding and writes nothing, so the lists
		// are read again, the items mapped again (a field gone for good then fails its items) and bound again.
		let attempt = 0;
		const bindingId = await retryWithFreshMetadata(this, FIELD_LISTS, mayComeFromStaleLists, async () => {
			if (attempt++ > 0) {
				plan = await mapItems.call(this, items.length);
				throwFirstRefusalUnlessContinueOnFail.call(this, plan);
			}
			return await bind(itemIndex);
		});
		const features = [{ type: 'database', updateExisting: true, crushData: false }];
		return { bindingId, importId: await createImportDefinition.call(this, { name, bindingId, features }, itemIndex) };
	};
	const refusalIn = (chunk: number[]) =>
		chunk.map((itemIndex) => plan.mapped[itemIndex]).find((entry): entry is { error: NodeApiError | NodeOperationError } => 'error' in entry);

	const importChunk = async (chunk: number[]): Promise<IDataObject> => {
		const first = chunk[0];
		const before = refusalIn(chunk);
		if (before) throw before.error;
		setup ??= prepare(first);
		const { bindingId, importId } = await setup;
		// The first chunk's setup may have mapped the items again.
		const after = refusalIn(chunk);
		if (after) throw after.error;
		const rows = chunk.map((itemIndex) => (plan.mapped[itemIndex] as { values: Record<string, FieldValue> }).values);
		const { file, lineOfRow } = contactsCsv(plan.columns, rows);
		await uploadImportFile.call(this, importId, file, `n8n-items-${first + 1}-${first + chunk.length}.csv`, first);
		await startImport.call(this, importId, bindingId, first);
		const report = await waitForImport.call(this, importId, { ...wait, ...POLLING }, first);
		return summary(report, { importId, bindingId, chunk, chunkNumber: first / chunkSize + 1, chunkCount: chunks.length, lineOfRow });
	};

	const chunks: number[][] = [];
	for (let start = 0; start < items.length; start += chunkSize) {
		chunks.push(Array.from({ length: Math.min(chunkSize, items.length - start) }, (_, i) => start + i));
	}
	// The chunks share one import definition, so they run one after the other, whatever Max Concurrent Requests says.
	let previous: Promise<unknown> = Promise.resolve();
	let stopped = false;
	return await executeGroups.call(this, chunks, async (chunk) => {
		const turn = previous
			.catch(() => undefined)
			.then(async () => {
				if (stopped) throw new NodeOperationError(this.getNode(), 'An earlier chunk failed', { itemIndex: chunk[0] });
				let imported = false;
				try {
					const result = await importChunk(chunk);
					imported = true;
					return result;
				} finally {
					if (!imported && !this.continueOnFail()) stopped = true;
				}
			});
		previous = turn;
		return await turn;
	});
}

interface Plan {
	mapped: Mapped[];
	/** The fields some valid item has a value for: the CSV's columns, in field-list order. */
	columns: Np6Field[];
}

/** Every item's values, mapped and checked as Create or Update does; a refused item keeps its error. */
async function mapItems(this: IExecuteFunctions, itemCount: number): Promise<Plan> {
	const fields = await contactFields.call(this);
	const mapped: Mapped[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const item = await mappedFieldValues.call(this, itemIndex);
			requireUnicityValues.call(this, fields, item.values, itemIndex);
			refuseSeveralListValues.call(this, fields, item.values, itemIndex);
			mapped.push({ values: item.values });
		} catch (error) {
			const refused = error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			mapped.push({ error: refused });
		}
	}
	const valid = mapped.flatMap((entry) => ('values' in entry ? [entry.values] : []));
	return { mapped, columns: fields.filter((field) => valid.some((values) => values[field.name] !== undefined)) };
}

/** Without Continue On Fail, one refused item stops the run before anything is imported. */
function throwFirstRefusalUnlessContinueOnFail(this: IExecuteFunctions, plan: Plan): void {
	const refused = plan.mapped.find((entry): entry is { error: NodeApiError | NodeOperationError } => 'error' in entry);
	if (refused && !this.continueOnFail()) throw refused.error;
}

/** Chunk Size as the user set it (an expression may give anything): a whole number, at least 1. */
function readChunkSize(this: IExecuteFunctions, value: unknown): number {
	if (value === undefined || value === null || value === '') return DEFAULT_CHUNK_SIZE;
	const size = Number(value);
	if (!Number.isInteger(size) || size < 1) {
		throw new NodeOperationError(this.getNode(), `The option "Chunk Size" must be a whole number, at least 1: ${JSON.stringify(value)}`, {
			itemIndex: 0,
			description: 'Nothing was sent to NP6.',
		});
	}
	return size;
}

/** A CSV cell holds one value: how NP6's import would take several values of a multiple-choice field is not documented. */
function refuseSeveralListValues(this: IExecuteFunctions, fields: Np6Field[], values: Record<string, FieldValue>, itemIndex: number): void {
	for (const field of fields) {
		const value = values[field.name];
		if (!isListField(field) || !Array.isArray(value) || value.length <= 1) continue;
		throw new NodeOperationError(this.getNode(), `The field "${field.name}" has several values, which an import cannot carry: ${JSON.stringify(value)}`, {
			itemIndex,
			description: 'Nothing was sent to NP6. Give one value, or use Create or Update for this contact.',
		});
	}
}

/**
 * The chunk's summary: NP6's report with its per-line errors mapped back to input items. The
 * catalogue documents only `state` for an execution; counts and errors are passed on as NP6 gives them, null when it does not.
 */
function summary(
	report: IDataObject,
	chunkInfo: { importId: number; bindingId: number; chunk: number[]; chunkNumber: number; chunkCount: number; lineOfRow: number[] },
): IDataObject {
	const { importId, bindingId, chunk, chunkNumber, chunkCount, lineOfRow } = chunkInfo;
	const itemOfLine = new Map(lineOfRow.map((line, row) => [line, chunk[row]]));
	const { errors, ...rest } = report;
	const rejects = Array.isArray(errors)
		? (errors as IDataObject[]).map((error) => ({ itemIndex: itemOfLine.get(Number(error.line)) ?? null, line: error.line ?? null, reason: error.reason ?? null }))
		: null;
	const count = (value: unknown) => (typeof value === 'number' ? value : null);
	return {
		chunk: chunkNumber,
		chunks: chunkCount,
		firstItemIndex: chunk[0],
		lastItemIndex: chunk[chunk.length - 1],
		items: chunk.length,
		importId,
		bindingId,
		...rest,
		created: count(report.created),
		updated: count(report.updated),
		rejected: rejects ? rejects.length : null,
		rejects,
	};
}
