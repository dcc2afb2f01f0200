import { parseArgs } from 'node:util';

import { DEFAULT_RATE_LIMIT, RESET_FORMATS, rateLimitConfigProblem, type LimitChange, type RateLimitConfig, type ResetFormat } from './core/rateLimiter';
import type { SeedName } from './seed';
import { DEFAULT_API_KEY, type SimulatorOptions } from './index';

const SEEDS: SeedName[] = ['demo', 'fields', 'empty'];

export const CLI_HELP = `npm run simulator -- [options]

  --port <port>             default 5680 (or NP6_SIMULATOR_PORT); 0 picks a free port
  --host <host>             default 127.0.0.1
  --key <api key>           the X-Key to accept, default ${DEFAULT_API_KEY} (or NP6_SIMULATOR_KEY)
  --seed demo|fields|empty  default demo
  --contacts <n>            contacts the seed creates, default 300
  --validation-delay <ms>   how long an action stays in state 30, default 300
  --latency <ms>            round trip added to every NP6 request, half each way, default 0

Rate limiter (per API key, in fixed windows). Without --rate-limit: ${DEFAULT_RATE_LIMIT.limit} requests
per ${DEFAULT_RATE_LIMIT.windowMs} ms, high enough never to slow a client, with the ${DEFAULT_RATE_LIMIT.resetFormat} headers:
  --no-rate-limit           no limiter at all, so no rate-limit header either
  --rate-limit <n>          requests allowed per window
  --window <ms>             the window, default 1000
  --reset-format <format>   how the limiter tells its state, default epochMs:
                              epochMs|epochSeconds|delaySeconds  X-RateLimit-Limit/-Remaining/-Reset,
                                                                 Reset in that unit
                              retryAfter                         only Retry-After: <seconds>, on a 429
                              none                               no rate-limit header at all
  --limit-change <limit>@<n>s|<limit>@<n>r
                            the limit becomes <limit> after <n> seconds (5@10s)
                            or after <n> allowed requests (5@200r)`;

/** A bad command line; the CLI prints the message and exits with status 2. */
export class UsageError extends Error {}

export type CliCommand = { help: true } | { help: false; options: SimulatorOptions };

export function parseCliArgs(args: string[], env: NodeJS.ProcessEnv = process.env): CliCommand {
	const values = readArgs(args);
	if (values.help) return { help: true };
	const rateLimit = readRateLimit(values);
	const seed = values.seed as SeedName;
	if (!SEEDS.includes(seed)) throw new UsageError(`--seed must be one of ${SEEDS.join(', ')}, got "${values.seed}"`);
	return {
		help: false,
		options: {
			port: wholeNumber('--port', values.port ?? env.NP6_SIMULATOR_PORT ?? '5680'),
			host: values.host,
			apiKeys: [values.key ?? env.NP6_SIMULATOR_KEY ?? DEFAULT_API_KEY],
			seed,
			contacts: wholeNumber('--contacts', values.contacts),
			rateLimit,
			latencyMs: wholeNumber('--latency', values.latency),
			validationDelayMs: wholeNumber('--validation-delay', values['validation-delay']),
		},
	};
}

function readArgs(args: string[]) {
	try {
		return parseArgs({
			args,
			options: {
				port: { type: 'string' },
				host: { type: 'string', default: '127.0.0.1' },
				key: { type: 'string' },
				seed: { type: 'string', default: 'demo' },
				contacts: { type: 'string', default: '300' },
				'validation-delay': { type: 'string', default: '300' },
				latency: { type: 'string', default: '0' },
				'rate-limit': { type: 'string' },
				'no-rate-limit': { type: 'boolean', default: false },
				window: { type: 'string' },
				'reset-format': { type: 'string' },
				'limit-change': { type: 'string' },
				help: { type: 'boolean', default: false },
			},
		}).values;
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}

/** Undefined: the default limiter; false: none (--no-rate-limit). */
function readRateLimit(values: ReturnType<typeof readArgs>): RateLimitConfig | false | undefined {
	const limiterFlags = ['window', 'reset-format', 'limit-change'] as const;
	if (values['no-rate-limit']) {
		const configured = (['rate-limit', ...limiterFlags] as const).find((flag) => values[flag] !== undefined);
		if (configured) throw new UsageError(`--no-rate-limit turns the limiter off: drop --${configured}`);
		return false;
	}
	if (values['rate-limit'] === undefined) {
		const orphan = limiterFlags.find((flag) => values[flag] !== undefined);
		if (orphan) throw new UsageError(`--${orphan} configures the rate limiter: add --rate-limit <n>`);
		return undefined;
	}
	const resetFormat = values['reset-format'] ?? 'epochMs';
	if (!RESET_FORMATS.includes(resetFormat as ResetFormat)) {
		throw new UsageError(`--reset-format must be one of ${RESET_FORMATS.join('|')}, got "${resetFormat}"`);
	}
	const config: RateLimitConfig = {
		limit: wholeNumber('--rate-limit', values['rate-limit']),
		windowMs: wholeNumber('--window', values.window ?? '1000'),
		resetFormat: resetFormat as ResetFormat,
	};
	if (config.windowMs === 0) throw new UsageError('--window must be at least 1 ms');
	if (values['limit-change'] !== undefined) config.change = parseLimitChange(values['limit-change']);
	const problem = rateLimitConfigProblem(config);
	if (problem) throw new UsageError(`invalid rate limit: ${problem}`);
	return config;
}

/** `5@10s`: the limit becomes 5 ten seconds after start; `5@200r`: after 200 allowed requests. */
export function parseLimitChange(text: string): LimitChange {
	const parsed = /^(\d+)@(\d+(?:\.\d+)?)(s|r)$/.exec(text.trim());
	if (!parsed || (parsed[3] === 'r' && parsed[2].includes('.'))) {
		throw new UsageError(
			`--limit-change must be <limit>@<seconds>s or <limit>@<allowed requests>r (e.g. 5@10s, 5@200r), got "${text}"`,
		);
	}
	const limit = Number(parsed[1]);
	const after = Number(parsed[2]);
	return parsed[3] === 's' ? { limit, afterMs: Math.round(after * 1000) } : { limit, afterRequests: after };
}

function wholeNumber(flag: string, text: string): number {
	if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag} must be a whole number ≥ 0, got "${text}"`);
	return Number(text);
}
