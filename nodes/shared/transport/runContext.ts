import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';

import type { Np6Context } from './request';
import { schedulerFor, type RequestScheduler } from './scheduler';
import { readRequestSettings, type RequestSettings } from './settings';

export const DEFAULT_BASE_URL = 'https://api-cm.np6.com';

/** What every request of one node run shares: read once, not per request. */
export interface RunContext {
	baseUrl: string;
	/** Handed to n8n's request helper so it does not read and decrypt the credential again. */
	credentials: ICredentialsDecrypted;
	settings: RequestSettings;
	scheduler: RequestScheduler;
	signal?: AbortSignal;
}

const runs = new WeakMap<object, Promise<RunContext>>();

/** The run's shared request context; n8n gives each node run its own context object. */
export async function runContextOf(context: Np6Context): Promise<RunContext> {
	let run = runs.get(context);
	if (!run) {
		run = load(context);
		runs.set(context, run);
		// A failed read (no credential yet) is not remembered: the next request tries again.
		run.catch(() => runs.delete(context));
	}
	return await run;
}

/**
 * Whether the node has a credential that can be read. The editor asks for list options before one is
 * chosen (e.g. a node just added as an AI Agent tool): such requests get an empty list, not an error.
 */
export async function hasCredential(context: Np6Context): Promise<boolean> {
	if (!context.getNode().credentials?.np6Api) return false;
	try {
		await runContextOf(context);
		return true;
	} catch {
		return false;
	}
}

async function load(context: Np6Context): Promise<RunContext> {
	const data = (await context.getCredentials('np6Api')) as ICredentialDataDecryptedObject;
	const baseUrl = String(data.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const reference = context.getNode().credentials?.np6Api;
	return {
		baseUrl,
		credentials: { id: reference?.id ?? '', name: reference?.name ?? 'NP6 API', type: 'np6Api', data },
		settings: readRequestSettings(context),
		scheduler: schedulerFor(schedulerScope(baseUrl, String(data.apiKey))),
		signal: 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined,
	};
}

/** One scheduler per base URL and API key; the key is only kept as a hash. */
export function schedulerScope(baseUrl: string, apiKey: string): string {
	return `${baseUrl.replace(/\/+$/, '')} ${createHash('sha256').update(apiKey).digest('hex')}`;
}
