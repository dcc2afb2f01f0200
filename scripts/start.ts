/**
 * `npm start`: n8n 2.41.1 on Node 24 (or, with N8N_VERSION=1.123.81 — also `1` or `1.123.x` — n8n
 * 1.123.81) with this package, the NP6 credential and the examples, on the NP6 simulator (or the real
 * NP6 with NP6_API_KEY and optionally NP6_BASE_URL), and the demo CRM some examples write to. Ports
 * come from N8N_PORT, NP6_SIMULATOR_PORT and NP6_DEMO_CRM_PORT (default: the simulator's + 1), n8n's
 * user folder from NP6_N8N_USER_FOLDER (default .n8n-data/, .n8n-data-<version>/ for another release).
 * Ctrl-C, SIGTERM, SIGINT or SIGHUP to npm, or the exit of whatever started it, stops both.
 */
import { OWNER, startDemo, type Demo } from './demo';
import { findN8nApp } from './n8n/app';
import { onAncestorExit } from './processes';

let demo: Demo | undefined;
let stopping = false;

function stop(reason: string): void {
	if (stopping) return;
	stopping = true;
	console.log(`\n${reason}: stopping n8n, the NP6 simulator and the demo CRM…`);
	// Before n8n is up, exiting is enough: n8n ends with this process (see scripts/n8n/instance.ts).
	if (!demo) process.exit(1);
	void demo.stop().then(() => process.exit(0));
}

// npm forwards SIGTERM and SIGINT to its script's shell, which must `exec` this (package.json):
// a waiting `sh -c` dies of SIGTERM and ignores SIGINT without passing either on. npm dies of
// SIGHUP; that, or the death of whatever ran npm, leaves this process orphaned: onAncestorExit.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
onAncestorExit(() => stop('npm or its parent exited'));
// A closed terminal makes writing fail; that must not cut the stop short.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

async function main(): Promise<void> {
	const app = findN8nApp(process.env.N8N_VERSION);
	console.log(`Starting the NP6 simulator and n8n ${app.version} (the first start also installs it)…`);
	demo = await startDemo({
		n8nVersion: app.version,
		n8nPort: Number(process.env.N8N_PORT ?? 5678),
		simulatorPort: Number(process.env.NP6_SIMULATOR_PORT ?? 5680),
		crmPort: process.env.NP6_DEMO_CRM_PORT ? Number(process.env.NP6_DEMO_CRM_PORT) : undefined,
		userFolder: process.env.NP6_N8N_USER_FOLDER || undefined,
	});

	const { backend } = demo;
	console.log(`
  n8n editor:   ${demo.n8n.url} (n8n ${app.version})
  log in as:    ${OWNER.email} / ${OWNER.password}
  NP6 backend:  ${backend.real ? `${backend.url} (real NP6, key from NP6_API_KEY)` : `${backend.url} (simulator with demo data, X-Key ${backend.apiKey})`}
  credential:   "${demo.credentialName}", already set up
  demo CRM:     ${demo.crm.url} (what the bounce-feedback and engagement-sync examples record: GET /bounces, /engagement)
  examples:     ${demo.examples.join(', ')} (in Overview)

  Ctrl-C stops everything.
`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
