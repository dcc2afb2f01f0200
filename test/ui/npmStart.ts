import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';

import { DEFAULT_N8N_VERSION, ROOT } from '../../scripts/n8n/app';

export interface NpmStartInstance {
	editorUrl: string;
	/** The NP6 simulator with demo data that n8n's NP6 credential points at. */
	simulator: { url: string; apiKey: string };
	stop(): Promise<void>;
}

/**
 * What `npm start` execs once its install and build steps are done: scripts/start.ts, on the given
 * ports and user folder, always on the simulator (NP6_API_KEY is not passed on). Resolves when it has
 * printed the editor's URL; its output is in the error when it exits or times out first.
 */
export async function startNpmStart(options: { n8nPort: number; simulatorPort: number; userFolder: string; timeoutMs: number }): Promise<NpmStartInstance> {
	// n8n's task broker takes the port after n8n's.
	for (const port of [options.n8nPort, options.n8nPort + 1, options.simulatorPort]) {
		if (await isListening(port)) throw new Error(`port ${port} is already in use`);
	}
	const { NP6_API_KEY: _realKey, NP6_BASE_URL: _realUrl, ...env } = process.env;
	const child = spawn(join(ROOT, 'node_modules', '.bin', 'ts-node'), ['--transpile-only', '--prefer-ts-exts', 'scripts/start.ts'], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...env,
			// The editor this suite drives is 2.41.1's, whatever N8N_VERSION the shell has.
			N8N_VERSION: DEFAULT_N8N_VERSION,
			N8N_PORT: String(options.n8nPort),
			NP6_SIMULATOR_PORT: String(options.simulatorPort),
			NP6_N8N_USER_FOLDER: options.userFolder,
		},
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		// start.ts stops n8n (which gets 15 s before a SIGKILL) and the simulator, then exits.
		const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
		await exited;
		clearTimeout(killer);
	};

	const deadline = Date.now() + options.timeoutMs;
	while (!/n8n editor:.*\n/.test(output)) {
		if (child.exitCode !== null || Date.now() > deadline) {
			await stop();
			throw new Error(`scripts/start.ts did not print the editor's URL within ${options.timeoutMs / 1000} s:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	const editorUrl = /n8n editor:\s+(\S+)/.exec(output)![1];
	const backend = /NP6 backend:\s+(\S+) \(simulator with demo data, X-Key (\S+)\)/.exec(output);
	if (!backend) {
		await stop();
		throw new Error(`scripts/start.ts did not report the simulator's URL and key:\n${output}`);
	}
	return { editorUrl, simulator: { url: backend[1], apiKey: backend[2] }, stop };
}

function isListening(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}
