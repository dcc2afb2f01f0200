import { Np6Api } from '../credentials/Np6Api.credentials';
import { testCredential } from './harness/engine';
import { useSimulator } from './harness/simulator';

const simulator = useSimulator();

test('the right key passes the credential test, sent as X-Key', async () => {
	simulator().server.log.clear();
	const result = await testCredential({ apiKey: simulator().apiKey, baseUrl: `${simulator().url}/` });
	expect(result).toEqual({ ok: true, message: 'Connection tested successfully' });
	expect(simulator().server.log.entries).toEqual([expect.objectContaining({ method: 'GET', path: '/fields', status: 200 })]);
});

test('a wrong key fails with a clear message', async () => {
	const result = await testCredential({ apiKey: 'not-the-key', baseUrl: simulator().url });
	expect(result.ok).toBe(false);
	expect(result.message).toMatch(/NP6 refused this API key \(401\)/);
});

test('the credential hides the key, defaults to NP6 production and serves the HTTP Request node', () => {
	const credential = new Np6Api();
	const apiKey = credential.properties.find((p) => p.name === 'apiKey');
	const baseUrl = credential.properties.find((p) => p.name === 'baseUrl');
	expect(apiKey?.typeOptions?.password).toBe(true);
	expect(baseUrl?.default).toBe('https://api-cm.np6.com');
	expect(credential.httpRequestNode).toBeDefined();
	expect(credential.authenticate).toEqual({ type: 'generic', properties: { headers: { 'X-Key': '={{$credentials.apiKey}}' } } });
});
