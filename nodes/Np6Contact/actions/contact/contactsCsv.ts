import type { FieldValue } from '../../../shared/np6/contactValues';
import type { Np6Field } from '../../../shared/np6/fields';

/** The separator the binding declares (59) and the file uses. */
export const CSV_SEPARATOR = ';';

export interface ContactsCsv {
	/** UTF-8 text without a byte-order mark: a header line, then one record per contact. */
	file: Buffer;
	/** The 1-based file line where each contact's record starts (a quoted cell may span lines). */
	lineOfRow: number[];
}

/**
 * One column per field, one record per contact; a contact without a value for a field leaves its cell
 * empty. A cell is quoted when it holds the separator, a quote, a line end or edge spaces; a quote
 * inside is doubled.
 */
export function contactsCsv(columns: Np6Field[], rows: Array<Record<string, FieldValue>>): ContactsCsv {
	const lines: string[] = [];
	const lineOfRow: number[] = [];
	let nextLine = 1;
	const push = (cells: string[]) => {
		const record = cells.map(quoted).join(CSV_SEPARATOR);
		lines.push(record);
		const startsAt = nextLine;
		nextLine += 1 + (record.match(/\r\n|\r|\n/g) ?? []).length;
		return startsAt;
	};
	push(columns.map((field) => field.name));
	for (const values of rows) lineOfRow.push(push(columns.map((field) => cellOf(values[field.name]))));
	return { file: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8'), lineOfRow };
}

function cellOf(value: FieldValue | undefined): string {
	if (value === undefined) return '';
	return Array.isArray(value) ? value.join(',') : String(value);
}

function quoted(cell: string): string {
	return /[;"\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
