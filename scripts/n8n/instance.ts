import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_N8N_VERSION, findN8nApp, NODE_24, ROOT, type N8nApp } from './app';

export const PACKAGE_NAME = 'n8n-nodes-np6';
export const EXIT_WITH_PARENT = join(__dirname, 'exitWithParent.cjs');

export interface CredentialToImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, string>;
}

export interface CommandResult {
	code: number | null;
	/** The signal that ended the command, when one did (code is then null). */
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** One n8n (of the releases in N8N_APPS) with its own user folder, our package installed as a user install is, on Node 24. */
export class N8nInstance {
	private server?: ChildProcess;
	readonly app: N8nApp;

	constructor(
		readonly userFolder: string,
		readonly port = 5678,
		version: string = DEFAULT_N8N_VERSION,
		/** Added to env(), over its own settings: e.g. queue mode's (queueModeEnv in queueMode.ts). */
		readonly extraEnv: NodeJS.ProcessEnv = {},
	) {
		this.app = findN8nApp(version);
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	env(): NodeJS.ProcessEnv {
		// `N8N_VERSION=1 npm start` picks the release; n8n passes the variable on to its task runners.
		const { N8N_VERSION: _requestedRelease, ...inherited } = process.env;
		return {
			...inherited,
			// Under jest NODE_ENV is "test", which silences n8n's logger and so `execute`'s output.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'n8n-nodes-np6-local-development-key',
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_EDITOR_BASE_URL: this.url,
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
			N8N_RUNNERS_ENABLED: 'false',
			// Its task broker's port, 5679 by default, beside n8n's: two n8n on one machine need two.
			N8N_RUNNERS_BROKER_PORT: String(this.port + 1),
			DB_SQLITE_POOL_SIZE: '1',
			...this.extraEnv,
		};
	}

	/** Places the built package where a user install puts it: <user folder>/.n8n/nodes/node_modules/<package>. */
	installPackage(): void {
		const target = join(this.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		rmSync(target, { recursive: true, force: true });
		mkdirSync(target, { recursive: true });
		cpSync(join(ROOT, 'package.json'), join(target, 'package.json'));
		cpSync(join(ROOT, 'dist'), join(target, 'dist'), { recursive: true });
		writeFileSync(
			join(this.userFolder, '.n8n', 'nodes', 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: 'file:' } }, null, 2),
		);
	}

