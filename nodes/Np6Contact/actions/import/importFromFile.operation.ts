import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { contactFields, type Np6Field } from '../../../shared/np6/fields';
import { pollSettingsProperties, readPollSettings, type PollSettings } from '../../../shared/np6/polling';
import { toProperty } from '../../../shared/operations/parameterSpec';
import type { ItemResult } from '../../../shared/operations/types';
import { staticSegmentPicker } from '../segment/segmentParameters';
import { readCsvFile } from './csvFile';
import { createBinding, createImportDefinition, IGNORE_COLUMN, startImport, waitForImport } from './importSteps';
import { binaryPropertyProperty, uploadSource } from './uploadFile.operation';

export const catalogue = ['importFormat.create', 'import.create', 'import.uploadSource', 'import.execute', 'import.getLastExecution'];

const WAIT = { maxWait: 300, pollInterval: 2 };

const properties: INodeProperties[] = [
	binaryPropertyProperty,
	{
		displayName: 'Separator',
		name: 'separator',
		type: 'options',
		default: ';',
		options: [
			{ name: 'Comma (,)', value: ',' },
			{ name: 'Pipe (|)', value: '|' },
			{ name: 'Semicolon (;)', value: ';' },
			{ name: 'Tab', value: '\t' },
		],
	},
	{
		displayName: 'Columns',
		name: 'columns',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Column',
		default: {},
		description: "Which contact field each column of the file fills, by the column's header. Without any, columns whose header is a field name are used and the others ignored.",
		options: [
			{
				displayName: 'Column',
				name: 'column',
				values: [
					{ displayName: 'Column Header', name: 'header', type: 'string', default: '', placeholder: 'email' },
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getFieldOptions' },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
				],
			},
		],
	},
	{
		displayName: 'Update Existing Contacts',
		name: 'updateExisting',
		type: 'boolean',
		default: true,
		description: 'Whether rows whose contact already exists update it (otherwise they are skipped)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{ ...toProperty({ ...staticSegmentPicker.spec, optional: true }), displayName: 'Add to Segment', required: false },
			{ displayName: 'Empty the Segment First', name: 'emptySegment', type: 'boolean', default: false, description: 'Whether the segment keeps only the imported contacts' },
			...pollSettingsProperties('the import', WAIT),
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['import'], operation: ['importFromFile'] } }, properties);

interface Options extends PollSettings {
	segment?: unknown;
	emptySegment?: boolean;
}

/**
 * NP6's five-step import as one operation: binding from the column mapping, import definition,
 * file upload, start, then poll until the execution completes (state 1) or fails (state 2).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const separator = this.getNodeParameter('separator', itemIndex) as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as Options;
	const wait = readPollSettings(this, options, WAIT, itemIndex);
	const file = await readCsvFile.call(this, itemIndex, binaryPropertyProperty.displayName);
	const header = splitCsvLine(file.toString('utf8').split(/\r?\n/, 1)[0] ?? '', separator);
	const fields = await contactFields.call(this);
	const binds = bindColumns.call(this, header, fields, itemIndex);
	checkNumberColumns.call(this, file.toString('utf8'), separator, header, binds, fields, itemIndex);
	const segmentId = segmentOf.call(this, options.segment, itemIndex);
	const name = `n8n import ${new Date().toISOString()}`;

	const bindingId = await createBinding.call(this, { name, separator, binds }, itemIndex);
	const features: IDataObject[] = [{ type: 'database', updateExisting: this.getNodeParameter('updateExisting', itemIndex), crushData: false }];
	if (segmentId !== undefined) features.push({ type: 'segmentation', segmentId, emptyExisitingSegment: Boolean(options.emptySegment) });
	const importId = await createImportDefinition.call(this, { name, bindingId, features }, itemIndex);
	await uploadSource.call(this, importId, itemIndex);
	await startImport.call(this, importId, bindingId, itemIndex);
	return { importId, bindingId, ...(await waitForImport.call(this, importId, wait, itemIndex)) };
}

/** The optional "Add to Segment" picker value, checked. */
function segmentOf(this: IExecuteFunctions, picked: unknown, itemIndex: number): number | undefined {
	const value = picked && typeof picked === 'object' ? (picked as { value?: unknown }).value : picked;
	if (value === undefined || value === null || value === '') return undefined;
	if (!/^\d+$/.test(String(value))) {
		throw new NodeOperationError(this.getNode(), `The parameter "Add to Segment" is not a segment ID: ${JSON.stringify(value)}`, { itemIndex });
	}
	return Number(value);
}

