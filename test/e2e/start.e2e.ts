/**
 * `npm start` (npm → sh -c → ts-node scripts/start.ts with the simulator and the demo CRM → n8n → its task runner)
 * goes away as a whole however it is stopped: SIGTERM, SIGINT or SIGHUP to npm's pid alone (not
 * its process group, as Ctrl-C does), or the death of the shell that started it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_N8N_VERSION, ensureN8nApp, ROOT } from '../../scripts/n8n/app';
import { testPort } from '../../scripts/n8n/ports';
import { isRunning, listProcesses, processTree, type ProcessStat } from '../../scripts/processes';

const N8N_PORT = testPort(5796);
const SIMULATOR_PORT = testPort(5798); // n8n's task broker takes N8N_PORT + 1
const CRM_PORT = SIMULATOR_PORT + 1; // where npm start puts the demo CRM by default
const STOP_WITHIN_MS = 45_000;
let userFolder: string;
let top: ChildProcess | undefined;

beforeAll(async () => {
	await ensureN8nApp();
	userFolder = mkdtempSync(join(tmpdir(), 'np6-e2e-start-'));
});

afterEach(() => {
	// Whatever a failed case left behind in its process group.
	if (top?.pid === undefined) return;
	for (const stat of listProcesses()) if (stat.pgid === top.pid) kill(stat.pid, 'SIGKILL');
	top = undefined;
});

afterAll(() => {
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

function kill(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(pid, signal);
	} catch {
		// already gone
	}
}

/** Starts `shellCommand` in its own process group and waits for start.ts to print the editor's URL. */
async function startDemo(shellCommand: string): Promise<{ pid: number; tree: ProcessStat[] }> {
	top = spawn('sh', ['-c', `exec ${shellCommand}`], {
		cwd: ROOT,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			N8N_VERSION: DEFAULT_N8N_VERSION,
			N8N_PORT: String(N8N_PORT),
			NP6_SIMULATOR_PORT: String(SIMULATOR_PORT),
			NP6_N8N_USER_FOLDER: userFolder,
		},
	});
	let output = '';
	top.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	top.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const deadline = Date.now() + 4 * 60_000;
	while (!output.includes('n8n editor:')) {
		if (top.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
		await sleep(500);
	}
	const tree = processTree(top.pid!);
	expect(tree.map(commandLine)).toEqual(expect.arrayContaining([
		expect.stringMatching(/^npm start/),
		expect.stringContaining('scripts/start.ts'),
		expect.stringMatching(/n8n\/bin\/n8n start$/),
	]));
	for (const port of [N8N_PORT, SIMULATOR_PORT, CRM_PORT]) expect([port, await isListening(port)]).toEqual([port, true]);
	return { pid: top.pid!, tree };
}

/** Waits until every process of the tree has exited and both ports are closed, or the time is up. */
async function expectAllGone(tree: ProcessStat[]): Promise<void> {
	const deadline = Date.now() + STOP_WITHIN_MS;
	const left = async () => ({
		processes: tree.filter(isRunning).map(commandLine),
		open: (await Promise.all([N8N_PORT, SIMULATOR_PORT, CRM_PORT].map(isListening))).some(Boolean),
	});
	let state = await left();
	while ((state.processes.length > 0 || state.open) && Date.now() < deadline) {
		await sleep(500);
		state = await left();
	}
	expect(state.processes).toEqual([]);
	for (const port of [N8N_PORT, SIMULATOR_PORT, CRM_PORT]) expect([port, await isListening(port)]).toEqual([port, false]);
}

function commandLine(stat: ProcessStat): string {
	try {
		return readFileSync(`/proc/${stat.pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
	} catch {
		return stat.command;
	}
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

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

test.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s to npm start\'s pid stops n8n, the simulator and the demo CRM', async (signal) => {
	const { pid, tree } = await startDemo('npm start');
	kill(pid, signal);
	await expectAllGone(tree);
}, 6 * 60_000);

test('the death of the shell that ran npm start stops n8n, the simulator and the demo CRM', async () => {
	const { pid, tree } = await startDemo('sh -c "npm start & wait"');
	kill(pid, 'SIGKILL');
	await expectAllGone(tree);
}, 6 * 60_000);
