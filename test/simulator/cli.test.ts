/** `npm run simulator`'s flags: read and checked, then applied by a simulator in its own process. */
import { request } from 'undici';

import { parseCliArgs, parseLimitChange, UsageError } from '../../simulator/cliOptions';
import { runCliSimulatorToExit, startCliSimulator } from '../harness/cliSimulator';
import { inOneWindow } from './limiterWindow';

const optionsOf = (args: string[]) => {
	const command = parseCliArgs(args, {});
	if (command.help) throw new Error('expected options, got --help');
	return command.options;
};

describe('reading the flags', () => {
	test('--latency, --window, --reset-format and --limit-change make the options', () => {
		const args = ['--rate-limit', '10', '--window', '250', '--reset-format', 'retryAfter', '--limit-change', '5@10s', '--latency', '80'];
		expect(optionsOf(args)).toMatchObject({
			latencyMs: 80,
			rateLimit: { limit: 10, windowMs: 250, resetFormat: 'retryAfter', change: { limit: 5, afterMs: 10_000 } },
		});
	});

	test('defaults: no latency, the default limiter; with --rate-limit a 1000 ms window and epochMs headers', () => {
		expect(optionsOf([])).toMatchObject({ latencyMs: 0, rateLimit: undefined, port: 5680 });
		expect(optionsOf(['--rate-limit', '5']).rateLimit).toEqual({ limit: 5, windowMs: 1000, resetFormat: 'epochMs' });
	});

	test('--no-rate-limit: no limiter at all', () => {
		expect(optionsOf(['--no-rate-limit']).rateLimit).toBe(false);
	});

	test.each([
		['5@10s', { limit: 5, afterMs: 10_000 }],
		['5@0.5s', { limit: 5, afterMs: 500 }],
		['5@200r', { limit: 5, afterRequests: 200 }],
		['0@3r', { limit: 0, afterRequests: 3 }],
	])('--limit-change %s', (text, change) => {
		expect(parseLimitChange(text)).toEqual(change);
	});

	test.each([
		[['--rate-limit', '5', '--limit-change', '5@10'], /--limit-change must be <limit>@<seconds>s or <limit>@<allowed requests>r/],
		[['--rate-limit', '5', '--limit-change', '5@10m'], /--limit-change must be/],
		[['--rate-limit', '5', '--limit-change', '@10s'], /--limit-change must be/],
		[['--rate-limit', '5', '--limit-change', '5@1.5r'], /--limit-change must be/],
		[['--limit-change', '5@10s'], /--limit-change configures the rate limiter: add --rate-limit/],
		[['--window', '500'], /--window configures the rate limiter/],
		[['--no-rate-limit', '--rate-limit', '5'], /--no-rate-limit turns the limiter off: drop --rate-limit/],
		[['--no-rate-limit', '--reset-format', 'none'], /--no-rate-limit turns the limiter off: drop --reset-format/],
		[['--rate-limit', '5', '--window', '0'], /--window must be at least 1 ms/],
		[['--rate-limit', '5', '--window', 'fast'], /--window must be a whole number/],
		[['--rate-limit', '5', '--reset-format', 'iso'], /--reset-format must be one of epochMs\|epochSeconds\|delaySeconds\|retryAfter\|none/],
		[['--rate-limit', 'many'], /--rate-limit must be a whole number/],
		[['--latency', '1e3'], /--latency must be a whole number/],
		[['--seed', 'full'], /--seed must be one of/],
		[['--turbo'], /Unknown option '--turbo'/],
	])('refuses %j', (args, message) => {
		expect(() => parseCliArgs(args, {})).toThrow(UsageError);
		expect(() => parseCliArgs(args, {})).toThrow(message);
	});
});

describe('the program', () => {
	test('exits with status 2 and says why on a bad --limit-change, without starting', async () => {
		const exit = await runCliSimulatorToExit(['--port', '0', '--rate-limit', '5', '--limit-change', '5@ten']);
		expect(exit.code).toBe(2);
		expect(exit.stderr).toMatch(/--limit-change must be .* got "5@ten"/);
		expect(exit.stdout).not.toMatch(/listening on/);
	});

	test('applies the new flags and says so in its startup lines', async () => {
		const args = ['--port', '0', '--seed', 'empty', '--latency', '200'];
		const limiter = ['--rate-limit', '1', '--window', '60000', '--reset-format', 'retryAfter', '--limit-change', '2@1r'];
		const simulator = await startCliSimulator([...args, ...limiter]);
		try {
			expect(simulator.startupLines).toContain(
				'Rate limit: 1 requests per 60000 ms per key, retryAfter headers; becomes 2 after 1 allowed requests',
			);
			expect(simulator.startupLines).toContain('Latency: 200 ms round trip');
			const get = async () => {
				const started = Date.now();
				const response = await request(`${simulator.url}/fields`, { headers: { 'X-Key': simulator.apiKey } });
				await response.body.text();
				return { status: response.statusCode, retryAfter: response.headers['retry-after'], ms: Date.now() - started };
			};
			// With its 2 s of room before the window ends, a ~0.6 s burst never needs the retry it could not survive.
			const answers = await inOneWindow(60_000, async () => [await get(), await get(), await get()]);
			expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
			expect(answers.map((a) => a.retryAfter)).toEqual([undefined, undefined, expect.stringMatching(/^\d+$/)]);
			answers.forEach((answer) => expect(answer.ms).toBeGreaterThanOrEqual(190));
		} finally {
			await simulator.stop();
		}
	});
});
