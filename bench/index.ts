/**
 * `npm run bench`: every figure the README quotes for speed, in one run — Create or Update against
 * n8n's HTTP Request node and the rate limit (throughput), 10,000 contacts through the import against
 * per-item upserts (bulk), and triggered upserts in a running n8n (requests per execution). Each part
 * also runs alone: bench:throughput, bench:bulk, bench:triggered. Exits 0 whatever the figures.
 */
import { bulkImport } from './bulkImport';
import { throughput } from './throughput';
import { triggeredUpserts } from './triggeredUpserts';

const parts: Array<[string, (log: (line: string) => void) => Promise<void>]> = [
	['throughput', throughput],
	['bulk', bulkImport],
	['triggered', triggeredUpserts],
];

async function main(): Promise<void> {
	for (const [name, run] of parts) {
		try {
			await run(console.log);
		} catch (error) {
			console.error(`The ${name} benchmark could not complete:`, error);
		}
	}
}

void main().finally(() => process.exit(0));
