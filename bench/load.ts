/**
 * `npm run bench:load`: a 20,000-row CSV through Contact → Import Contacts From File and a send to
 * 10,000 recipients through Email & SMS Action → Send, each run by n8n-core's engine in a process of
 * its own against a simulator in a child process, over loopback, with the simulator's rate limiter on.
 * Prints wall time, requests, the ideal time at the limit, the RSS of both processes (baseline →
 * peak) and the correctness checks; exits 1 when a check fails (lost, wrong or duplicate items).
 *
 * LOAD_RATE_LIMIT=<requests per second> runs at another limit than the simulator's default;
 * BENCH_SCALE=0.1 runs a tenth of each workload.
 */
import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from '../simulator/core/rateLimiter';
import { importCase, sendCase, type LoadRow } from './load/cases';
import { reportToParent, runInOwnProcess } from './load/caseProcess';
import { details, failedChecks, table } from './load/report';
import { RssSampler } from './load/rssSampler';

const SCALE = Number(process.env.BENCH_SCALE ?? 1) || 1;
const IMPORT_ROWS = Math.max(1, Math.round(20_000 * SCALE));
const RECIPIENTS = Math.max(1, Math.round(10_000 * SCALE));

function rateLimitOf(env: NodeJS.ProcessEnv): RateLimitConfig {
	if (env.LOAD_RATE_LIMIT === undefined) return DEFAULT_RATE_LIMIT;
	const limit = Number(env.LOAD_RATE_LIMIT);
	if (!Number.isInteger(limit) || limit < 1) throw new Error(`LOAD_RATE_LIMIT must be a whole number of requests per second, got ${env.LOAD_RATE_LIMIT}`);
	return { ...DEFAULT_RATE_LIMIT, limit };
}

const CASES: Record<string, (rateLimit: RateLimitConfig, sampler: RssSampler) => Promise<LoadRow>> = {
	import: (rateLimit, sampler) => importCase(IMPORT_ROWS, rateLimit, sampler),
	send: (rateLimit, sampler) => sendCase(RECIPIENTS, rateLimit, sampler),
};

/** In a case's own process (see caseProcess.ts): runs it and hands its figures back. */
async function runCase(name: string): Promise<number> {
	const sampler = new RssSampler();
	try {
		await reportToParent(await CASES[name](rateLimitOf(process.env), sampler));
	} finally {
		await sampler.stop();
	}
	return 0;
}

async function main(): Promise<number> {
	const rateLimit = rateLimitOf(process.env);
	const started = Date.now();
	const rows: LoadRow[] = [];
	for (const name of Object.keys(CASES)) rows.push(await runInOwnProcess(__filename, name));

	const limit = `${rateLimit.limit} requests per ${rateLimit.windowMs ?? 1000} ms per key${process.env.LOAD_RATE_LIMIT === undefined ? " (the simulator's default limiter)" : ''}`;
	console.log(`\nLoad (BENCH_SCALE=${SCALE}, rate limit ${limit}, ${((Date.now() - started) / 1000).toFixed(0)} s in all)\n`);
	console.log(table(rows));
	console.log(`\n${details(rows)}`);
	console.log(
		'\nwall s: around the engine run, input built inside it; n8n s: the node\'s executionTime. ideal s: requests the limiter let' +
			'\nthrough ÷ the limit. RSS: baseline after a garbage collection → peak, sampled every 10 ms from a worker thread; engine = the' +
			'\nprocess running n8n-core\'s engine and the node (a fresh one per case), simulator = its child process (NP6 state, request' +
			'\nlog). CPU s: user + system time of each process during the run: where the time above the ideal goes.',
	);
	const failed = failedChecks(rows);
	console.log(failed.length === 0 ? '\nAll correctness checks passed.' : `\n${failed.length} correctness check(s) FAILED.`);
	return failed.length === 0 ? 0 : 1;
}

const caseName = process.argv[2];
(caseName !== undefined && caseName in CASES && process.send ? runCase(caseName) : main())
	.then((code) => process.exit(code))
	.catch((error: unknown) => {
		console.error('The load benchmark could not complete:', error);
		process.exit(2);
	});
