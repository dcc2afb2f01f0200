import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { CatalogueOperation } from '../catalogue';
import { FaultInjector, type FaultRule } from './faults';
import { idsWellFormed } from './identifiers';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitConfig } from './rateLimiter';
import { RequestLog, type LoggedRequest } from './requestLog';
import { Router } from './router';
import type { Query, SectionHandlers, SimReply, SimRequest } from './types';

export interface ServerOptions {
	apiKeys: string[];
	operations: CatalogueOperation[];
	sections: SectionHandlers[];
	/** Undefined: the default limiter (DEFAULT_RATE_LIMIT); null: no limiter, no rate-limit header. */
	rateLimit?: RateLimitConfig | null;
	faultSeed?: number;
	/** Round trip added to every NP6 request, half each way (default 0). */
	latencyMs?: number;
	/** Control endpoints under /_simulator for a simulator running in another process. */
	control?: (request: ControlRequest) => SimReply | undefined;
}

export interface ControlRequest {
	method: string;
	path: string;
	body: unknown;
}

/**
 * The HTTP pipeline every simulated NP6 request goes through, in NP6's order of refusals: key (401),
 * rate limit (429), route (404/405, 400 without a required query key), id formats (404), body (411/415/400), faults, then the section.
 */
export class SimulatorServer {
	readonly log = new RequestLog();
	readonly faults: FaultInjector;
	readonly router: Router;
	private limiter?: RateLimiter;
	private latencyMs = 0;
	private readonly server: Server;

	constructor(private readonly options: ServerOptions) {
		this.router = new Router(options.operations, options.sections);
		this.faults = new FaultInjector(options.faultSeed);
		this.setRateLimit(options.rateLimit);
		this.setLatency(options.latencyMs ?? 0);
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => {
				console.error('simulator: unexpected error', error);
				if (!res.headersSent) res.writeHead(500).end();
			});
		});
	}

	/**
	 * Undefined goes back to the default limiter (DEFAULT_RATE_LIMIT), null turns the limiter off. Throws
	 * on an invalid config (see rateLimitConfigProblem); a change's afterMs counts from now.
	 */
	setRateLimit(config: RateLimitConfig | null | undefined): void {
		this.limiter = config === null ? undefined : new RateLimiter(config ?? DEFAULT_RATE_LIMIT);
	}

	/** Applies to requests from their next leg on, including those in flight. */
	setLatency(ms: number): void {
		if (!Number.isFinite(ms) || ms < 0) throw new Error(`latency must be a number of ms ≥ 0, got ${ms}`);
		this.latencyMs = ms;
	}

	addFault(rule: FaultRule): void {
		this.faults.add(rule);
	}

	async listen(port = 0, host = '127.0.0.1'): Promise<string> {
		await new Promise<void>((resolve) => this.server.listen(port, host, resolve));
		const address = this.server.address() as AddressInfo;
		return `http://${host}:${address.port}`;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://simulator');
		const method = (req.method ?? 'GET').toUpperCase();
		const raw = await readBody(req);

		if (url.pathname.startsWith('/_simulator/') && this.options.control) {
			const reply = this.options.control({ method, path: url.pathname, body: parseJson(raw) }) ?? { status: 404 };
			return send(res, randomUUID(), reply);
		}

		await this.travel('toNp6');
		const requestId = randomUUID();
		const query = toQuery(url.searchParams);
		const entry = this.log.add({ requestId, at: Date.now(), method, path: url.pathname, query, handled: false });
		const answer = async (reply: SimReply) => {
			entry.status = reply.status;
			await this.travel('back');
			send(res, requestId, reply);
		};

		const apiKey = header(req, 'x-key');
		if (!apiKey || !this.options.apiKeys.includes(apiKey)) return answer({ status: 401 });

		let rateHeaders: Record<string, string> = {};
		if (this.limiter) {
			const verdict = this.limiter.check(apiKey);
			rateHeaders = verdict.headers;
			if (!verdict.allowed) {
				entry.interference = 'rateLimited';
				return answer({ status: 429, headers: rateHeaders });
			}
		}
		const withRate = (reply: SimReply): SimReply => ({ ...reply, headers: { ...rateHeaders, ...reply.headers } });

		const route = this.router.match(method, url.pathname, query);
		if (route === undefined) return answer(withRate({ status: 404 }));
		if (route === null) return answer(withRate({ status: 405 }));
		entry.operation = route.operation.key;
		if (route.missingQuery) return answer(withRate({ status: 400 }));
		if (!idsWellFormed(route.operation, route.params, query)) return answer(withRate({ status: 404 }));

		const checked = checkBody(req, method, raw, route.operation);
		if ('refusal' in checked) return answer(withRate({ status: checked.refusal }));
		entry.body = Buffer.isBuffer(checked.body) ? checked.body.length : checked.body;

		const target = { operation: route.operation.key, method, path: url.pathname };
		const before = this.faults.pick(target, 'before');
		if (before) {
			entry.interference = before.kind;
			if (before.kind === 'delay') await wait(before.delayMs ?? 0);
			else return this.applyFault(before, res, requestId, entry, answer);
		}

		const request: SimRequest = {
			requestId,
			method,
			path: url.pathname,
			query,
			params: route.params,
			headers: req.headers,
			body: checked.body,
			operation: route.operation,
			apiKey,
		};
		const reply = await route.handler(request);
		entry.handled = true;

		const after = this.faults.pick(target, 'after');
		if (after) {
			entry.interference = after.kind;
			if (after.kind === 'delay') await wait(after.delayMs ?? 0);
			else if (after.kind === 'partial') return answer(withRate(Array.isArray(reply.body) ? { ...reply, body: reply.body.slice(0, -1) } : reply));
			else return this.applyFault(after, res, requestId, entry, answer);
		}
		return answer(withRate(reply));
	}

	private async applyFault(
		rule: FaultRule,
		res: ServerResponse,
		requestId: string,
		entry: LoggedRequest,
		answer: (reply: SimReply) => Promise<void>,
	): Promise<void> {
		if (rule.kind === 'reset') {
			entry.status = 0;
			await this.travel('back');
			res.socket?.destroy();
			return;
		}
		if (rule.kind === 'malformed') {
			entry.status = 200;
			await this.travel('back');
			res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': requestId });
			res.end('{"id": "000PKXK4", "fie');
			return;
		}
		if (rule.kind === 'body') return answer({ status: rule.status ?? 200, headers: rule.headers, body: rule.body });
		return answer({ status: rule.status ?? 503, headers: rule.headers });
	}

	/** Half the round trip per leg; no timer at all without latency, so answers keep their order. */
	private async travel(leg: 'toNp6' | 'back'): Promise<void> {
		const toNp6 = Math.floor(this.latencyMs / 2);
		const ms = leg === 'toNp6' ? toNp6 : this.latencyMs - toNp6;
		if (ms > 0) await wait(ms);
	}
}

