import { createHash } from 'crypto';
import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
} from 'n8n-workflow';

import { np6ApiError } from './errors';
import { MEDIA_TYPE } from './mediaTypes';
import { backoffMs, delayAfter429, rateLimitRemaining, rateLimitResetMs, requestIdOf } from './rateLimit';
import { readRequestSettings } from './settings';

export type Np6Context = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface Np6Request {
	method: IHttpRequestMethods;
	/** Path below the base URL, with ids already encoded, e.g. `/targets/000PKXK4`. */
	path: string;
	query?: IDataObject;
	/** JSON-serialisable data, or raw bytes (e.g. an import file). */
	body?: unknown;
	/** Request media type; `application/json` by default when there is a body. */
	contentType?: string;
	accept?: string;
	/** Extra headers, e.g. Content-Disposition for a file upload. Never X-Key: the credential adds it. */
	headers?: Record<string, string>;
	/** Statuses the caller handles itself (e.g. 409 = "already exists" on create): returned, not thrown. */
	expectedStatuses?: number[];
	/** What a status means for this operation, where NP6's general meaning is not precise enough. */
	meanings?: Partial<Record<number, string>>;
	itemIndex?: number;
}

export interface Np6Response<T = unknown> {
	status: number;
	body: T;
	requestId?: string;
}

/** Repeating these cannot do anything twice, so they are retried after ambiguous failures. */
const IDEMPOTENT = new Set<string>(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const MAX_FAILURE_RETRIES = 3;
const NOT_REPEATED =
	'NP6 may or may not have carried out this request. It was not repeated, because repeating a POST could do it twice (for a send: a second message).';

interface Credentials {
	apiKey: string;
	baseUrl?: string;
}

/** Per API key and base URL: when the next request may go, after NP6 said none remain. */
const pacing = new Map<string, number>();
/** Per node run: how long it has waited for the rate limit so far. */
const waitedPerRun = new WeakMap<object, { ms: number }>();

/**
 * The one way NP6 is called. Adds auth (via the credential), media types and Content-Length,
 * rides out 429s within the node's wait budget, paces when NP6 says no request remains, retries
 * idempotent requests after 5xx/timeouts/connection errors, and maps failures to NodeApiError.
 */
export async function np6ApiRequest<T = unknown>(this: Np6Context, request: Np6Request): Promise<Np6Response<T>> {
	const credentials = (await this.getCredentials('np6Api')) as unknown as Credentials;
	const baseUrl = (credentials.baseUrl || 'https://api-cm.np6.com').replace(/\/+$/, '');
	const scope = `${baseUrl} ${createHash('sha256').update(String(credentials.apiKey)).digest('hex')}`;
	const settings = readRequestSettings(this);
	const run = waitedPerRun.get(this) ?? { ms: 0 };
	waitedPerRun.set(this, run);
	const options = buildOptions(baseUrl, request, settings.timeoutMs);
	const fail = (details: { status?: number; requestId?: string; meaning?: string; hint?: string }) =>
		np6ApiError(this.getNode(), {
			...details,
			meaning: details.meaning ?? (details.status ? request.meanings?.[details.status] : undefined),
			method: request.method,
			path: request.path,
			itemIndex: request.itemIndex,
		});
	const waitFor = async (ms: number, reason: () => string) => {
		if (run.ms + ms > settings.waitBudgetMs) {
			throw fail({
				status: 429,
				hint: `${reason()} Waiting ${seconds(ms)} more would exceed the node's rate-limit wait budget of ${seconds(settings.waitBudgetMs)} (${seconds(run.ms)} already waited); raise "Request Options → Rate Limit Wait Budget" or slow the workflow down.`,
			});
		}
		run.ms += ms;
		await sleep(ms);
	};
	const idempotent = IDEMPOTENT.has(request.method);
	let rateLimited = 0;
	let failures = 0;

	for (;;) {
		const pauseMs = (pacing.get(scope) ?? 0) - Date.now();
		if (pauseMs > 0) await waitFor(pauseMs, () => 'NP6 said no request remains in its rate-limit window.');

		let response: { statusCode: number; headers: Record<string, unknown>; body: unknown };
		try {
			response = await this.helpers.httpRequestWithAuthentication.call(this, 'np6Api', options);
		} catch (error) {
			const meaning = describeTransportFailure(error);
			if (idempotent && failures < MAX_FAILURE_RETRIES) {
				await sleep(backoffMs(failures++, Math.random, 500, 8_000));
				continue;
			}
			throw fail({ meaning, hint: idempotent ? `Tried ${failures + 1} times.` : NOT_REPEATED });
		}

		const { statusCode: status, headers } = response;
		const requestId = requestIdOf(headers);
		notePacing(scope, headers);

		if (status === 429) {
			const delay = delayAfter429(headers, rateLimited++);
			await waitFor(delay, () => `NP6 refused the request ${rateLimited} time(s) for its rate limit.`);
			continue;
		}
		if (status >= 500 && idempotent && failures < MAX_FAILURE_RETRIES) {
			await sleep(backoffMs(failures++, Math.random, 500, 8_000));
			continue;
		}
		if (status >= 400 && !request.expectedStatuses?.includes(status)) {
			throw fail({ status, requestId, hint: status >= 500 ? (idempotent ? `Tried ${failures + 1} times.` : NOT_REPEATED) : undefined });
		}

		const parsed = parseBody(response.body, headers);
		if (parsed === MALFORMED) {
			if (idempotent && failures < MAX_FAILURE_RETRIES) {
				await sleep(backoffMs(failures++, Math.random, 500, 8_000));
				continue;
			}
			throw fail({ requestId, meaning: `NP6 answered HTTP ${status} with a body that is not valid JSON` });
		}
		return { status, body: parsed as T, requestId };
	}
}

function buildOptions(baseUrl: string, request: Np6Request, timeoutMs: number): IHttpRequestOptions {
	const headers: Record<string, string> = { Accept: request.accept ?? MEDIA_TYPE.json, ...request.headers };
	let body: string | Buffer | undefined;
	if (request.body !== undefined) {
		body = Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body);
		headers['Content-Type'] = request.contentType ?? MEDIA_TYPE.json;
	}
	// NP6 answers 411 to a POST/PUT without Content-Length, even with no body.
	if (body !== undefined || ['POST', 'PUT', 'PATCH'].includes(request.method)) {
		headers['Content-Length'] = String(body === undefined ? 0 : Buffer.byteLength(body));
	}
	return {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.query,
		arrayFormat: 'repeat',
		headers,
		body,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
	};
}

