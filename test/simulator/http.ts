import { request } from 'undici';

import type { Simulator } from '../../simulator';

export interface CallOptions {
	/** JSON-encoded unless a string or a Buffer (sent as is). */
	body?: unknown;
	headers?: Record<string, string>;
	/** The X-Key to send; the simulator's own by default, none with null. */
	key?: string | null;
}

/** A plain HTTP client for a simulator: answers with status, headers, raw text and parsed JSON. */
export function httpClient(simulator: () => Simulator) {
	return async function call(method: string, path: string, options: CallOptions = {}) {
		const headers: Record<string, string> = { ...options.headers };
		if (options.key !== null) headers['X-Key'] = options.key ?? simulator().apiKey;
		let body: string | Buffer | undefined;
		if (Buffer.isBuffer(options.body)) {
			body = options.body;
			headers['content-type'] ??= 'application/octet-stream';
		} else if (options.body !== undefined) {
			body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
			headers['content-type'] ??= 'application/json';
		}
		const response = await request(`${simulator().url}${path}`, { method: method as 'GET', headers, body });
		const text = await response.body.text();
		return { status: response.statusCode, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
	};
}
