import { Worker } from 'node:worker_threads';

const INTERVAL_MS = 10;

/**
 * Samples the process's resident set size from a worker thread: RSS is per process, and a worker
 * keeps sampling while the main thread is busy with synchronous work (the engine, a CSV parse), when
 * a timer on the main thread would miss the peak. The peak lives in shared memory, readable at once.
 */
export class RssSampler {
	private readonly peakBytes = new BigInt64Array(new SharedArrayBuffer(8));
	private readonly worker: Worker;

	constructor() {
		this.worker = new Worker(
			`const { workerData } = require('node:worker_threads');
			const peak = workerData.peak;
			setInterval(() => {
				const rss = BigInt(process.memoryUsage.rss());
				if (rss > Atomics.load(peak, 0)) Atomics.store(peak, 0, rss);
			}, ${INTERVAL_MS});`,
			{ eval: true, workerData: { peak: this.peakBytes } },
		);
		this.worker.unref();
		this.reset();
	}

	/** Starts a new measurement: the current RSS is both its baseline and its peak so far. */
	reset(): number {
		const now = process.memoryUsage.rss();
		Atomics.store(this.peakBytes, 0, BigInt(now));
		return now;
	}

	/** The highest RSS seen since the last reset, including now. */
	peak(): number {
		return Math.max(Number(Atomics.load(this.peakBytes, 0)), process.memoryUsage.rss());
	}

	async stop(): Promise<void> {
		await this.worker.terminate();
	}
}

/** Collects garbage before a baseline when the process runs with --expose-gc, so the baseline holds live data only. */
export function collectGarbage(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

export const megabytes = (bytes: number) => bytes / 1024 / 1024;
