/**
 * Runs `task(0)`, `task(1)`, … with at most `limit` under way, starting them in index order. The
 * first runs alone: the run learns from it (NP6's rate limit, whether contacts exist) before the
 * others start. Once `stopped()` is true no new task starts; the ones under way finish.
 * `task` must not throw: callers record failures themselves.
 */
export async function runConcurrently(
	count: number,
	limit: number,
	task: (index: number) => Promise<void>,
	stopped: () => boolean = () => false,
): Promise<void> {
	if (count === 0) return;
	await task(0);
	let next = 1;
	const worker = async () => {
		while (next < count && !stopped()) await task(next++);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count - 1)) }, worker));
}
