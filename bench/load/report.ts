import type { LoadRow } from './cases';
import { textTable, type Column } from '../textTable';
import { megabytes } from './rssSampler';

const mb = (bytes: number) => megabytes(bytes).toFixed(0);

const COLUMNS: Array<Column<LoadRow>> = [
	{ title: 'work', width: 44, cell: (row) => row.work, left: true },
	{ title: 'wall s', width: 7, cell: (row) => row.wallSeconds.toFixed(2) },
	{ title: 'n8n s', width: 7, cell: (row) => row.n8nSeconds.toFixed(2) },
	{ title: 'requests', width: 8, cell: (row) => String(row.simulator.requests) },
	{ title: '429s', width: 5, cell: (row) => String(row.simulator.refused429) },
	{ title: 'ideal s', width: 7, cell: (row) => row.idealSeconds.toFixed(3) },
	{ title: 'actual/ideal', width: 12, cell: (row) => `${(row.wallSeconds / row.idealSeconds).toFixed(1)}×` },
	{ title: 'CPU s engine/sim', width: 16, cell: (row) => `${row.bench.cpuSeconds.toFixed(1)} / ${row.simulator.cpuSeconds.toFixed(1)}` },
	{ title: 'engine RSS MB', width: 15, cell: (row) => `${mb(row.bench.baselineRssBytes)} → ${mb(row.bench.peakRssBytes)}` },
	{ title: 'simulator RSS MB', width: 16, cell: (row) => `${mb(row.simulatorBaselineRssBytes)} → ${mb(row.simulator.peakRssBytes)}` },
	{ title: 'failed checks', width: 13, cell: (row) => String(row.checks.filter((check) => check.failures > 0).length) },
];

export function table(rows: LoadRow[]): string {
	return textTable(COLUMNS, rows);
}

/** Per case: its note, the requests by operation, and each check with PASS or FAIL. */
export function details(rows: LoadRow[]): string {
	return rows
		.map((row) => {
			const operations = Object.entries(row.simulator.byOperation)
				.map(([operation, count]) => `${operation} ×${count}`)
				.join(', ');
			const checks = row.checks.map((check) => `  ${check.failures === 0 ? 'PASS' : 'FAIL'}  ${check.name}: ${check.failures}`);
			return [`${row.work}: ${row.note}`, `  requests: ${operations}`, ...checks].join('\n');
		})
		.join('\n\n');
}

export const failedChecks = (rows: LoadRow[]) => rows.flatMap((row) => row.checks.filter((check) => check.failures > 0));
