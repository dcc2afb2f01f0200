/**
 * `npm run bench:faults`: every fault of the matrix against every kind of operation, through n8n-core's
 * engine and the simulator. Prints the Markdown table of what happened (the README's reliability
 * section carries it), and lists any cell that differs from what the README's rules predict or that
 * left NP6 in a wrong state. `-- --write` also puts the table into README.md between its markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSimulator } from '../simulator';
import { FAULT_ROWS } from './faultMatrix/faultRows';
import { markdownTable, withReadmeTable } from './faultMatrix/markdownTable';
import { OPERATION_COLUMNS } from './faultMatrix/operationColumns';
import { expectedSummary, runCell, type CellResult } from './faultMatrix/runCell';

export async function runFaultMatrix(onCell?: (cell: CellResult) => void): Promise<CellResult[]> {
	const simulator = await startSimulator({ faultSeed: 13 });
	try {
		const cells: CellResult[] = [];
		for (const row of FAULT_ROWS) {
			for (const column of OPERATION_COLUMNS) {
				const cell = await runCell(simulator, row, column);
				cells.push(cell);
				onCell?.(cell);
			}
		}
		return cells;
	} finally {
		await simulator.close();
	}
}

export function tableOf(cells: CellResult[]): string {
	const find = (rowKey: string, columnKey: string) => cells.find((c) => c.row.key === rowKey && c.column.key === columnKey)!;
	return markdownTable(FAULT_ROWS, OPERATION_COLUMNS, (row, column) => find(row.key, column.key).summary);
}

if (require.main === module) {
	const started = Date.now();
	void runFaultMatrix().then((cells) => {
		const table = tableOf(cells);
		console.log(table);
		const off = cells.filter((cell) => cell.summary !== expectedSummary(cell.row, cell.column) || cell.problems.length > 0);
		console.log(`\n${cells.length} cells in ${((Date.now() - started) / 1000).toFixed(1)} s; ${off.length} differ from the README's rules or left NP6 in a wrong state`);
		const slowest = [...cells].sort((a, b) => b.ms - a.ms).slice(0, 8);
		console.log(`slowest cells: ${slowest.map((cell) => `${cell.row.key}×${cell.column.key} ${cell.ms} ms`).join(', ')}`);
		for (const cell of off) {
			console.log(`- ${cell.row.label} × ${cell.column.label}: got "${cell.summary}", rules say "${expectedSummary(cell.row, cell.column)}"; ${[...cell.problems, ...cell.errors].join(' | ')}`);
		}
		if (process.argv.includes('--write')) {
			const path = join(__dirname, '..', 'README.md');
			writeFileSync(path, withReadmeTable(readFileSync(path, 'utf8'), table));
			console.log('README.md updated');
		}
		process.exitCode = off.length > 0 ? 1 : 0;
	});
}
