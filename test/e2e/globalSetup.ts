/**
 * Before any end-to-end file: every n8n release of N8N_APPS installed (each once, into its ignored
 * folder), side by side, so that the first run waits for the longest install rather than for their sum.
 * A run limited to files that use only the default release (jest's path patterns, e.g. `npx jest -c
 * jest.e2e.config.js test/e2e/queueMode.e2e.ts`) installs only that one.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { DEFAULT_N8N_VERSION, ensureN8nApps, isN8nAppInstalled, N8N_APPS } from '../../scripts/n8n/app';

/** End-to-end files that run in the default release only (the others run in every release of N8N_APPS). */
const DEFAULT_RELEASE_ONLY = new Set(['queueMode.e2e.ts']);

/** What this file reads of jest's global config (jest 30: `testPathPatterns` holds the paths given on the command line). */
interface SelectedPaths {
	rootDir: string;
	testPathPatterns?: { isSet(): boolean; toExecutor(options: { rootDir: string }): { isMatch(absolutePath: string): boolean } };
}

function releasesNeeded(globalConfig: SelectedPaths): string[] {
	const all = N8N_APPS.map((app) => app.version);
	const patterns = globalConfig.testPathPatterns;
	if (!patterns?.isSet()) return all;
	const matcher = patterns.toExecutor({ rootDir: globalConfig.rootDir });
	const selected = readdirSync(__dirname).filter((file) => file.endsWith('.e2e.ts') && matcher.isMatch(join(__dirname, file)));
	return selected.length > 0 && selected.every((file) => DEFAULT_RELEASE_ONLY.has(file)) ? [DEFAULT_N8N_VERSION] : all;
}

export default async function installN8nReleases(globalConfig: SelectedPaths): Promise<void> {
	const versions = releasesNeeded(globalConfig);
	if (N8N_APPS.filter((app) => versions.includes(app.version)).every(isN8nAppInstalled)) return;
	const started = Date.now();
	await ensureN8nApps(versions, (line) => console.log(line));
	console.log(`n8n releases installed in ${Math.round((Date.now() - started) / 1000)} s`);
}
