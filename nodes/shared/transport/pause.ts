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
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', abort);
			resolve();
		}, ms);
		function abort() {
			clearTimeout(timer);
			reject(new Cancelled());
		}
		signal?.addEventListener('abort', abort, { once: true });
	});
}
