import { contactRequestsPerContact, requestsPerContact, type Row } from './rows';
import { textTable, type Column } from '../textTable';

const COLUMNS: Array<Column<Row>> = [
	{ title: 'case', width: 16, cell: (row) => row.case, left: true },
	{ title: 'work', width: 40, cell: (row) => row.work, left: true },
	{ title: 'seconds', width: 8, cell: (row) => row.figures.seconds.toFixed(2) },
	{ title: 'ideal', width: 7, cell: (row) => (row.ideal === undefined ? '-' : row.ideal.toFixed(2)) },
	{ title: 'ratio', width: 7, cell: (row) => (row.ratio === undefined ? '-' : `${row.ratio.toFixed(2)}×`) },
	{ title: '429s', width: 6, cell: (row) => String(row.figures.refused429) },
	{ title: 'lost', width: 5, cell: (row) => String(row.figures.lost) },
	{ title: 'dup', width: 4, cell: (row) => String(row.figures.duplicates) },
	{ title: 'req/contact', width: 11, cell: (row) => requestsPerContact(row).toFixed(2) },
	{ title: 'note', width: 0, cell: (row) => row.note ?? '', left: true },
];

export function table(rows: Row[]): string {
	return textTable(COLUMNS, rows, 20);
}

export interface Verdict {
	pass: boolean;
	text: string;
}

/** The acceptance lines; figures are judged here and only printed, never asserted. */
export function verdicts(rows: Row[]): Verdict[] {
	const judged = rows.filter((row) => row.allowedRatio !== undefined && row.ratio !== undefined);
	const noLimit = judged.filter((row) => row.case.startsWith('a'));
	const limited = judged.filter((row) => !row.case.startsWith('a'));
	const np6 = rows.filter((row) => row.np6);
	const existing = rows.filter((row) => row.case.startsWith('d'));
	const over = (list: Row[]) => list.filter((row) => row.ratio! > row.allowedRatio!);
	const describe = (row: Row) => `${row.case} ${row.series} ${row.ratio!.toFixed(2)}×`;
	const lost = np6.reduce((sum, row) => sum + row.figures.lost, 0);
	const duplicates = np6.reduce((sum, row) => sum + row.figures.duplicates, 0);
	const worstExisting = Math.max(...existing.map(contactRequestsPerContact));
	const allExisting = Math.max(...existing.map(requestsPerContact));

	return [
		{
			pass: over(noLimit).length === 0,
			text: `no limit: NP6 ≤ 1.5 × HTTP Request node (${noLimit.map((row) => `${row.ratio!.toFixed(2)}×`).join(', ')})`,
		},
		{
			pass: over(limited).length === 0,
			text:
				`rate-limited: ≤ 1.10 × ideal, ≤ 1.25 × for 'none' and the limit drop ` +
				`(${over(limited).length} of ${limited.length} over${over(limited).length ? `: ${over(limited).map(describe).join(', ')}` : ''})`,
		},
		{ pass: lost === 0, text: `0 lost (NP6 runs: ${lost})` },
		{ pass: duplicates === 0, text: `0 duplicates (NP6 runs: ${duplicates})` },
		{
			pass: worstExisting <= 2,
			text: `existing contacts ≤ 2 requests each (${worstExisting.toFixed(3)} on /targets; ${allExisting.toFixed(3)} with the once-per-run GET /fields)`,
		},
	];
}

export function verdictLines(list: Verdict[]): string {
	return list.map((v) => `${v.pass ? 'PASS' : 'FAIL'}  ${v.text}`).join('\n');
}
