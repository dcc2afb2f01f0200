import {
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
} from 'n8n-workflow';

import { np6ApiError } from './errors';
import { MEDIA_TYPE } from './mediaTypes';
import { pause } from './pause';
import { backoffMs, requestIdOf } from './rateLimit';
import { runContextOf } from './runContext';
import { WaitTooLong, type Slot } from './scheduler';

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
	/** A POST that only reads (e.g. an events query): safe to repeat after an ambiguous failure. */
	readOnly?: boolean;
	/** The JSON type NP6 answers with; a non-empty JSON answer of another type fails the request (see ANSWER_TYPES). */
	answers?: AnswerType;
	itemIndex?: number;
}

export interface Np6Response<T = unknown> {
	status: number;
	body: T;
	requestId?: string;
	/** A repeated DELETE answered 404: the attempt whose answer was lost had already deleted it. */
	deletedByEarlierAttempt?: boolean;
}

/** What NP6 answers: one object, a list, or either (a search answers one contact or a list of them). */
export type AnswerType = 'object' | 'list' | 'objectOrList';

const ANSWER_TYPES: Record<AnswerType, { accepts: (body: unknown) => boolean; expected: string }> = {
	object: { accepts: (body) => isObject(body), expected: 'an object' },
	list: { accepts: Array.isArray, expected: 'an array' },
	objectOrList: { accepts: (body) => isObject(body) || Array.isArray(body), expected: 'an object or an array' },
};

/** Repeating these cannot do anything twice, so they are retried after ambiguous failures. */
const IDEMPOTENT = new Set<string>(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const MAX_FAILURE_RETRIES = 3;
/** A request refused this often is failed even within its wait budget: NP6 is not letting it through. */
const MAX_REFUSALS = 30;
const NOT_REPEATED =
	'NP6 may or may not have carried out this request. It was not repeated, because repeating a POST could do it twice (for a send: a second message).';

/**
 * The one way NP6 is called. Every request takes its turn from the scheduler of its credential (bounded
 * concurrency, paced to NP6's rate limit), then n8n's request helper adds the credential's auth. Adds
 * media types and Content-Length, rides out 429s within the wait budget of one request, retries
 * idempotent requests after 5xx/timeouts/connection errors, and maps failures to NodeApiError.
 */
export async function np6ApiRequest<T = unknown>(this: Np6Context, request: Np6Request): Promise<Np6Response<T>> {
	const run = await runContextOf(this);
	const { settings, scheduler, signal } = run;
	const options = buildOptions(run.baseUrl, request, settings.timeoutMs);
	const fail = (details: { status?: number; requestId?: string; meaning?: string; hint?: string }) =>
		np6ApiError(this.getNode(), {
			...details,
			meaning: details.meaning ?? (details.status ? request.meanings?.[details.status] : undefined),
			method: request.method,
			path: request.path,
			itemIndex: request.itemIndex,
		});
	const idempotent = request.readOnly === true || IDEMPOTENT.has(request.method);
	let waitedMs = 0;
	let refusals = 0;
	let failures = 0;
	const stopped = () => fail({ meaning: 'the execution was stopped before NP6 was asked' });
	const retryAfterFailure = async () =>
		await pause(backoffMs(failures++, Math.random, 500, 8_000), signal).catch(() => {
			throw stopped();
		});

	for (;;) {
		let slot: Slot;
		try {
			slot = await scheduler.acquire({ maxConcurrent: settings.maxConcurrent, budgetMs: settings.waitBudgetMs - waitedMs, signal });
		} catch (error) {
			if (!(error instanceof WaitTooLong)) throw stopped();
			throw fail({
				status: 429,
				hint: `${refusals ? `NP6 refused this request ${refusals} time(s) for its rate limit. ` : ''}Waiting ${seconds(error.waitMs)} more would exceed the rate-limit wait budget of ${seconds(settings.waitBudgetMs)} for one request (${seconds(waitedMs + error.waitedMs)} already waited); raise "Request Options → Rate Limit Wait Budget" or slow the workflow down.`,
			});
		}
		waitedMs += slot.waitedMs;

		let response: { statusCode: number; headers: Record<string, unknown>; body: unknown };
		try {
			response = await this.helpers.httpRequestWithAuthentication.call(this, 'np6Api', options, {
				credentialsDecrypted: run.credentials,
			});
		} catch (error) {
			slot.release();
			if (signal?.aborted) throw fail({ meaning: 'the execution was stopped while NP6 was answering' });
			const meaning = describeTransportFailure(error);
			if (idempotent && failures < MAX_FAILURE_RETRIES) {
				await retryAfterFailure();
				continue;
			}
			throw fail({ meaning, hint: idempotent ? `Tried ${failures + 1} times.` : NOT_REPEATED });
		}

		const { statusCode: status, headers } = response;
		const requestId = requestIdOf(headers);
		if (status === 429) refusals++;
		scheduler.observe(status, headers, slot.sentAt, refusals);
		slot.release();

		if (status === 429) {
			if (refusals >= MAX_REFUSALS) {
				throw fail({ status, requestId, hint: `NP6 refused this request ${refusals} times in a row for its rate limit; it was not tried again.` });
			}
			continue;
		}
		if (status >= 500 && idempotent && failures < MAX_FAILURE_RETRIES) {
			await retryAfterFailure();
			continue;
		}
		// An earlier attempt may have deleted it before its answer was lost: gone is what was asked.
		if (status === 404 && request.method === 'DELETE' && failures > 0) {
			return { status, body: undefined as T, requestId, deletedByEarlierAttempt: true };
		}
		if (status >= 400 && !request.expectedStatuses?.includes(status)) {
			throw fail({ status, requestId, hint: status >= 500 ? (idempotent ? `Tried ${failures + 1} times.` : NOT_REPEATED) : undefined });
		}

		const parsed = parseBody(response.body, headers);
		if (parsed === MALFORMED) {
			if (idempotent && failures < MAX_FAILURE_RETRIES) {
				await retryAfterFailure();
				continue;
			}
			throw fail({ requestId, meaning: `NP6 answered HTTP ${status} with a body that is not valid JSON`, hint: idempotent ? `Tried ${failures + 1} times.` : NOT_REPEATED });
		}
		const answerType = request.answers ? ANSWER_TYPES[request.answers] : undefined;
		if (answerType && parsed !== undefined && isJson(headers) && !answerType.accepts(parsed)) {
			// Valid JSON of the wrong type: NP6 said it succeeded, so repeating could do it twice, and the answer is unusable.
			throw fail({
				requestId,
				meaning: `NP6 answered HTTP ${status} with ${jsonTypeOf(parsed)} where ${answerType.expected} was expected`,
				hint: idempotent
					? undefined
					: `NP6 answered ${status}, so it carried out this request, but its answer cannot be used. It was not repeated, because repeating a POST could do it twice: check in NP6 before running it again.`,
			});
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

const MALFORMED = Symbol('malformed');

const isObject = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);
const isJson = (headers: Record<string, unknown>) => /json/i.test(String(Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? ''));

/** "an array", "a string", "null": for the error of an answer of the wrong type. */
function jsonTypeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	const type = typeof value;
	return `${type === 'object' ? 'an' : 'a'} ${type}`;
}

function parseBody(body: unknown, headers: Record<string, unknown>): unknown {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : undefined;
	if (text === undefined) return body;
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return isJson(headers) ? MALFORMED : text;
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