	async run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
		const child = spawn(NODE_24, [this.app.bin, ...args], { env: { ...this.env(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (...ended) => resolve(ended)));
		return { code, signal, stdout, stderr };
	}

	private async runOrThrow(args: string[]): Promise<CommandResult> {
		const result = await this.run(args);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (${result.code ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
		return result;
	}

	async importCredentials(credentials: CredentialToImport[]): Promise<void> {
		const folder = mkdtempSync(join(tmpdir(), 'np6-cred-'));
		const file = join(folder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		try {
			await this.runOrThrow(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}

	async importWorkflow(file: string): Promise<void> {
		await this.runOrThrow(['import:workflow', `--input=${file}`]);
	}

	/** Imports a workflow given as data rather than as a file. */
	async importWorkflowData(workflow: Record<string, unknown>): Promise<void> {
		const folder = mkdtempSync(join(tmpdir(), 'np6-workflow-'));
		const file = join(folder, 'workflow.json');
		writeFileSync(file, JSON.stringify(workflow));
		try {
			await this.importWorkflow(file);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}

	/** Publishes (activates) a workflow: `n8n start` then runs its triggers. Before `start`: a running n8n does not see it. */
	async publishWorkflow(workflowId: string): Promise<void> {
		// 1.x has no publish:workflow: there a workflow is activated with update:workflow --active=true.
		if (this.app.major < 2) await this.runOrThrow(['update:workflow', `--id=${workflowId}`, '--active=true']);
		else await this.runOrThrow(['publish:workflow', `--id=${workflowId}`]);
	}

	/** `n8n execute --id`: the run's data as n8n prints it with --rawOutput (at log level info). */
	async execute(workflowId: string): Promise<CommandResult & { output?: ExecutionOutput }> {
		const result = await this.run(['execute', `--id=${workflowId}`, '--rawOutput'], { N8N_LOG_LEVEL: 'info' });
		return { ...result, output: lastJsonDocument(result.stdout) };
	}

	async start(onOutput: (line: string) => void = () => {}): Promise<void> {
		// n8n stops when this process dies, even by SIGKILL: see exitWithParent.cjs.
		this.server = spawn(NODE_24, ['--require', EXIT_WITH_PARENT, this.app.bin, 'start'], { env: this.env(), stdio: ['pipe', 'pipe', 'pipe'] });
		this.server.stdout!.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
		this.server.stderr!.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
		const deadline = Date.now() + 180_000;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) throw new Error(`n8n exited with ${this.server.exitCode}`);
			try {
				// n8n 1.x reports ready once its database is migrated, before its REST API is routed:
				// /rest/settings (public, the first thing the editor asks for) answers only then.
				if ((await fetch(`${this.url}/healthz/readiness`)).ok && (await fetch(`${this.url}/rest/settings`)).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		throw new Error('n8n did not become ready within 3 minutes');
	}

	/**
	 * Waits until n8n serves the published webhook at `url`: n8n may report ready before it has
	 * activated every published workflow, and a call meanwhile gets a 404. Asks with a CORS preflight
	 * (OPTIONS with an Origin), which n8n answers 204 for a registered path and an error otherwise (500 in 2.41.1),
	 * without running anything.
	 */
	async waitForWebhook(url: string, timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let last = '';
		while (Date.now() < deadline) {
			try {
				const response = await fetch(url, { method: 'OPTIONS', headers: { origin: this.url, 'access-control-request-method': 'POST' } });
				if (response.status === 204) return;
				last = `${response.status} ${(await response.text()).slice(0, 200)}`;
			} catch (error) {
				last = String(error);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`n8n did not register the webhook ${url} within ${timeoutMs / 1000} s (last answer: ${last})`);
	}

	/** Creates the owner account and logs in as it: the session cookie for n8n's REST API. */
	async ownerSession(owner: { email: string; password: string; firstName: string; lastName: string }): Promise<string> {
		await this.setupOwner(owner);
		const login = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		if (login.status !== 200) throw new Error(`login to n8n failed: ${login.status} ${await login.text()}`);
		return (login.headers.get('set-cookie') ?? '').split(';')[0];
	}

	/** Creates the owner account so the editor opens on a login page, not on a setup form. */
	async setupOwner(owner: { email: string; password: string; firstName: string; lastName: string }): Promise<void> {
		const response = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		if (!response.ok && response.status !== 400) throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	}

	async stop(): Promise<void> {
		await stopN8nProcess(this.server);
	}
}

/** Stops an n8n process as n8n wants (SIGTERM: it finishes what it is doing), by SIGKILL after 15 s. */
export async function stopN8nProcess(child: ChildProcess | undefined): Promise<void> {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	await new Promise<void>((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
		setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
	});
}

/** The last pretty-printed JSON object in a log: it starts with a line holding only "{". */
function lastJsonDocument(text: string): ExecutionOutput | undefined {
	const lines = text.split('\n');
	for (let start = lines.length - 1; start >= 0; start--) {
		if (lines[start] !== '{') continue;
		for (let end = lines.length; end > start; end--) {
			try {
				return JSON.parse(lines.slice(start, end).join('\n')) as ExecutionOutput;
			} catch {
				// not this span
			}
		}
	}
	return undefined;
}

/** An output item in a run's data: its JSON and the input item(s) it came from. */
export interface ExecutionItem {
	json: Record<string, unknown>;
	pairedItem?: number | { item: number; input?: number } | Array<{ item: number; input?: number }>;
}

export interface ExecutionOutput {
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<ExecutionItem>> }; error?: unknown }>>; error?: unknown } };
	status?: string;
	[key: string]: unknown;
}
