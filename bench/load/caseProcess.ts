import { fork } from 'node:child_process';

import type { LoadRow } from './cases';

/**
 * Runs one case of the load benchmark in a fresh process (this same program, with the case's name as
 * argument), so that its RSS starts from a clean baseline: after an earlier case in the same process,
 * V8 may or may not have given its heap back, and the next case's growth would be hidden or inflated.
 */
export function runInOwnProcess(program: string, caseName: string): Promise<LoadRow> {
	return new Promise((resolve, reject) => {
		const child = fork(program, [caseName], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		let row: LoadRow | undefined;
		child.on('message', (message: LoadRow) => (row = message));
		child.on('error', reject);
		child.on('exit', (code) => (row && code === 0 ? resolve(row) : reject(new Error(`the ${caseName} case exited with ${code} without its figures`))));
	});
}

/** In the case's process: hands the figures to the benchmark that started it. */
export function reportToParent(row: LoadRow): Promise<void> {
	return new Promise((resolve, reject) => process.send!(row, (error: Error | null) => (error ? reject(error) : resolve())));
}
