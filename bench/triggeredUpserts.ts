/**
 * Triggered upserts in a running n8n: the webhook variant of the sync-contacts example (one person per
 * call, so one item per execution) published in n8n 2.41.1 with the built package, NP6 (the simulator)
 * limited to LIMIT requests a second. For the example as shipped (Metadata Cache 60 s) and for a copy
 * with Metadata Cache 0 (every execution reads the field list, as before the cache): one cold call,
 * then CALLS calls at once, each a new contact. Prints NP6 requests per execution (counted on NP6's
 * side), contacts per second against the limit, and whether every contact was written exactly once.
 * Run alone with `npm run bench:triggered` (after `npm run build`); `npm run bench` runs it too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EXAMPLE_CREDENTIAL, EXAMPLES_DIR } from '../scripts/examples';
import { DEFAULT_N8N_VERSION, ensureN8nApp } from '../scripts/n8n/app';
import { N8nInstance } from '../scripts/n8n/instance';
import { testPort } from '../scripts/n8n/ports';
import { startSimulator, type Simulator } from '../simulator';
import { textTable, type Column } from './textTable';

const LIMIT = 10;
const CALLS = Number(process.env.TRIGGERED_CALLS ?? 40) || 40;
const PORT = testPort(5770);

interface WorkflowFile {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
	[key: string]: unknown;
}

interface Variant {
	label: string;
	metadataCacheSeconds?: number;
	url: string;
}

interface Row extends Phase {
	variant: Variant;
	phase: string;
}

const perExecution = (row: Row) => (row.requests / row.calls).toFixed(2);
const contactsPerSecond = (row: Row) => (row.calls / row.seconds).toFixed(2);

const COLUMNS: Array<Column<Row>> = [
	{ title: 'workflow', width: 50, cell: (row) => row.variant.label, left: true },
	{ title: 'calls', width: 16, cell: (row) => row.phase, left: true },
	{ title: 'answered', width: 8, cell: (row) => `${row.answered}/${row.calls}` },
	{ title: 'NP6 requests', width: 12, cell: (row) => String(row.requests) },
	{ title: 'per execution', width: 13, cell: perExecution },
	{ title: '429s', width: 4, cell: (row) => String(row.refused) },
	{ title: 'seconds', width: 7, cell: (row) => row.seconds.toFixed(2) },
	{ title: 'contacts/s', width: 10, cell: contactsPerSecond },
	{ title: 'written', width: 7, cell: (row) => `${row.written}/${row.calls}` },
	{ title: 'dup', width: 3, cell: (row) => String(row.duplicated) },
];

interface Phase {
	calls: number;
	answered: number;
	requests: number;
	refused: number;
	seconds: number;
	written: number;
	duplicated: number;
}

export async function triggeredUpserts(log: (line: string) => void = console.log): Promise<void> {
	await ensureN8nApp(DEFAULT_N8N_VERSION, log);
	const simulator = await startSimulator({ seed: 'demo', contacts: 20, rateLimit: { limit: LIMIT, windowMs: 1000, resetFormat: 'epochMs' } });
	const userFolder = mkdtempSync(join(tmpdir(), 'np6-bench-triggered-'));
	const n8n = new N8nInstance(userFolder, PORT, DEFAULT_N8N_VERSION);
	let output = '';
	try {
		n8n.installPackage();
		await n8n.importCredentials([{ ...EXAMPLE_CREDENTIAL, data: { apiKey: simulator.apiKey, baseUrl: simulator.url } }]);
		const variants: Variant[] = [
			await publish(n8n, 'example as shipped (Metadata Cache 60 s)', undefined),
			await publish(n8n, 'Metadata Cache 0 (lists read in every execution)', 0),
		];
		await n8n.start((text) => (output += text));
		for (const variant of variants) await n8n.waitForWebhook(variant.url);

		const rows: Row[] = [];
		for (const [index, variant] of variants.entries()) {
			const tag = `${index}-${Date.now().toString(36)}`;
			rows.push({ variant, phase: 'first call', ...(await phase(simulator, variant, [`cold-${tag}`], log)) });
			rows.push({ variant, phase: `next ${CALLS} at once`, ...(await phase(simulator, variant, Array.from({ length: CALLS }, (_, i) => `warm-${tag}-${i}`), log)) });
		}
		log(`\nTriggered upserts in a running n8n ${DEFAULT_N8N_VERSION} (webhook, one new contact per execution), NP6 limit ${LIMIT} requests/s\n`);
		log(textTable(COLUMNS, rows));
		const [warm, warmWithout] = [rows[1], rows[3]];
		log('\nAcceptance');
		log(`  requests per execution with a warm cache: ${perExecution(warm)} — ${warm.requests === warm.calls && warm.written === warm.calls ? 'PASS' : 'FAIL'} (= 1, every contact written)`);
		log(`  contacts per second at ${LIMIT} requests/s: ${contactsPerSecond(warm)} with the cache, ${contactsPerSecond(warmWithout)} with Metadata Cache 0`);
		log(
			'\nNP6 requests: answered ones (429s counted apart). seconds: from the first call to the last answer. written: contacts NP6 holds' +
				'\nwith the call\'s City; dup: contacts beyond one per address or more than one create or update of one address.',
		);
	} catch (error) {
		log(`The triggered bench could not complete: ${String(error)}\n${output.slice(-2000)}`);
	} finally {
		await n8n.stop();
		await simulator.close();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

/** Imports and publishes a copy of the sync-contacts webhook workflow, with its own id and path. */
async function publish(n8n: N8nInstance, label: string, metadataCacheSeconds: number | undefined): Promise<Variant> {
	const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'sync-contacts', 'webhook.json'), 'utf8')) as WorkflowFile;
	const suffix = metadataCacheSeconds === undefined ? 'shipped' : `cache-${metadataCacheSeconds}`;
	workflow.id = `benchTriggered${suffix.replace(/\W/g, '')}`;
	workflow.name = `${workflow.name} (${label})`;
	const webhook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	const upsert = workflow.nodes.find((node) => node.type === 'n8n-nodes-np6.np6Contact');
	if (!webhook || !upsert) throw new Error('examples/sync-contacts/webhook.json has no Webhook or NP6 Contact node');
	webhook.parameters.path = `bench-triggered-${suffix}`;
	if (metadataCacheSeconds !== undefined) upsert.parameters.requestOptions = { metadataCache: metadataCacheSeconds };
	await n8n.importWorkflowData(workflow);
	await n8n.publishWorkflow(workflow.id);
	return { label, metadataCacheSeconds, url: `${n8n.url}/webhook/${String(webhook.parameters.path)}` };
}

