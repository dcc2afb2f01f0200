/**
 * Acceptance (issue 13): every fault of the matrix (bench/faultMatrix/faultRows) against every kind of
 * operation (bench/faultMatrix/operationColumns), through n8n-core's engine and the simulator. Each
 * cell must end as the README's rules predict (readmeRules), with as many requests, and leave NP6's
 * state right: nothing written twice, nothing lost. The README's table must be the one these runs print.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { tableOf } from '../../bench/faults';
import { FAULT_ROWS, type FaultRow } from '../../bench/faultMatrix/faultRows';
import { readmeTable } from '../../bench/faultMatrix/markdownTable';
import { OPERATION_COLUMNS, type MatrixColumn } from '../../bench/faultMatrix/operationColumns';
import { expectedFor, runCell, type CellResult } from '../../bench/faultMatrix/runCell';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator({ faultSeed: 13 });
const cells: CellResult[] = [];

describe.each(FAULT_ROWS.map((row): [string, FaultRow] => [row.label, row]))('%s', (_, row) => {
	test.each(OPERATION_COLUMNS.map((column): [string, MatrixColumn] => [column.label, column]))('%s', async (_, column) => {
		const cell = await runCell(simulator(), row, column);
		cells.push(cell);

		expect(cell.problems).toEqual([]);
		expect({ ends: cell.ends, requests: cell.requests }).toEqual(expectedFor(row, column));
		// A POST answered 2xx with an unusable body: the error says NP6 did carry it out.
		const postAnsweredBadly = cell.ends.includes('unexpectedAnswer') && column.plan.some((step) => step.targeted && !step.idempotent);
		if (postAnsweredBadly) expect(cell.errors.join(' ')).toMatch(/so it carried out this request/);
	});
});

test("the README's fault matrix is the table these cells print", () => {
	expect(cells).toHaveLength(FAULT_ROWS.length * OPERATION_COLUMNS.length);
	const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
	expect(readmeTable(readme)).toBe(tableOf(cells));
});
