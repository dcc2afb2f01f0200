import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { fileItem, runNode, type RunResult } from '../../test/harness/engine';
import type { RateLimitConfig } from '../../simulator/core/rateLimiter';
import { sendToEachEmail } from '../sendNode';
import { contactsCsv, loadContact } from './loadContacts';
import { startRemoteSimulator, type RemoteSimulator } from './remoteSimulator';
import { collectGarbage, RssSampler } from './rssSampler';
import type { RunFigures } from './simulatorProtocol';

/** A correctness check of a case: the count of what went wrong, 0 when it holds. */
export interface Check {
	name: string;
	failures: number;
}

export interface LoadRow {
	work: string;
	/** Around the whole engine run, from the benchmark's side. */
	wallSeconds: number;
	/** The node's execution time as n8n records it in the run data. */
	n8nSeconds: number;
	simulator: RunFigures;
	/** Requests the limiter let through ÷ the limit: the shortest time the work could take at that limit. */
	idealSeconds: number;
	bench: { baselineRssBytes: number; peakRssBytes: number; cpuSeconds: number };
	simulatorBaselineRssBytes: number;
	checks: Check[];
	/** What else the case should say (the file's size, the NP6 processing wait). */
	note: string;
}

interface Measured {
	result: RunResult;
	wallSeconds: number;
	simulator: RunFigures;
	bench: LoadRow['bench'];
	simulatorBaselineRssBytes: number;
}

/**
 * Runs `work` (which builds its own input, so the input's memory counts) with both processes' RSS
 * measured from a baseline taken after a garbage collection.
 */
