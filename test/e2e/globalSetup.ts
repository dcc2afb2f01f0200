/**
 * Before any end-to-end file: every n8n release of N8N_APPS installed (each once, into its ignored
 * folder), side by side, so that the first run waits for the longest install rather than for their sum.
 */
import { ensureN8nApps, isN8nAppInstalled, N8N_APPS } from '../../scripts/n8n/app';

export default async function installN8nReleases(): Promise<void> {
	if (N8N_APPS.every(isN8nAppInstalled)) return;
	const started = Date.now();
	await ensureN8nApps(N8N_APPS.map((app) => app.version), (line) => console.log(line));
	console.log(`n8n releases installed in ${Math.round((Date.now() - started) / 1000)} s`);
}
