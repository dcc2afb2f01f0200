import { catalogueOperations } from './catalogue';
import type { FaultRule } from './core/faults';
import type { RateLimitConfig } from './core/rateLimiter';
import { fail, ok } from './core/replies';
import { SimulatorServer, type ControlRequest } from './core/server';
import type { SimReply } from './core/types';
import { seed, type SeedName } from './seed';
import { sections } from './sections';
import { Np6State } from './state';

export const DEFAULT_API_KEY = 'sim-np6-key';

export interface SimulatorOptions {
	port?: number;
	host?: string;
	apiKeys?: string[];
	seed?: SeedName;
	contacts?: number;
	rateLimit?: RateLimitConfig;
	faultSeed?: number;
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
	const server: SimulatorServer = new SimulatorServer({
		apiKeys,
		operations: catalogueOperations,
		sections: sections.map((section) => section(state)),
		rateLimit: options.rateLimit,
		faultSeed: options.faultSeed,
		control: (request) => control(server, request),
	});
	const url = await server.listen(options.port ?? 0, options.host);
	return { url, apiKey: apiKeys[0], state, server, close: () => server.close() };
}

/** /_simulator/* lets another process (n8n, a benchmark) configure and inspect a running simulator. */
function control(server: SimulatorServer, request: ControlRequest): SimReply | undefined {
	const route = `${request.method} ${request.path}`;
	switch (route) {
		case 'GET /_simulator/requests':
			return ok(server.log.entries);
		case 'DELETE /_simulator/requests':
			server.log.clear();
			return ok({ cleared: true });
		case 'PUT /_simulator/rate-limit':
			server.setRateLimit((request.body as RateLimitConfig | null) ?? undefined);
			return ok({ rateLimit: request.body ?? null });
		case 'POST /_simulator/faults':
			if (!request.body || typeof request.body !== 'object') return fail(400);
			server.addFault(request.body as FaultRule);
			return ok(request.body);
		case 'DELETE /_simulator/faults':
			server.faults.clear();
			return ok({ cleared: true });
		default:
			return undefined;
	}
}
