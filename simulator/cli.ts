import { CLI_HELP, parseCliArgs, UsageError, type CliCommand } from './cliOptions';
import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from './core/rateLimiter';
import { startSimulator } from './index';

function readCommand(): CliCommand {
	try {
		return parseCliArgs(process.argv.slice(2));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`simulator: ${error.message}\n(npm run simulator -- --help lists the options)`);
		process.exit(2);
	}
}

function describeRateLimit(option: RateLimitConfig | false | undefined): string {
	if (option === false) return 'off';
	const rateLimit = option ?? DEFAULT_RATE_LIMIT;
	const described = `${rateLimit.limit} requests per ${rateLimit.windowMs} ms per key, ${rateLimit.resetFormat} headers${option ? '' : ' (default)'}`;
	const change = rateLimit.change;
	if (!change) return described;
	const when = change.afterMs !== undefined ? `${change.afterMs / 1000} s` : `${change.afterRequests} allowed requests`;
	return `${described}; becomes ${change.limit} after ${when}`;
}

const command = readCommand();
if (command.help) {
	console.log(CLI_HELP);
	process.exit(0);
}

void (async () => {
	const options = command.options;
	const simulator = await startSimulator(options);
	console.log(
		[
			`API key (X-Key): ${simulator.apiKey}`,
			`Rate limit: ${describeRateLimit(options.rateLimit)}`,
			`Latency: ${options.latencyMs ? `${options.latencyMs} ms round trip` : 'none'}`,
			`Request log: GET ${simulator.url}/_simulator/requests`,
			`NP6 simulator listening on ${simulator.url}`,
		].join('\n'),
	);
	const stop = () => void simulator.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})();
