import { join } from 'node:path';
import type { IDataObject, IVersionedNodeType } from 'n8n-workflow';

import { registerNodeType, type Backend } from '../../test/harness/engine';
import { APP_DIR, DEFAULT_N8N_VERSION, ensureN8nApp } from '../../scripts/n8n/app';

export const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';
export const HTTP_REQUEST_VERSION = 4.2;

/**
 * Loads n8n's own HTTP Request node (the versioned class, as n8n registers it) from the n8n
 * installed in .n8n-app/ and registers it with the engine harness. It brings its own copy of
 * n8n-workflow (the same version as ours), which only matters for `instanceof` checks on errors.
 */
export async function registerHttpRequestNode(log: (line: string) => void): Promise<void> {
	await ensureN8nApp(DEFAULT_N8N_VERSION, log);
	const file = join(APP_DIR, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequest } = require(file) as { HttpRequest: new () => IVersionedNodeType };
	registerNodeType(HTTP_REQUEST_TYPE, new HttpRequest());
}

/** POST {baseUrl}/targets with the key as a plain header and a JSON body keyed by field name. */
export function httpRequestCreateParameters(backend: Backend): IDataObject {
	return {
		method: 'POST',
		url: `${backend.url}/targets`,
		authentication: 'none',
		sendHeaders: true,
		specifyHeaders: 'keypair',
		headerParameters: { parameters: [{ name: 'X-Key', value: backend.apiKey }] },
		sendBody: true,
		contentType: 'json',
		specifyBody: 'keypair',
		bodyParameters: {
			parameters: [
				{ name: 'Email', value: '={{ $json.email }}' },
				{ name: 'City', value: '={{ $json.city }}' },
			],
		},
		options: {},
	};
}
