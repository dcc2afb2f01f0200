import type { SimReply } from './types';

/** NP6 error bodies are empty: only the status and the x-request-id tell what happened. */
export const fail = (status: number): SimReply => ({ status });

export const ok = (body: unknown, contentType = 'application/json'): SimReply => ({
	status: 200,
	body,
	contentType,
});

export const noContent = (): SimReply => ({ status: 204 });