/** The binding's column list: each header column bound to a field id, or ignored. */
function bindColumns(this: IExecuteFunctions, header: string[], fields: Np6Field[], itemIndex: number) {
	const mapped = ((this.getNodeParameter('columns', itemIndex, {}) as IDataObject).column ?? []) as Array<{ header: string; field: string }>;
	const byHeader = new Map<string, number>();
	if (mapped.length > 0) {
		for (const { header: column, field } of mapped) {
			if (!header.includes(column)) {
				throw new NodeOperationError(this.getNode(), `The parameter "Columns" names a column the file does not have: "${column}"`, {
					itemIndex,
					description: `The file's columns: ${header.join(', ')}`,
				});
			}
			byHeader.set(column, Number(field));
		}
	} else {
		for (const column of header) {
			const field = fields.find((f) => f.name.toLowerCase() === column.trim().toLowerCase());
			if (field) byHeader.set(column, field.id);
		}
	}
	const unicity = fields.filter((f) => f.isUnicity);
	const bound = new Set(byHeader.values());
	const missing = unicity.filter((f) => !bound.has(f.id));
	if (missing.length > 0) {
		throw new NodeOperationError(this.getNode(), `No column of the file fills the unicity field ${missing.map((f) => f.name).join(', ')}`, {
			itemIndex,
			description: `The file's columns: ${header.join(', ')}. Map one of them to ${missing.map((f) => f.name).join(', ')} in "Columns", or name its header so.`,
		});
	}
	return header.map((column, columnIndex) => ({ columnIndex, fieldId: byHeader.get(column) ?? IGNORE_COLUMN }));
}

/** NP6 cannot import a number field from an empty or non-numeric cell: refused before any upload, naming the row and column. */
function checkNumberColumns(
	this: IExecuteFunctions,
	text: string,
	separator: string,
	header: string[],
	binds: Array<{ columnIndex: number; fieldId: number }>,
	fields: Np6Field[],
	itemIndex: number,
): void {
	const numeric = binds
		.map(({ columnIndex, fieldId }) => ({ columnIndex, field: fields.find((f) => f.id === fieldId) }))
		.filter(({ field }) => field?.type === 'numeric');
	if (numeric.length === 0) return;
	text.split(/\r?\n/).forEach((line, lineIndex) => {
		if (lineIndex === 0 || line.trim() === '') return;
		const cells = splitCsvLine(line, separator);
		for (const { columnIndex, field } of numeric) {
			const cell = cells[columnIndex] ?? '';
			if (cell !== '' && Number.isFinite(Number(cell))) continue;
			throw new NodeOperationError(
				this.getNode(),
				`Row ${lineIndex + 1} of the file, column "${header[columnIndex]}", holds ${cell === '' ? 'no value' : `"${cell}"`}: the field ${field!.name} takes a number`,
				{ itemIndex, description: 'Nothing was sent to NP6. Correct the file, or leave the column out of "Columns".' },
			);
		}
	});
}

/** One CSV line into cells, honouring double quotes. */
export function splitCsvLine(line: string, separator: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const char = line[i];
		if (quoted && char === '"' && line[i + 1] === '"') {
			cell += '"';
			i++;
		} else if (char === '"') {
			quoted = !quoted;
		} else if (char === separator && !quoted) {
			cells.push(cell);
			cell = '';
		} else {
			cell += char;
		}
	}
	cells.push(cell);
	return cells.map((c) => c.trim());
}
