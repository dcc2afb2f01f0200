/**
 * `npm run bench:throughput` (and first in `npm run bench`): the NP6 Contact node's Create or Update measured side by side, in one process,
 * against n8n's HTTP Request node and a raw undici loop (no limit), and against the ideal a rate
 * limit allows (fixed limits per reset format and latency, a limit that drops, existing contacts).
 * Prints a table and acceptance lines, and draws docs/throughput.png. BENCH_SCALE=0.25 for a quick run.
 * Exits 0 whatever the figures: it is a benchmark, not a test.
 */
import { join } from 'node:path';

import { existingContacts, limitDrop, noLimit, rateLimited } from './throughput/cases';
import { CHROMIUM, renderChart } from './throughput/chart';
import { registerHttpRequestNode } from './throughput/httpRequestNode';
import { table, verdictLines, verdicts } from './throughput/report';
import type { Row } from './throughput/rows';

const CHART = join(__dirname, '..', 'docs', 'throughput.png');

export async function throughput(log: (line: string) => void = console.log): Promise<void> {
	const scale = process.env.BENCH_SCALE ?? '1';
	await registerHttpRequestNode(log);
	const started = Date.now();

	const rows: Row[] = [...(await noLimit(log)), ...(await rateLimited(log)), await limitDrop(log), await existingContacts(log)];

	log(`\nThroughput (BENCH_SCALE=${scale}, ${((Date.now() - started) / 1000).toFixed(0)} s in all)\n`);
	log(table(rows));
	log('\nAcceptance');
	log(verdictLines(verdicts(rows)));
	log(
		'\nseconds: n8n executionTime of the node (undici: wall time). ideal: rate-limited = requests answered (429s excluded) ÷ limit;' +
			'\nlimit drop = first 100 requests at 20/s + the rest at 5/s; no limit = the compared contender. lost: items with an error or' +
			'\nmissing + contacts missing or without the written City. dup: extra 2xx creates of one email + contacts beyond the expected count.' +
			"\nThe simulator's limiter uses fixed 1 s windows from the wall clock: the first window's quota goes at once, so a perfect client" +
			'\nfinishes up to one window before the ideal (ratios below 1.00).',
	);

	const subtitle = `BENCH_SCALE=${scale}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, simulator on loopback`;
	if (await renderChart(rows, CHART, subtitle)) log(`\nChart: docs/throughput.png`);
	else log(`\nNote: ${CHROMIUM} not found (apt-get install -y chromium, or set CHROMIUM_PATH); docs/throughput.png not drawn.`);
}

if (require.main === module) {
	throughput()
		.catch((error: unknown) => console.error('The benchmark could not complete:', error))
		.finally(() => process.exit(0));
}