/** Calls the webhook once per label at once, each with a new contact; NP6's side says what it cost. */
async function phase(simulator: Simulator, variant: Variant, labels: string[], log: (line: string) => void): Promise<Phase> {
	const people = labels.map((label) => ({ email: `bench.${label}@example.com`, firstName: 'Bench', lastName: label, city: `City ${label}` }));
	simulator.server.log.clear();
	const failures: string[] = [];
	const started = Date.now();
	const statuses = await Promise.all(
		people.map(async (person) => {
			try {
				const response = await fetch(variant.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ people: [person] }),
					signal: AbortSignal.timeout(300_000),
				});
				const text = await response.text();
				if (response.status !== 200) failures.push(`${response.status} ${text.slice(0, 300)}`);
				return response.status;
			} catch (error) {
				failures.push(String(error));
				return 0;
			}
		}),
	);
	const seconds = (Date.now() - started) / 1000;
	const entries = simulator.server.log.entries;
	const { fields, contacts } = simulator.state;
	const email = String(fields.byName('Email')!.id);
	const city = String(fields.byName('City')!.id);
	let written = 0;
	let duplicated = 0;
	for (const person of people) {
		const stored = [...contacts.byId.values()].filter((contact) => contact.fields[email] === person.email);
		const writes = entries.filter(
			(entry) =>
				entry.handled &&
				((entry.operation === 'target.create' && (entry.body as Record<string, unknown> | undefined)?.Email === person.email) ||
					(entry.operation === 'target.update' && stored.some((contact) => entry.path.includes(encodeURIComponent(contact.id))))),
		);
		if (stored.length === 1 && stored[0].fields[city] === person.city) written++;
		if (stored.length > 1 || writes.length > 1) duplicated++;
	}
	if (failures.length > 0) log(`  ${variant.label}: ${failures.length} call(s) failed, the first: ${failures[0]}`);
	return {
		calls: people.length,
		answered: statuses.filter((status) => status === 200).length,
		requests: entries.filter((entry) => entry.interference !== 'rateLimited').length,
		refused: entries.filter((entry) => entry.interference === 'rateLimited').length,
		seconds,
		written,
		duplicated,
	};
}

if (require.main === module) {
	triggeredUpserts()
		.catch((error: unknown) => console.error('The benchmark could not complete:', error))
		.finally(() => process.exit(0));
}
