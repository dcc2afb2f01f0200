/** The fault matrix as a Markdown table, rows × columns, and where the README keeps it. */
import type { FaultRow } from './faultRows';
import type { MatrixColumn } from './operationColumns';

export const README_MARKERS = { start: '<!-- fault-matrix -->', end: '<!-- /fault-matrix -->' };

export function markdownTable(rows: FaultRow[], columns: MatrixColumn[], cell: (row: FaultRow, column: MatrixColumn) => string): string {
	const lines = [
		`| Fault | ${columns.map((column) => column.label).join(' | ')} |`,
		`|---|${columns.map(() => '---').join('|')}|`,
		...rows.map((row) => `| ${row.label} | ${columns.map((column) => cell(row, column)).join(' | ')} |`),
	];
	return lines.join('\n');
}

/** The table between the README's markers; undefined when the markers are missing. */
export function readmeTable(readme: string): string | undefined {
	const start = readme.indexOf(README_MARKERS.start);
	const end = readme.indexOf(README_MARKERS.end);
	if (start < 0 || end < start) return undefined;
	return readme.slice(start + README_MARKERS.start.length, end).trim();
}

export function withReadmeTable(readme: string, table: string): string {
	const start = readme.indexOf(README_MARKERS.start);
	const end = readme.indexOf(README_MARKERS.end);
	if (start < 0 || end < start) throw new Error(`README.md has no ${README_MARKERS.start} … ${README_MARKERS.end} markers`);
	return `${readme.slice(0, start + README_MARKERS.start.length)}\n${table}\n${readme.slice(end)}`;
}