const JSON_LIKE = /^application\/(json|.*\+json|vnd\.np6\.cm\.(email|sms|workflow-v4|email-v4))$/;

/**
 * 411 for a POST/PUT/PATCH without Content-Length; 415 for a body, whatever the method (a DELETE's or a
 * GET's too), whose media type the operation does not take: its catalogue `requestContentType`, or
 * application/json, the catalogue's default for bodies, where it names none; 400 for bad JSON.
 */
function checkBody(
	req: IncomingMessage,
	method: string,
	raw: Buffer,
	operation: CatalogueOperation,
): { refusal: number } | { body: unknown } {
	const writes = method === 'POST' || method === 'PUT' || method === 'PATCH';
	if (writes && req.headers['content-length'] === undefined) return { refusal: 411 };
	if (raw.length === 0) return { body: undefined };
	const mediaType = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
	const accepted = (operation.requestContentType ?? 'application/json').split('|').map((t) => t.trim());
	if (!accepted.includes(mediaType)) return { refusal: 415 };
	if (!JSON_LIKE.test(mediaType)) return { body: raw };
	const parsed = parseJson(raw);
	return parsed === INVALID ? { refusal: 400 } : { body: parsed };
}

const INVALID = Symbol('invalid JSON');

function parseJson(raw: Buffer): unknown {
	if (raw.length === 0) return undefined;
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return INVALID;
	}
}

function send(res: ServerResponse, requestId: string, reply: SimReply): void {
	const headers: Record<string, string> = { 'x-request-id': requestId, ...reply.headers };
	if (reply.body === undefined) {
		res.writeHead(reply.status, { ...headers, 'content-length': '0' }).end();
		return;
	}
	const payload = Buffer.from(JSON.stringify(reply.body));
	res
		.writeHead(reply.status, {
			...headers,
			'content-type': reply.contentType ?? 'application/json',
			'content-length': String(payload.length),
		})
		.end(payload);
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function toQuery(params: URLSearchParams): Query {
	const query: Query = {};
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key);
		query[key] = values.length === 1 ? values[0] : values;
	}
	return query;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
