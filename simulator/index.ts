import { catalogueOperations } from './catalogue';
import type { FaultRule } from './core/faults';
import { rateLimitConfigProblem, type RateLimitConfig } from './core/rateLimiter';
import { fail, ok } from './core/replies';
import { SimulatorServer, type ControlRequest } from './core/server';
import type { SimReply } from './core/types';
import { parseInjection } from './injection';
import { seed, type SeedName } from './seed';
import { sections } from './sections';
import { Np6State } from './state';
import { ContactStore } from './state/contacts';
import { feedbackProblem } from './state/events';

export const DEFAULT_API_KEY = 'sim-np6-key';

export interface SimulatorOptions {
	port?: number;
	host?: string;
	apiKeys?: string[];
	seed?: SeedName;
	contacts?: number;
	/** Without it, a limit of 10,000 requests per second per key with the X-RateLimit-* headers; false: no limiter. */
	rateLimit?: RateLimitConfig | false;
	faultSeed?: number;
	/** Round trip added to every NP6 request, half before it reaches NP6, half before its answer (default 0). */
	latencyMs?: number;
	/** How long validation phase 1 keeps an action in state 30 before 38 (default 300 ms). */
	validationDelayMs?: number;
}

export interface Simulator {
	url: string;
	apiKey: string;
	state: Np6State;
	server: SimulatorServer;
	close(): Promise<void>;
}

/** Starts an in-memory NP6 on loopback. Port 0 (the default) picks a free port. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const apiKeys = options.apiKeys ?? [DEFAULT_API_KEY];
	const state = new Np6State();
	seed(state, options.seed ?? 'fields', options.contacts);
	if (options.validationDelayMs !== undefined) state.actions.validationDelayMs = options.validationDelayMs;
	const server: SimulatorServer = new SimulatorServer({
		apiKeys,
		operations: catalogueOperations,
		sections: sections.map((section) => section(state)),
		rateLimit: options.rateLimit === false ? null : options.rateLimit,
		faultSeed: options.faultSeed,
		latencyMs: options.latencyMs,
		control: (request) => control(server, state, request),
	});
	const url = await server.listen(options.port ?? 0, options.host);
	return { url, apiKey: apiKeys[0], state, server, close: () => server.close() };
}

/** /_simulator/* lets another process (n8n, a benchmark) configure and inspect a running simulator. */
function control(server: SimulatorServer, state: Np6State, request: ControlRequest): SimReply | undefined {
	const route = `${request.method} ${request.path}`;
	switch (route) {
		case 'GET /_simulator/requests':
			return ok(server.log.entries);
		case 'DELETE /_simulator/requests':
			server.log.clear();
			return ok({ cleared: true });
		// A RateLimitConfig, e.g. `{"limit":5,"resetFormat":"retryAfter","change":{"limit":2,"afterMs":10000}}`, or null
		// (or no body) for no limiter at all.
		case 'PUT /_simulator/rate-limit': {
			const config = request.body ?? null;
			const problem = config === null ? undefined : rateLimitConfigProblem(config);
			if (problem) return badControlRequest(problem);
			server.setRateLimit(config as RateLimitConfig | null);
			return ok({ rateLimit: config });
		}
		// `{"ms": 200}`: the round trip added to every NP6 request from now on.
		case 'PUT /_simulator/latency': {
			const ms = (request.body as { ms?: unknown } | null)?.ms;
			if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return badControlRequest('expected {"ms": <number ≥ 0>}');
			server.setLatency(ms);
			return ok({ ms });
		}
		case 'POST /_simulator/faults':
			if (!request.body || typeof request.body !== 'object') return fail(400);
			server.addFault(request.body as FaultRule);
			return ok(request.body);
		case 'DELETE /_simulator/faults':
			server.faults.clear();
			return ok({ cleared: true });
		case 'GET /_simulator/deliveries':
			return ok(state.deliveries.all);
		case 'GET /_simulator/events':
			return ok(state.events.query());
		// Feedback on a delivery or a display activation, see `parseInjection`: the event published.
		case 'POST /_simulator/events':
			return injectEvent(state, request.body);
		default:
			return undefined;
	}
}

/** Unlike NP6's empty error bodies, a control request that is refused says why. */
const badControlRequest = (error: string): SimReply => ({ status: 400, body: { error } });

function injectEvent(state: Np6State, body: unknown): SimReply {
	const injection = parseInjection(body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {});
	if (typeof injection === 'string') return badControlRequest(injection);
	if ('display' in injection) {
		const { contentId, contactId, at } = injection.display;
		const content = state.display.contents.get(contentId);
		const contact = state.contacts.byId.get(contactId);
		return content && contact ? ok(state.events.recordDisplayActivation(content, ContactStore.footprint(contact), at)) : fail(404);
	}
	const delivery = state.deliveries.get(injection.messageId);
	if (!delivery) return fail(404);
	const problem = feedbackProblem(delivery, injection.feedback);
	return problem ? badControlRequest(problem) : ok(state.events.inject(delivery, injection.feedback));
}
