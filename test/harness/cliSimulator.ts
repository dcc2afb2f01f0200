import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface CliSimulator {
	url: string;
	apiKey: string;
	/** What it printed on start, up to and including its "listening on" line. */
	startupLines: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

export interface CliExit {
	code: number | null;
	stdout: string;
	stderr: string;
}

function spawnCli(args: string[], stderr: 'inherit' | 'pipe'): ChildProcess {
	const root = join(__dirname, '..', '..');
	return spawn(join(root, 'node_modules', '.bin', 'ts-node'), ['--transpile-only', '--prefer-ts-exts', 'simulator/cli.ts', ...args], {
		cwd: root,
		stdio: ['ignore', 'pipe', stderr],
	});
}

/** Starts `npm run simulator`'s program in its own process, as a user would, and waits for its URL. */
export async function startCliSimulator(args: string[]): Promise<CliSimulator> {
	const child = spawnCli(args, 'inherit');
	let output = '';
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`simulator did not start: ${output}`)), 30_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const found = /listening on (http:\/\/\S+)/.exec(output);
			if (found) {
				clearTimeout(timer);
				resolve(found[1]);
			}
		});
		child.on('exit', (code) => reject(new Error(`simulator exited with ${code}: ${output}`)));
	});
	const apiKey = /API key \(X-Key\): (\S+)/.exec(output)![1];
	return {
		url,
		apiKey,
		startupLines: output,
		process: child,
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

/** Runs the program with arguments it should refuse, until it exits; stopped and rejected if it starts instead. */
export async function runCliSimulatorToExit(args: string[]): Promise<CliExit> {
	const child = spawnCli(args, 'pipe');
	let stdout = '';
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	return new Promise<CliExit>((resolve, reject) => {
		const refuse = (why: string) => {
			clearTimeout(timer);
			child.kill('SIGTERM');
			reject(new Error(`${why}: ${stdout}${stderr}`));
		};
		const timer = setTimeout(() => refuse('simulator did not exit'), 30_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (/listening on/.test(stdout)) refuse('simulator accepted its arguments and started');
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}
