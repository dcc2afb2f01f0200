import { join } from 'node:path';

import { startSimulator, type Simulator } from '../simulator';
import { startDemoCrm, type DemoCrm } from './demoCrm';
import { EXAMPLE_CREDENTIAL, exampleWorkflow, listExamples } from './examples';
import { DEFAULT_N8N_VERSION, ensureN8nApp, ROOT } from './n8n/app';
import { N8nInstance } from './n8n/instance';

export const OWNER = { email: 'demo@example.com', password: 'Np6-demo-2026', firstName: 'Demo', lastName: 'User' };

export interface Demo {
	n8n: N8nInstance;
	simulator?: Simulator;
	/** Where the bounce-feedback and engagement-sync examples record what they found. */
	crm: DemoCrm;
	backend: { url: string; real: boolean; apiKey: string };
	credentialName: string;
	examples: string[];
	stop(): Promise<void>;
}

/**
 * The NP6 simulator with demo data (or the real NP6 when NP6_API_KEY is set), and n8n (2.41.1, or
 * another release of N8N_APPS with `n8nVersion`) with this package installed as a user install is, the NP6 credential and every example imported, and the
 * demo CRM the examples write to (by default on the port after the simulator's).
 */
export async function startDemo(
	options: { n8nPort?: number; simulatorPort?: number; crmPort?: number; userFolder?: string; n8nVersion?: string } = {},
): Promise<Demo> {
	const app = await ensureN8nApp(options.n8nVersion ?? DEFAULT_N8N_VERSION);
	const realKey = process.env.NP6_API_KEY;
	const simulatorPort = options.simulatorPort ?? 5680;
	const simulator = realKey ? undefined : await startSimulator({ port: simulatorPort, seed: 'demo' });
	const crm = await startDemoCrm({ port: options.crmPort ?? simulatorPort + 1 });
	const backend = simulator
		? { url: simulator.url, apiKey: simulator.apiKey, real: false }
		: { url: process.env.NP6_BASE_URL ?? 'https://api-cm.np6.com', apiKey: realKey!, real: true };
	const credentialName = backend.real ? 'NP6' : EXAMPLE_CREDENTIAL.name;

	// A database n8n 2.x has migrated cannot be opened by 1.x: each release keeps its own default folder.
	const defaultUserFolder = join(ROOT, app.version === DEFAULT_N8N_VERSION ? '.n8n-data' : `.n8n-data-${app.version}`);
	const n8n = new N8nInstance(options.userFolder ?? defaultUserFolder, options.n8nPort ?? 5678, app.version);
	n8n.installPackage();
	await n8n.importCredentials([
		{ ...EXAMPLE_CREDENTIAL, name: credentialName, data: { apiKey: backend.apiKey, baseUrl: backend.url } },
	]);
	const examples = listExamples();
	for (const example of examples) for (const file of example.files) await n8n.importWorkflowData(exampleWorkflow(file, crm.url));

	// n8n's own noise (it cannot reach its update and template services here) is not shown.
	await n8n.start((text) => {
		if (/np6/i.test(text)) process.stderr.write(text);
	});
	await n8n.setupOwner(OWNER);
	return {
		n8n,
		simulator,
		crm,
		backend,
		credentialName,
		examples: examples.map((e) => e.name),
		stop: async () => {
			await n8n.stop();
			await simulator?.close();
			await crm.close();
		},
	};
}
