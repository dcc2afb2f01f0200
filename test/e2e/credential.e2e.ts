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

const OWNER = { email: 'e2e-owner@example.com', password: 'E2e-owner-2026', firstName: 'E2E', lastName: 'Owner' };

describe.each(N8N_VERSIONS.map((version, slot): [string, number] => [version, slot]))('n8n %s', (version, slot) => {
	let simulator: Simulator;
	let n8n: N8nInstance;
	let userFolder: string;
	let cookie: string;

	beforeAll(async () => {
		await ensureN8nApp(version); // installed by globalSetup already, unless this file runs on its own
		simulator = await startSimulator({ seed: 'fields' });
		userFolder = mkdtempSync(join(tmpdir(), `np6-e2e-credential-${version}-`));
		n8n = new N8nInstance(userFolder, testPort(5699, slot), version);
		n8n.installPackage();
		await n8n.start();
		await n8n.setupOwner(OWNER);
		const login = await fetch(`${n8n.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		expect(login.status).toBe(200);
		cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await simulator?.close();
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
	});

	async function testInN8n(apiKey: string): Promise<{ status: string; message: string }> {
		const response = await fetch(`${n8n.url}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie },
			body: JSON.stringify({ credentials: { id: '', name: 'NP6 API', type: 'np6Api', data: { apiKey, baseUrl: `${simulator.url}/` } } }),
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
		const result = await testInN8n('not-the-key');
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/NP6 refused this API key \(401\)/);
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
