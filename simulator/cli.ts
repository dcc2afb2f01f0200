import { parseArgs } from 'node:util';

import type { ResetFormat } from './core/rateLimiter';
import type { SeedName } from './seed';
import { DEFAULT_API_KEY, startSimulator } from './index';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.NP6_SIMULATOR_PORT ?? '5680' },
		host: { type: 'string', default: '127.0.0.1' },
		key: { type: 'string', default: process.env.NP6_SIMULATOR_KEY ?? DEFAULT_API_KEY },
		seed: { type: 'string', default: 'demo' },
		contacts: { type: 'string', default: '300' },
		'rate-limit': { type: 'string' },
		'reset-format': { type: 'string', default: 'epochMs' },
		'validation-delay': { type: 'string', default: '300' },
		help: { type: 'boolean', default: false },
	},
});

if (values.help) {
	console.log(`npm run simulator -- [--port 5680] [--key ${DEFAULT_API_KEY}] [--seed demo|fields|empty]
                      [--contacts 300] [--rate-limit <requests per second>] [--reset-format epochMs|epochSeconds|delaySeconds]
                      [--validation-delay <ms an action stays in state 30, default 300>]`);
	process.exit(0);
}

void (async () => {
	const rateLimit = values['rate-limit']
		? { limit: Number(values['rate-limit']), resetFormat: values['reset-format'] as ResetFormat }
		: undefined;
	const simulator = await startSimulator({
		port: Number(values.port),
		host: values.host,
		apiKeys: [values.key],
		seed: values.seed as SeedName,
		contacts: Number(values.contacts),
		rateLimit,
		validationDelayMs: Number(values['validation-delay']),
	});
	console.log(
		[
			`API key (X-Key): ${simulator.apiKey}`,
			`Rate limit: ${rateLimit ? `${rateLimit.limit} requests/s per key` : 'off'}`,
			`Request log: GET ${simulator.url}/_simulator/requests`,
			`NP6 simulator listening on ${simulator.url}`,
		].join('\n'),
	);
	const stop = () => void simulator.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})();
