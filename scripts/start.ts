/**
 * `npm start`: the NP6 simulator with demo data, and n8n 2.41 on Node 24 with this package installed
 * as a user install, the NP6 credential and every example workflow imported. Ctrl-C stops both.
 * With NP6_API_KEY set, the credential points at the real NP6 (NP6_BASE_URL, default production).
 */
import { join } from 'node:path';

import { startSimulator, type Simulator } from '../simulator';
import { EXAMPLE_CREDENTIAL, listExamples } from './examples';
import { ensureN8nApp, ROOT } from './n8n/app';
import { N8nInstance } from './n8n/instance';

const OWNER = { email: 'demo@example.com', password: 'Np6-demo-2026', firstName: 'Demo', lastName: 'User' };
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SIMULATOR_PORT = Number(process.env.NP6_SIMULATOR_PORT ?? 5680);

async function main(): Promise<void> {
	ensureN8nApp();

	const realKey = process.env.NP6_API_KEY;
	let simulator: Simulator | undefined;
	let credentialData: Record<string, string>;
	if (realKey) {
		credentialData = { apiKey: realKey, baseUrl: process.env.NP6_BASE_URL ?? 'https://api-cm.np6.com' };
	} else {
		simulator = await startSimulator({ port: SIMULATOR_PORT, seed: 'demo' });
		credentialData = { apiKey: simulator.apiKey, baseUrl: simulator.url };
	}

	const n8n = new N8nInstance(join(ROOT, '.n8n-data'), N8N_PORT);
	n8n.installPackage();
	await n8n.importCredentials([
		{ ...EXAMPLE_CREDENTIAL, name: realKey ? 'NP6' : EXAMPLE_CREDENTIAL.name, data: credentialData },
	]);
	const examples = listExamples();
	for (const example of examples) for (const file of example.files) await n8n.importWorkflow(file);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the NP6 simulator…');
		await n8n.stop();
		await simulator?.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	console.log('Starting n8n…');
	await n8n.start((text) => {
		if (/error/i.test(text)) process.stderr.write(text);
	});
	await n8n.setupOwner(OWNER);

	console.log(`
  n8n editor:     ${n8n.url}
  log in as:      ${OWNER.email} / ${OWNER.password}
  NP6 backend:    ${realKey ? `${credentialData.baseUrl} (real NP6, key from NP6_API_KEY)` : `${simulator!.url} (simulator, key ${simulator!.apiKey}, demo data)`}
  credential:     "${realKey ? 'NP6' : EXAMPLE_CREDENTIAL.name}" (already set up)
  examples:       ${examples.map((e) => e.name).join(', ')} (Workflows → Overview)

  Ctrl-C stops everything.
`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
