/**
 * End to end in every n8n release of N8N_APPS (2.41.1 and 1.123.81; headless, Node 24), each with its
 * own user folder, simulator and demo CRM: the built package installed as a user install, the NP6
 * credential and every example imported, each example's Manual Trigger variant run with `n8n execute
 * --id` (and, where its expectation asks, a real-trigger variant with a Manual Trigger in place of its
 * trigger), checked on n8n's output, on the simulator's state and on what the demo CRM
 * (scripts/demoCrm.ts) received.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startDemoCrm, type DemoCrm } from '../../scripts/demoCrm';
import { EXAMPLE_CREDENTIAL, EXAMPLES_DIR, exampleWorkflow, listExamples } from '../../scripts/examples';
import { ensureN8nApp, N8N_VERSIONS, ROOT } from '../../scripts/n8n/app';
import { N8nInstance, type ExecutionOutput } from '../../scripts/n8n/instance';
import { testPort } from '../../scripts/n8n/ports';
import { startSimulator, type Simulator } from '../../simulator';
import { expectations } from './expectations';

const examples = listExamples();
const TRIGGER_TYPES = ['n8n-nodes-base.scheduleTrigger', 'n8n-nodes-base.webhook', 'n8n-nodes-np6.np6Trigger'];

test('examples/ holds at least one example', () => {
	expect(examples.length).toBeGreaterThan(0);
});

test('package.json names as tested exactly the n8n releases this suite runs', () => {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { testedN8nVersions?: string[] } };
	expect(manifest.n8n.testedN8nVersions).toEqual(N8N_VERSIONS);
});

describe.each(N8N_VERSIONS.map((version, slot): [string, number] => [version, slot]))('n8n %s', (version, slot) => {
	let simulator: Simulator;
	let crm: DemoCrm;
	let n8n: N8nInstance;
	let userFolder: string;

	beforeAll(async () => {
		await ensureN8nApp(version); // installed by globalSetup already, unless this file runs on its own
		simulator = await startSimulator({ seed: 'demo', contacts: 50 });
		crm = await startDemoCrm();
		userFolder = mkdtempSync(join(tmpdir(), `np6-e2e-${version}-`));
		n8n = new N8nInstance(userFolder, testPort(5678, slot), version);
		n8n.installPackage();
		await n8n.importCredentials([{ ...EXAMPLE_CREDENTIAL, data: { apiKey: simulator.apiKey, baseUrl: simulator.url } }]);
		for (const example of examples) for (const file of example.files) await n8n.importWorkflowData(exampleWorkflow(file, crm.url));
	}, 20 * 60_000); // the first run installs n8n

	afterAll(async () => {
		await simulator?.close();
		await crm?.close();
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
	});

	async function executeOk(workflowId: string): Promise<ExecutionOutput> {
		const result = await n8n.execute(workflowId);
		if (result.code !== 0 || !result.output) {
			throw new Error(`n8n ${version} execute --id=${workflowId} failed (exit ${result.code ?? result.signal}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-2000)}`);
		}
		expect(result.output.status).toBe('success');
		return result.output;
	}

	/** Each variant imported so far: its id, and the file it came from. */
	const imported = new Map<string, string>();

	/**
	 * Runs a real-trigger variant of an example as `n8n execute` can: imported once, under its own id,
	 * with its trigger replaced by a Manual Trigger of the same name (the connections stay). n8n saves the
	 * static data of such a run as it does a published run's, and unlike an editor run's.
	 */
	async function runVariant(exampleName: string, file: string): Promise<ExecutionOutput> {
		const workflow = exampleWorkflow(join(EXAMPLES_DIR, exampleName, file), crm.url) as { id: string; name: string; nodes: Array<Record<string, unknown>> };
		// n8n 1.x takes an id longer than 16 characters for no id and then saves no static data.
		const id = `${workflow.id.slice(0, 13)}Cli`;
		if (imported.has(id) && imported.get(id) !== `${exampleName}/${file}`) throw new Error(`${exampleName}/${file} and ${imported.get(id)} would both run as ${id}`);
		if (!imported.has(id)) {
			const triggers = workflow.nodes.filter((node) => TRIGGER_TYPES.includes(String(node.type)));
			if (triggers.length !== 1) throw new Error(`examples/${exampleName}/${file} has ${triggers.length} triggers of a known type, not 1`);
			Object.assign(triggers[0], { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
			await n8n.importWorkflowData({ ...workflow, id, name: `${workflow.name} (CLI)` });
			imported.set(id, `${exampleName}/${file}`);
		}
		return await executeOk(id);
	}

	test.each(examples.map((example) => [example.name, example]))('example "%s" runs in n8n and does what it says', async (name, example) => {
		const expectation = expectations[name];
		if (!expectation) throw new Error(`examples/${name} has no end-to-end expectation in test/e2e/expectations.ts`);
		const execute = () => executeOk(example.manual.id);
		await expectation({ output: await execute(), simulator, crm, again: execute, runVariant: (file) => runVariant(name, file) });
	});
});