function notePacing(scope: string, headers: Record<string, unknown>): void {
	if (rateLimitRemaining(headers) !== 0) return;
	const resetMs = rateLimitResetMs(headers);
	if (resetMs !== undefined) pacing.set(scope, Date.now() + resetMs);
}

const MALFORMED = Symbol('malformed');

function parseBody(body: unknown, headers: Record<string, unknown>): unknown {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : undefined;
	if (text === undefined) return body;
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
		return /json/i.test(String(type ?? '')) ? MALFORMED : text;
	}
}

/** The network-level reason, without anything from the request (which carries the API key). */
function describeTransportFailure(error: unknown): string {
	const found = [error, (error as { cause?: unknown }).cause].map((e) => (e as { code?: string } | undefined)?.code);
	const code = found.find((c) => typeof c === 'string' && c.startsWith('E'));
	switch (code) {
		case 'ECONNABORTED':
		case 'ETIMEDOUT':
			return 'NP6 did not answer before the timeout';
		case 'ECONNRESET':
			return 'the connection to NP6 was reset before an answer arrived';
		case 'ECONNREFUSED':
			return 'NP6 refused the connection (is the base URL right?)';
		case 'ENOTFOUND':
			return "NP6's host name could not be resolved (is the base URL right?)";
		default:
			return `the connection to NP6 failed${code ? ` (${code})` : ''}`;
	}
}

function seconds(ms: number): string {
	return `${Math.round(ms / 100) / 10} s`;
}
