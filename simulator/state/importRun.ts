import type { ContactStore } from './contacts';
import { parseCsv } from './csv';
import type { Field, FieldStore } from './fields';
import { IGNORED_COLUMN, type ImportFeature, type ImportFormat } from './importFormat';
import type { SegmentStore } from './segments';

export interface ImportStores {
	fields: FieldStore;
	contacts: ContactStore;
	segments: SegmentStore;
}

export interface ImportOutcome {
	/** 1 completed; 2 error: the file could not be read, or no row of it could be imported. */
	state: 1 | 2;
	/** Data rows read (after the `startAt` skipped lines, blank lines left out). */
	rows: number;
	created: number;
	updated: number;
	/** Existing contacts left alone because the database feature says `updateExisting: false`. */
	skipped: number;
	/** Rows that were not imported, by 1-based file line; line 0 stands for the whole file. */
	errors: Array<{ line: number; reason: string }>;
}

/**
 * Imports a CSV file into the contacts with a binding and the import's features: `database`
 * (`updateExisting`, true when absent), `segmentation` (`segmentId`, `emptyExisitingSegment` [sic]) and
 * `redList` (`destination: {mail, sms}`). Rows with errors are reported and skipped: a value its field
 * refuses, no unicity value, or a new contact without a value for a mandatory field.
 */
export function runImport(stores: ImportStores, file: Buffer, format: ImportFormat, features: ImportFeature[]): ImportOutcome {
	const { fields, contacts, segments } = stores;
	const text = decodeUtf8(file);
	const records = text === undefined ? undefined : parseCsv(text, String.fromCharCode(format.separator));
	if (!records) return failed('the file is not readable CSV');
	const binds: Array<{ columnIndex: number; field: Field }> = [];
	for (const { columnIndex, fieldId } of format.binds) {
		if (fieldId === IGNORED_COLUMN) continue;
		const field = fields.fields.get(fieldId);
		if (!field) return failed(`column ${columnIndex} is bound to unknown field ${fieldId}`);
		binds.push({ columnIndex, field });
	}
	if (!fields.unicityFields().every((f) => binds.some((b) => b.field === f))) {
		return failed('no column is bound to the unicity field');
	}

	const mandatoryFields = [...fields.fields.values()].filter((f) => f.isMandatory);
	const database = features.find((f) => f.type === 'database');
	const updateExisting = database?.updateExisting !== false;
	const outcome: ImportOutcome = { state: 1, rows: 0, created: 0, updated: 0, skipped: 0, errors: [] };
	const imported: string[] = [];
	for (const record of records.filter((r) => r.line > format.startAt)) {
		outcome.rows++;
		const values: Record<string, string> = {};
		let invalid: Field | undefined;
		for (const { columnIndex, field } of binds) {
			const cell = record.cells[columnIndex]?.trim();
			if (!cell) continue;
			if (!fields.accepts(field, cell)) invalid ??= field;
			values[String(field.id)] = cell;
		}
		if (invalid) {
			outcome.errors.push({ line: record.line, reason: `invalid value for field "${invalid.name}"` });
			continue;
		}
		const unicity = contacts.unicityOf(values);
		const existing = unicity === undefined ? undefined : contacts.find({ unicity });
		if (existing && !updateExisting) {
			outcome.skipped++;
			continue;
		}
		// The catalogue is silent on mandatory fields in imports: the least kind reading rejects the line of a new contact without one.
		const mandatory = existing || unicity === undefined ? undefined : mandatoryFields.find((f) => values[String(f.id)] === undefined);
		if (mandatory) {
			outcome.errors.push({ line: record.line, reason: `no value for mandatory field "${mandatory.name}"` });
			continue;
		}
		const written = existing ? contacts.update(existing.id, values) : contacts.create(values);
		if (!written.ok) {
			outcome.errors.push({ line: record.line, reason: unicity === undefined ? 'no unicity value' : `rejected (${written.status})` });
			continue;
		}
		outcome[existing ? 'updated' : 'created']++;
		imported.push(written.contact.id);
	}
	if (outcome.rows > 0 && outcome.errors.length === outcome.rows) outcome.state = 2;

	const now = new Date().toISOString();
	for (const feature of features) {
		const segment = feature.type === 'segmentation' ? segments.byId.get(Number(feature.segmentId)) : undefined;
		if (segment?.type === 'static') {
			if (feature.emptyExisitingSegment === true) segments.clear(segment);
			imported.forEach((id) => segments.add(segment, id));
		}
		const destination = feature.type === 'redList' ? (feature.destination as { mail?: boolean; sms?: boolean } | undefined) : undefined;
		for (const medium of ['mail', 'sms'] as const) {
			if (destination?.[medium] !== true) continue;
			// Origin 2: "Listed by imports".
			imported.forEach((id) => contacts.redlist(id, medium, { timestamp: now, origin: 2, detail: {} }));
		}
	}
	return outcome;
}

function failed(reason: string): ImportOutcome {
	return { state: 2, rows: 0, created: 0, updated: 0, skipped: 0, errors: [{ line: 0, reason }] };
}

function decodeUtf8(file: Buffer): string | undefined {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(file);
	} catch {
		return undefined;
	}
}
