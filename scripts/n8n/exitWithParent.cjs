// Preloaded into `n8n start` (node --require): its stdin is a pipe from the process that started
// it, and the pipe ends when that process dies, however it dies (SIGKILL included). n8n then shuts
// down as on SIGTERM instead of running on, orphaned. Workers load this too; their stdin is not
// that pipe.
if (require('node:worker_threads').isMainThread) {
	const shutDown = () => process.kill(process.pid, 'SIGTERM');
	process.stdin.once('end', shutDown);
	process.stdin.once('error', shutDown);
	process.stdin.resume();
}
