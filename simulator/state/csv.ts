export interface CsvRecord {
	/** 1-based line of the file where the record starts (a quoted cell may span lines). */
	line: number;
	cells: string[];
}

/**
 * Splits CSV text into records: cells separated by `separator`, optionally quoted with `"` (a doubled
 * `""` inside quotes is one quote), CRLF, LF or CR line ends. Blank lines are dropped. Undefined when
 * the quoting is broken: an unclosed quote, or text right after a closing quote.
 */
export function parseCsv(text: string, separator: string): CsvRecord[] | undefined {
	const records: CsvRecord[] = [];
	const isLineEnd = (i: number) => text[i] === '\n' || text[i] === '\r';
	let line = 1;
	let i = 0;
	while (i < text.length) {
		const record: CsvRecord = { line, cells: [] };
		for (;;) {
			if (text[i] === '"') {
				const closing = closingQuote(text, i + 1);
				if (closing === undefined) return undefined;
				const quoted = text.slice(i + 1, closing);
				record.cells.push(quoted.replace(/""/g, '"'));
				line += (quoted.match(/\r\n|\r|\n/g) ?? []).length;
				i = closing + 1;
			} else {
				let end = i;
				while (end < text.length && text[end] !== separator && !isLineEnd(end)) end++;
				record.cells.push(text.slice(i, end));
				i = end;
			}
			if (text[i] === separator) {
				i++;
				continue;
			}
			if (isLineEnd(i)) {
				i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
				line++;
			} else if (i < text.length) {
				return undefined;
			}
			break;
		}
		if (record.cells.length > 1 || record.cells[0] !== '') records.push(record);
	}
	return records;
}

/** Index of the quote closing a quoted cell whose content starts at `from`, skipping `""` pairs. */
function closingQuote(text: string, from: number): number | undefined {
	let i = from;
	for (;;) {
		const quote = text.indexOf('"', i);
		if (quote === -1) return undefined;
		if (text[quote + 1] !== '"') return quote;
		i = quote + 2;
	}
}
