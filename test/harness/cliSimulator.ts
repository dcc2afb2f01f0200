import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface CliSimulator {
	url: string;
	apiKey: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

/** Starts `npm run simulator`'s program in its own process, as a user would, and waits for its URL. */
export async function startCliSimulator(args: string[]): Promise<CliSimulator> {
	const root = join(__dirname, '..', '..');
	const child = spawn(join(root, 'node_modules', '.bin', 'ts-node'), ['--transpile-only', '--prefer-ts-exts', 'simulator/cli.ts', ...args], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
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
		process: child,
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}
