/**
 * `npm run bench:bulk` (and in `npm run bench`): 10,000 contacts through NP6 Contact → Create or Update Many (Import), chunks of
 * 5,000, against the per-item Create or Update, at the same simulator rate limit (10 requests/s, as
 * `npm run bench` sets it: `server.setRateLimit` right before the run). The per-item run would take
 * ~17 minutes at that limit, so it is measured on a sample (BULK_SAMPLE, default 500) and extrapolated
 * linearly to 10,000, which the output says. BULK_SAMPLE=10000 measures it in full.
 * Exits 0 whatever the figures: it is a benchmark, not a test.
 */
import { startSimulator, type Simulator } from '../simulator';
import { PACKAGE, runChain } from '../test/harness/engine';
import { people, type Person } from './throughput/people';

const CONTACTS = 10_000;
const CHUNK_SIZE = 5_000;
const LIMIT = 10;
const SAMPLE = Number(process.env.BULK_SAMPLE ?? 500) || 500;
const FIELDS = { mappingMode: 'defineBelow', value: { Email: '={{ $json.email }}', City: '={{ $json.city }}' } };

interface Measured {
	seconds: number;
	/** Import-flow requests per chunk, in order, as catalogue keys. */
	chunks: string[][];
	requests: number;
	failedItems: number;
	stored: number;
}

async function measure(operation: 'upsert' | 'upsertMany', written: Person[]): Promise<Measured> {
	const simulator: Simulator = await startSimulator({ seed: 'fields', rateLimit: false });
	try {
		simulator.server.log.clear();
		simulator.server.setRateLimit({ limit: LIMIT, resetFormat: 'epochMs' });
		const node = {
			name: 'NP6',
			type: `${PACKAGE}.np6Contact`,
			continueOnFail: true,
			parameters: { resource: 'contact', operation, fields: FIELDS, ...(operation === 'upsertMany' ? { options: { chunkSize: CHUNK_SIZE } } : {}) },
		};
		const result = await runChain(simulator, [node], written);
		const run = result.nodes.NP6;
		const answered = simulator.server.log.entries.filter((e) => e.interference !== 'rateLimited');
		const imports = answered.filter((e) => e.operation?.startsWith('import')).map((e) => e.operation!);
		const chunks: string[][] = [];
		// The binding and import definition come before the first upload: they count with the first chunk.
		for (const key of imports) {
			if (chunks.length === 0 || (key === 'import.uploadSource' && chunks[chunks.length - 1].includes(key))) chunks.push([]);
			chunks[chunks.length - 1].push(key);
		}
		const city = simulator.state.fields.byName('City')!.id;
		const stored = written.filter((p) => simulator.state.contacts.find({ unicity: p.email })?.fields[String(city)] === p.city).length;
		return {
			seconds: (run?.executionTime ?? 0) / 1000,
			chunks,
			requests: answered.length,
			failedItems: run?.error ? written.length : (run?.items ?? []).filter((i) => i.json.error !== undefined).length,
			stored,
		};
	} finally {
		await simulator.close();
	}
}

export async function bulkImport(log: (line: string) => void = console.log): Promise<void> {
	log(`\nBulk vs per item, simulator limit ${LIMIT} requests/s (epochMs reset), loopback, import delay 300 ms`);
	const bulk = await measure('upsertMany', people(CONTACTS, 'bulk'));
	log(
		`\nCreate or Update Many (Import): ${CONTACTS} contacts, chunks of ${CHUNK_SIZE}: ${bulk.seconds.toFixed(2)} s, ${bulk.requests} requests in all,` +
			` ${bulk.stored}/${CONTACTS} stored with their City, ${bulk.failedItems} failed chunks`,
	);
	bulk.chunks.forEach((chunk, i) => log(`  chunk ${i + 1}${i === 0 ? ' (with the run\'s binding + import definition)' : ''}: ${chunk.length} requests: ${chunk.join(', ')}`));
	const setup = bulk.requests - bulk.chunks.flat().length;
	log(`  other requests (field list): ${setup}`);

	const sampleSize = Math.min(SAMPLE, CONTACTS);
	const perItem = await measure('upsert', people(sampleSize, 'item'));
	const perItemFull = (perItem.seconds * CONTACTS) / sampleSize;
	const extrapolated = sampleSize < CONTACTS;
	log(
		`\nCreate or Update, per item: ${sampleSize} contacts: ${perItem.seconds.toFixed(2)} s, ${perItem.requests} requests, ${perItem.stored}/${sampleSize} stored` +
			(extrapolated ? `\n  extrapolated linearly to ${CONTACTS} contacts (not measured): ${perItemFull.toFixed(0)} s, ~${Math.round((perItem.requests * CONTACTS) / sampleSize)} requests` : ''),
	);
	const ratio = bulk.seconds / perItemFull;
	const worstChunk = Math.max(...bulk.chunks.map((chunk) => chunk.length));
	log('\nAcceptance');
	log(`  requests per chunk of ${CHUNK_SIZE} (the first with binding + import definition): ${bulk.chunks.map((c) => c.length).join(', ')} — ${worstChunk <= 10 ? 'PASS' : 'FAIL'} (≤ 10)`);
	log(`  time bulk / per item${extrapolated ? ' (per item extrapolated)' : ''}: ${ratio.toFixed(4)} = 1/${(1 / ratio).toFixed(0)} — ${ratio <= 1 / 20 ? 'PASS' : 'FAIL'} (≤ 1/20)`);
}

if (require.main === module) {
	bulkImport()
		.catch((error: unknown) => console.error('The benchmark could not complete:', error))
		.finally(() => process.exit(0));
}
