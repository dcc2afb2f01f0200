import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway Redis for n8n's queue mode: loopback only, nothing written to disk. */
export interface RedisServer {
	port: number;
	/** What redis-server printed so far. */
	output(): string;
	stop(): Promise<void>;
}

export function isRedisInstalled(): boolean {
	return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts Debian's redis-server (`apt-get install redis-server`) on `port`, without persistence.
 * setpriv's parent-death signal stops it when the process that started it dies, even by SIGKILL.
 */
export async function startRedis(port: number, timeoutMs = 15_000): Promise<RedisServer> {
	if (!isRedisInstalled()) throw new Error('redis-server is not installed: apt-get install redis-server (.ci/run does it)');
	const folder = mkdtempSync(join(tmpdir(), 'np6-redis-'));
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder, '--daemonize', 'no'];
	const server: ChildProcess = spawn('setpriv', ['--pdeathsig', 'KILL', '--', 'redis-server', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));

	const stop = async () => {
		if (server.exitCode === null && server.signalCode === null) {
			server.kill('SIGKILL'); // nothing to save: it holds only this run's queue
			await exited;
		}
		rmSync(folder, { recursive: true, force: true });
	};

	const deadline = Date.now() + timeoutMs;
	while (!(await answersPing(port))) {
		if (server.exitCode !== null || Date.now() > deadline) {
			await stop();
			throw new Error(`redis-server did not answer on port ${port} within ${timeoutMs / 1000} s:\n${output.slice(-2000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { port, output: () => output, stop };
}

/** True when a Redis on the port answers PING with PONG. */
function answersPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let answer = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk: Buffer) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}
