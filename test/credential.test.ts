/** The credential's definition; n8n's own credential test runs it in test/e2e/credential.e2e.ts. */
import { Np6Api } from '../credentials/Np6Api.credentials';

test('the credential hides the key, defaults to NP6 production and serves the HTTP Request node', () => {
	const credential = new Np6Api();
	const apiKey = credential.properties.find((p) => p.name === 'apiKey');
	const baseUrl = credential.properties.find((p) => p.name === 'baseUrl');
	expect(apiKey?.typeOptions?.password).toBe(true);
	expect(baseUrl?.default).toBe('https://api-cm.np6.com');
	expect(credential.httpRequestNode).toBeDefined();
	expect(credential.authenticate).toEqual({ type: 'generic', properties: { headers: { 'X-Key': '={{$credentials.apiKey}}' } } });
});