async function measured(simulator: RemoteSimulator, sampler: RssSampler, work: () => Promise<RunResult>): Promise<Measured> {
	collectGarbage();
	const baselineRssBytes = sampler.reset();
	const simulatorBaselineRssBytes = await simulator.ask({ command: 'startRun' });
	const started = Date.now();
	const cpuAtStart = process.cpuUsage();
	const result = await work();
	const wallSeconds = (Date.now() - started) / 1000;
	const cpu = process.cpuUsage(cpuAtStart);
	const peakRssBytes = sampler.peak();
	const figures = await simulator.ask({ command: 'finishRun' });
	const bench = { baselineRssBytes, peakRssBytes, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
	return { result, wallSeconds, simulator: figures, bench, simulatorBaselineRssBytes };
}

/** A case's row: the measured run's figures, with what the case says of it. */
function rowOf(run: Measured, rateLimit: RateLimitConfig, said: Pick<LoadRow, 'work' | 'checks' | 'note'>): LoadRow {
	const { requests, refused429 } = run.simulator;
	return {
		...said,
		wallSeconds: run.wallSeconds,
		n8nSeconds: (run.result.run.data.resultData.runData.NP6?.[0]?.executionTime ?? 0) / 1000,
		simulator: run.simulator,
		idealSeconds: ((requests - refused429) / rateLimit.limit) * ((rateLimit.windowMs ?? 1000) / 1000),
		bench: run.bench,
		simulatorBaselineRssBytes: run.simulatorBaselineRssBytes,
	};
}

/** Contact → Import Contacts From File with one CSV of `rows` contacts, built in memory. */
export async function importCase(rows: number, rateLimit: RateLimitConfig, sampler: RssSampler): Promise<LoadRow> {
	const prefix = 'imported';
	const simulator = await startRemoteSimulator(rateLimit);
	try {
		const contactsBefore = await simulator.ask({ command: 'contactCount' });
		let fileBytes = 0;
		const run = await measured(simulator, sampler, async () => {
			const csv = contactsCsv(prefix, rows);
			fileBytes = Buffer.byteLength(csv);
			const item = fileItem(csv);
			return await runNode(
				simulator,
				{
					type: 'np6Contact',
					parameters: {
						resource: 'import',
						operation: 'importFromFile',
						binaryPropertyName: 'data',
						separator: ';',
						updateExisting: true,
						// The shortest poll the node allows: the wait for NP6 to finish is not the node's time.
						options: { pollInterval: 1 },
					},
				},
				[item],
			);
		});
		const report = (run.result.items[0]?.json ?? {}) as IDataObject;
		const contacts = await simulator.ask({ command: 'checkImport', prefix, count: rows, contactsBefore });
		const polls = run.simulator.byOperation['GET import.getLastExecution'] ?? 0;
		const processingSeconds = (Date.parse(String(report.endDate)) - Date.parse(String(report.startDate))) / 1000;
		return rowOf(run, rateLimit, {
			work: `Import Contacts From File, ${rows.toLocaleString('en')} CSV rows`,
			checks: [
				{ name: 'import node error', failures: run.result.error ? 1 : 0 },
				{ name: 'import not completed (state 1)', failures: report.state === 1 ? 0 : 1 },
				{ name: 'rows NP6 reported as not imported (or imported twice)', failures: Math.abs(rows - Number(report.created ?? 0) - Number(report.updated ?? 0)) },
				{ name: 'contacts missing after the import', failures: contacts.missing },
				{ name: 'contacts without the values of their row', failures: contacts.wrongValues },
				{ name: 'contacts beyond the rows (duplicates)', failures: contacts.extraContacts },
			],
			note:
				`file ${(fileBytes / 1024 / 1024).toFixed(2)} MB; NP6 (the simulator) took ${processingSeconds.toFixed(2)} s from the start of the ` +
				`execution to its end, polled ${polls} time(s) at 1 s`,
		});
	} finally {
		await simulator.stop();
	}
}

/** Email & SMS Action → Send, one item per recipient; the recipients are seeded in the simulator, not through the node. */
export async function sendCase(recipients: number, rateLimit: RateLimitConfig, sampler: RssSampler): Promise<LoadRow> {
	const prefix = 'recipient';
	const simulator = await startRemoteSimulator(rateLimit);
	try {
		const seeded = await simulator.ask({ command: 'seedContacts', prefix, count: recipients });
		if (seeded !== recipients) throw new Error(`seeded ${seeded} of ${recipients} recipients`);
		const actionId = await simulator.ask({ command: 'actionId', name: 'Order confirmation' });
		const run = await measured(simulator, sampler, async () => {
			const items = Array.from({ length: recipients }, (_, i) => ({ email: loadContact(prefix, i).Email }));
			return await runNode(simulator, sendToEachEmail(actionId), items);
		});
		const outputs = run.result.items;
		const messageIds = new Array<string | undefined>(recipients).fill(undefined);
		for (const item of outputs) {
			const input = pairedIndex(item);
			if (input >= 0 && input < recipients && typeof item.json.messageId === 'string') messageIds[input] = item.json.messageId;
		}
		const deliveries = await simulator.ask({ command: 'checkSend', prefix, count: recipients, actionId, messageIds });
		const batches = run.simulator.byOperation['POST action.executeMany'] ?? 0;
		return rowOf(run, rateLimit, {
			work: `Action Send, ${recipients.toLocaleString('en')} recipients`,
			checks: [
				{ name: 'send node error', failures: run.result.error ? 1 : 0 },
				{ name: 'output items missing', failures: Math.max(0, recipients - outputs.length) },
				{ name: 'output items not paired with their own input', failures: outputs.filter((item, at) => pairedIndex(item) !== at).length },
				{ name: 'output items not "sent"', failures: outputs.filter((item) => item.json.status !== 'sent').length },
				{ name: 'outputs whose messageId is not their recipient\'s delivery', failures: deliveries.outputsNotMatchingDelivery },
				{ name: 'recipients without a delivery', failures: deliveries.notDelivered },
				{ name: 'duplicate deliveries', failures: deliveries.duplicateDeliveries },
				{ name: 'deliveries to contacts not in the input', failures: deliveries.deliveriesToOthers },
			],
			note: `${batches} batch request(s) of up to 50 messages`,
		});
	} finally {
		await simulator.stop();
	}
}

/** The input item an output item says it came from; -1 when it says none. */
function pairedIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	if (paired === undefined) return -1;
	return typeof paired === 'number' ? paired : paired.item;
}
