/**
 * What the editor asks a running n8n (each release of N8N_APPS, with the built package) for: the NP6
 * credential tested by n8n's own credential test (the "Test" button: POST /rest/credentials/test)
 * against the simulator, and the output schemas n8n previews before a node runs.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureN8nApp, N8N_VERSIONS } from '../../scripts/n8n/app';
import { N8nInstance } from '../../scripts/n8n/instance';
import { testPort } from '../../scripts/n8n/ports';
import { startSimulator, type Simulator } from '../../simulator';
import { documentedNodes } from '../../scripts/operationsTable';
import { schemaFolder } from '../harness/observedOutputs';
import { E2E_OWNER } from './expectations';

describe.each(N8N_VERSIONS.map((version, slot): [string, number] => [version, slot]))('n8n %s', (version, slot) => {
	let simulator: Simulator;
	let n8n: N8nInstance;
	let userFolder: string;
	let cookie: string;
	let credentialId: string;

	beforeAll(async () => {
		await ensureN8nApp(version); // installed by globalSetup already, unless this file runs on its own
		simulator = await startSimulator({ seed: 'fields' });
		userFolder = mkdtempSync(join(tmpdir(), `np6-e2e-credential-${version}-`));
		n8n = new N8nInstance(userFolder, testPort(5699, slot), version);
		n8n.installPackage();
		await n8n.start();
		cookie = await n8n.ownerSession(E2E_OWNER);
		// The editor saves a credential before testing it; n8n 1.x tests only a saved one (2.x also an unsaved one).
		const saved = await fetch(`${n8n.url}/rest/credentials`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie },
			body: JSON.stringify({ name: 'NP6 API', type: 'np6Api', data: { apiKey: simulator.apiKey, baseUrl: `${simulator.url}/` } }),
		});
		expect(saved.status).toBe(200);
		credentialId = ((await saved.json()) as { data: { id: string } }).data.id;
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await simulator?.close();
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
	});

	/** The "Test" button on the saved credential, with the key as typed in the form (not yet saved). */
	async function testInN8n(apiKey: string): Promise<{ status: string; message: string }> {
		const response = await fetch(`${n8n.url}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie },
			body: JSON.stringify({ credentials: { id: credentialId, name: 'NP6 API', type: 'np6Api', data: { apiKey, baseUrl: `${simulator.url}/` } } }),
		});
		expect(response.status).toBe(200);
		return ((await response.json()) as { data: { status: string; message: string } }).data;
	}

	test('the right key passes n8n\'s credential test, sent as X-Key to GET /fields', async () => {
		simulator.server.log.clear();
		expect((await testInN8n(simulator.apiKey)).status).toBe('OK');
		expect(simulator.server.log.entries).toEqual([expect.objectContaining({ method: 'GET', path: '/fields', status: 200 })]);
	});

	test('a wrong key fails n8n\'s credential test with a clear message', async () => {
		simulator.server.log.clear();
		const result = await testInN8n('not-the-key');
		expect(result.status).toBe('Error');
		// n8n may send the test request more than once; each must be the key check NP6 refused.
		expect([...new Set(simulator.server.log.entries.map((entry) => `${entry.method} ${entry.path} ${entry.status}`))]).toEqual(['GET /fields 401']);
		// n8n 1.x's errors lose the HTTP error they wrap (a `cause` class field of its ExecutionBaseError resets
		// it), so no credential's responseCode rule applies there and it shows its own message for a 401.
		const expected = version.startsWith('1.') ? /^Authorization failed - please check your credentials$/ : /NP6 refused this API key \(401\)/;
		expect(result.message).toMatch(expected);
	});

	test('n8n serves every output schema of the built package where the editor asks for it', async () => {
		let served = 0;
		for (const { name } of await documentedNodes()) {
			const folder = schemaFolder(name);
			for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'))) {
				const [resource, operation] = file.replace(/\.json$/, '').split('/');
				const response = await fetch(`${n8n.url}/schemas/n8n-nodes-np6.${name}/1.0.0/${resource}/${operation}.json`, { headers: { cookie } });
				expect([file, response.status]).toEqual([file, 200]);
				expect(await response.json()).toEqual(JSON.parse(readFileSync(join(folder, file), 'utf8')));
				served++;
			}
		}
		expect(served).toBeGreaterThan(50);
	});
});
