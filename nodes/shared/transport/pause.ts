import { sleep } from 'n8n-workflow';

/** The execution was stopped while a request waited. */
export class Cancelled extends Error {
	constructor() {
		super('The execution was stopped');
	}
}

/** Waits `ms`, or rejects with `Cancelled` as soon as the execution's cancel signal fires. */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw new Cancelled();
	if (ms <= 0) return;
	if (!signal) return await sleep(ms);
	let abort = () => {};
	const cancelled = new Promise<never>((_, reject) => {
		abort = () => reject(new Cancelled());
		signal.addEventListener('abort', abort, { once: true });
	});
	try {
		await Promise.race([sleep(ms), cancelled]);
	} finally {
		signal.removeEventListener('abort', abort);
	}
}
