/** One cell of the fault matrix: a fresh scheduler, the row's fault on the column's targeted operations, one run. */
import { schedulerScope } from '../../nodes/shared/transport/runContext';
import { forgetSchedulers, schedulerFor } from '../../nodes/shared/transport/scheduler';
import type { Simulator } from '../../simulator';
import type { FaultRow } from './faultRows';
import { MATRIX_REQUEST_OPTIONS, type ColumnRun, type MatrixColumn } from './operationColumns';
import { describeCell, type ItemEnd } from './outcomes';
import { predict, type Prediction } from './readmeRules';

export interface CellResult extends ColumnRun {
	row: FaultRow;
	column: MatrixColumn;
	requests: number;
	/** What the README's rules predict for this cell. */
	expected: Prediction;
	/** The printed cell, e.g. "ok, 2 req". */
	summary: string;
	ms: number;
}

export const expectedFor = (row: FaultRow, column: MatrixColumn): Prediction =>
	predict(row, column.plan, column.itemCount, MATRIX_REQUEST_OPTIONS.waitBudget * 1000);

export async function runCell(simulator: Simulator, row: FaultRow, column: MatrixColumn): Promise<CellResult> {
	const { server } = simulator;
	// Every cell starts from the same scheduler, so no cell depends on the ones before it: one that has
	// seen a healthy answer with NP6's rate-limit headers (as the simulator sends them), so a 429 is
	// waited for as the README says, not taken as the first sign of an unknown limit.
	forgetSchedulers();
	const now = Date.now();
	schedulerFor(schedulerScope(simulator.url, simulator.apiKey)).observe(
		200,
		{ 'X-RateLimit-Limit': '10000', 'X-RateLimit-Remaining': '9999', 'X-RateLimit-Reset': String(now + 1000) },
		now,
	);
	server.faults.clear();
	server.log.clear();
	const targeted = new Set(column.plan.filter((step) => step.targeted).map((step) => step.operation));
	for (const operation of row.rule ? targeted : []) {
		server.addFault({ ...row.rule!(column.answerType), operation, phase: row.phase, ...(row.hits === 'every' ? {} : { times: row.hits }) });
	}
	const started = Date.now();
	const run = await column.run(simulator, `${row.key}.${column.key}`);
	const ms = Date.now() - started;
	server.faults.clear();
	const requests = run.requests ?? server.log.entries.length;
	return { ...run, row, column, requests, expected: expectedFor(row, column), summary: describeCell(run.ends, requests), ms };
}

/** The cell as the README's rules predict it, printed like a run's. */
export const expectedSummary = (row: FaultRow, column: MatrixColumn): string => {
	const { ends, requests } = expectedFor(row, column);
	return describeCell(ends as ItemEnd[], requests);
};
