import { spawn, type ChildProcess } from 'node:child_process';

import { NODE_24 } from './app';
import { EXIT_WITH_PARENT, stopN8nProcess, type N8nInstance } from './instance';

/**
 * n8n's queue mode: the main process (`n8n start` with these settings) receives webhooks and
 * triggers and puts each execution on a Redis queue; `n8n worker` processes take them from there.
 * Main and workers share the user folder (so the database, the installed package and the
 * credentials) and the encryption key: pass this as the N8nInstance's extraEnv.
 */
export function queueModeEnv(redisPort: number): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
	};
}

/** An execution a worker logged, in the order it logged them. */
export interface WorkerExecutionLog {
	executionId: string;
	jobId: string;
}

/**
 * One `n8n worker` beside a queue-mode main instance: the same user folder, key and Redis, its own
 * task broker port and health server (both default to ports main may hold, and a worker whose port
 * is taken exits). Logs at info level: its "Worker started/finished execution <id> (job <id>)"
 * lines are the only record of which process ran an execution (n8n 2.41's execution records do not
 * name the worker).
 */
export class N8nWorker {
	private process?: ChildProcess;
	private log = '';

	constructor(
		readonly main: N8nInstance,
		readonly brokerPort: number,
		readonly healthPort: number,
		readonly concurrency = 5,
	) {}

	env(): NodeJS.ProcessEnv {
		return {
			...this.main.env(),
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(this.healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_LOG_LEVEL: 'info',
		};
	}

	/** Everything the worker printed so far. */
	output(): string {
		return this.log;
	}

	/** The executions this worker finished, from its log. */
	finishedExecutions(): WorkerExecutionLog[] {
		return [...this.log.matchAll(/Worker finished execution (\d+) \(job (\d+)\)/g)].map(([, executionId, jobId]) => ({ executionId, jobId }));
	}

	startedExecutions(): WorkerExecutionLog[] {
		return [...this.log.matchAll(/Worker started execution (\d+) \(job (\d+)\)/g)].map(([, executionId, jobId]) => ({ executionId, jobId }));
	}

	/** Starts the worker and waits until its health server says it is ready (database and Redis connected, queue set up). */
	async start(timeoutMs = 180_000): Promise<void> {
		// Like main, the worker stops when this process dies (exitWithParent.cjs).
		const worker = spawn(NODE_24, ['--require', EXIT_WITH_PARENT, this.main.app.bin, 'worker', `--concurrency=${this.concurrency}`], {
			env: this.env(),
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		this.process = worker;
		worker.stdout!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
		worker.stderr!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (worker.exitCode !== null) throw new Error(`n8n worker exited with ${worker.exitCode}:\n${this.log.slice(-3000)}`);
			try {
				if ((await fetch(`http://127.0.0.1:${this.healthPort}/healthz/readiness`)).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		throw new Error(`n8n worker was not ready within ${timeoutMs / 1000} s:\n${this.log.slice(-3000)}`);
	}

	async stop(): Promise<void> {
		await stopN8nProcess(this.process);
	}
}
