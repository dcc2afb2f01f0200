/**
 * Runs `task(0)`, `task(1)`, … with at most `limit` under way, starting them in index order. The
 * first runs alone: the run learns from it (NP6's rate limit, whether contacts exist) before the
 * others start. Once a task has thrown or `stopped()` is true no new task starts; the ones under way
 * finish, then the first error thrown is rethrown.
 */
export async function runConcurrently(
	count: number,
	limit: number,
	task: (index: number) => Promise<void>,
	stopped: () => boolean = () => false,
): Promise<void> {
	let failure: { error: unknown } | undefined;
	const guarded = async (index: number) => {
		try {
			await task(index);
		} catch (error) {
			failure ??= { error };
		}
	};
	if (count > 0) await guarded(0);
	let next = 1;
	const worker = async () => {
		while (next < count && failure === undefined && !stopped()) await guarded(next++);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count - 1)) }, worker));
	if (failure) throw failure.error;
}
