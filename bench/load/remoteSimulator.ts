import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { RateLimitConfig } from '../../simulator/core/rateLimiter';
import type { Command, Ready, Reply, Results } from './simulatorProtocol';

/** The simulator process of the load benchmark, driven over IPC; its NP6 API is reached over loopback. */
export interface RemoteSimulator {
	url: string;
	apiKey: string;
	pid: number;
	ask<C extends Command>(command: C): Promise<Results[C['command']]>;
	stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;

export async function startRemoteSimulator(rateLimit: RateLimitConfig): Promise<RemoteSimulator> {
	const child = fork(join(__dirname, 'simulatorProcess.ts'), [JSON.stringify(rateLimit)], {
		execArgv: ['--expose-gc', '--require', 'ts-node/register/transpile-only'],
		env: { ...process.env, TS_NODE_PREFER_TS_EXTS: 'true' },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const ready = await readyOf(child);
	const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
	let nextId = 1;
	child.on('message', (message: Reply) => {
		const waiting = pending.get(message.id);
		if (!waiting) return;
		pending.delete(message.id);
		if ('error' in message) waiting.reject(new Error(`simulator process: ${message.error}`));
		else waiting.resolve(message.result);
	});
	child.on('exit', (code) => {
		for (const waiting of pending.values()) waiting.reject(new Error(`simulator process exited with ${code}`));
		pending.clear();
	});
	return {
		url: ready.url,
		apiKey: ready.apiKey,
		pid: child.pid!,
		ask: <C extends Command>(command: C) =>
			new Promise<Results[C['command']]>((resolve, reject) => {
				const id = nextId++;
				pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
				child.send({ ...command, id });
			}),
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.disconnect();
			}),
	};
}

function readyOf(child: ChildProcess): Promise<Ready> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the simulator process did not start')), STARTUP_TIMEOUT_MS);
		child.once('message', (message: Ready) => {
			clearTimeout(timer);
			resolve(message);
		});
		child.once('exit', (code) => reject(new Error(`the simulator process exited with ${code} before it was ready`)));
	});
}
