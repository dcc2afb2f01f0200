/**
 * Which catalogue operations the engine tests really called: while a node runs through the harness
 * against an in-process simulator, the simulator's request log says which routes it reached.
 * Each jest process appends what it saw to its own file; `npm run coverage:observed` reads them all.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

import type { LoggedRequest } from '../../simulator/core/requestLog';

const ROOT = join(__dirname, '..', '..');
export const OBSERVED_OPERATIONS_DIR = join(ROOT, 'coverage', 'observed-operations');

export interface ObservedOperation {
	/** Catalogue key of the route the request matched. */
	operation: string;
	method: string;
	/** The test file, relative to the repository. */
	test: string;
	/** The running test's full name, when jest knows it. */
	testName?: string;
}

/** An in-process simulator passed as the harness's backend; a remote one (CLI, n8n) has no log here. */
interface InProcessSimulator {
	server: { log: { entries: LoggedRequest[] } };
}

function requestLogOf(backend: object): LoggedRequest[] | undefined {
	const entries = (backend as Partial<InProcessSimulator>).server?.log?.entries;
	return Array.isArray(entries) ? entries : undefined;
}

/** Only jest runs record: the benchmarks use the same harness and must not write observations. */
const recording = () => process.env.JEST_WORKER_ID !== undefined;

/** Runs `work` (a node run) and records the catalogue operations the simulator saw meanwhile. */
export async function observingOperations<T>(backend: object, work: () => Promise<T>): Promise<T> {
	const entries = recording() ? requestLogOf(backend) : undefined;
	if (!entries) return await work();
	// The last entry before the run, not a count: a test may clear the log while a run is under way.
	const lastBefore = entries[entries.length - 1];
	try {
		return await work();
	} finally {
		const since = lastBefore === undefined ? 0 : entries.lastIndexOf(lastBefore) + 1;
		record(entries.slice(since));
	}
}

function record(entries: LoggedRequest[]): void {
	const called = new Map<string, ObservedOperation>();
	const { test, testName } = currentTest();
	for (const { operation, method } of entries) {
		if (operation !== undefined) called.set(`${method} ${operation}`, { operation, method, test, testName });
	}
	if (called.size === 0) return;
	mkdirSync(OBSERVED_OPERATIONS_DIR, { recursive: true });
	const lines = [...called.values()].map((observed) => `${JSON.stringify(observed)}\n`).join('');
	appendFileSync(join(OBSERVED_OPERATIONS_DIR, `jest-${process.pid}.jsonl`), lines);
}

function currentTest(): { test: string; testName?: string } {
	const state = (globalThis as { expect?: { getState(): { testPath?: string; currentTestName?: string } } }).expect?.getState();
	return { test: state?.testPath ? relative(ROOT, state.testPath) : 'unknown', testName: state?.currentTestName };
}

/** Every observation of the last jest run, or undefined when there is none to read. */
export function readObservedOperations(): ObservedOperation[] | undefined {
	let files: string[];
	try {
		files = readdirSync(OBSERVED_OPERATIONS_DIR).filter((name) => name.endsWith('.jsonl'));
	} catch {
		return undefined;
	}
	if (files.length === 0) return undefined;
	return files.flatMap((name) =>
		readFileSync(join(OBSERVED_OPERATIONS_DIR, name), 'utf8')
			.split('\n')
			.filter((line) => line.trim() !== '')
			.map((line) => JSON.parse(line) as ObservedOperation),
	);
}

/** Stale observations must never count: each jest run starts from an empty folder. */
export function clearObservedOperations(): void {
	rmSync(OBSERVED_OPERATIONS_DIR, { recursive: true, force: true });
}
