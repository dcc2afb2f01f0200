/**
 * The NP6 Trigger in a running n8n (`n8n start`, each release of N8N_APPS), as a user runs it: the
 * bounce-feedback example's real variant (NP6 Trigger → Get Contact → Add to Redlist → CRM) published,
 * hard bounces injected into the simulator, each picked up by a poll and redlisted and recorded in the
 * CRM exactly once, although the following polls read it again (their late-event allowance covers it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startDemoCrm, type DemoCrm } from '../../scripts/demoCrm';
import { EXAMPLE_CREDENTIAL, EXAMPLES_DIR, exampleWorkflow } from '../../scripts/examples';
import { ensureN8nApp, N8N_VERSIONS } from '../../scripts/n8n/app';
import { N8nInstance } from '../../scripts/n8n/instance';
import { testPort } from '../../scripts/n8n/ports';
import { startSimulator, type Simulator } from '../../simulator';
import type { LoggedRequest } from '../../simulator/core/requestLog';
import type { Delivery } from '../../simulator/state/deliveries';
import { eventSubject, type Np6Event } from '../../simulator/state/events';
import { expectedBounceRecord, expectedRedlisting, redlistings } from './expectations';

const POLL_EVERY_S = 10;
const LAG_S = 2;
const BOUNCE_FEED = '/actions/reactivities/bounces';

interface WorkflowNode {
	type: string;
	parameters: Record<string, unknown>;
}

describe.each(N8N_VERSIONS.map((version, slot): [string, number] => [version, slot]))('n8n %s', (version, slot) => {
	const n8nPort = testPort(5720, slot); // and the next one for its task broker
	let simulator: Simulator;
	let crm: DemoCrm;
	let n8n: N8nInstance;
	let userFolder: string;
	let n8nOutput = '';

	beforeAll(async () => {
		await ensureN8nApp(version); // installed by globalSetup already, unless this file runs on its own
		simulator = await startSimulator({ seed: 'demo', contacts: 50 });
		crm = await startDemoCrm();
		userFolder = mkdtempSync(join(tmpdir(), `np6-e2e-trigger-${version}-`));
		n8n = new N8nInstance(userFolder, n8nPort, version);
		n8n.installPackage();
		await n8n.importCredentials([{ ...EXAMPLE_CREDENTIAL, data: { apiKey: simulator.apiKey, baseUrl: simulator.url } }]);

		const workflow = exampleWorkflow(join(EXAMPLES_DIR, 'bounce-feedback', 'trigger.json'), crm.url);
		const trigger = (workflow.nodes as WorkflowNode[]).find((node) => node.type === 'n8n-nodes-np6.np6Trigger')!;
		// n8n refuses a Poll Times rule that fires more than once a minute, but runs every rule: one rule a
		// minute at each of these seconds polls every POLL_EVERY_S seconds.
		const seconds = Array.from({ length: 60 / POLL_EVERY_S }, (_, i) => i * POLL_EVERY_S);
		trigger.parameters.pollTimes = { item: seconds.map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) };
		trigger.parameters.pollOptions = { lagSeconds: LAG_S };
		await n8n.importWorkflowData(workflow);
		await n8n.publishWorkflow(String(workflow.id));
		await n8n.start((text) => (n8nOutput += text));
		// Activation sets the trigger's cursor without a request; the first request is the first scheduled poll.
		await until('the first poll', () => polls().length > 0, 3 * POLL_EVERY_S * 1000);
	}, 20 * 60_000); // the first run installs n8n

	afterAll(async () => {
		await n8n?.stop();
		await simulator?.close();
		await crm?.close();
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
	});

	const polls = (): LoggedRequest[] => simulator.server.log.entries.filter((entry) => entry.method === 'GET' && entry.path === BOUNCE_FEED);

	async function until(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!done()) {
			if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; n8n said:\n${n8nOutput.slice(-4000)}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	/** Deliveries of a demo action to contacts that never bounced, the same one never twice. */
	const used = new Set<string>();
	function freshDeliveries(actionName: string, count: number): Delivery[] {
		const action = [...simulator.state.actions.byId.values()].find((a) => a.name === actionName)!;
		const bounced = new Set(simulator.state.events.query({ types: ['bounce'] }).map((event) => eventSubject(event).contactId));
		const picked = simulator.state.deliveries.forAction(action.id).filter((d) => !bounced.has(d.contactId) && !used.has(d.contactId)).slice(0, count);
		expect(picked).toHaveLength(count);
		for (const delivery of picked) used.add(delivery.contactId);
		return picked;
	}

	/** A bounce NP6 learns now, injected as another process would: POST /_simulator/events. */
	async function bounce(delivery: Delivery, verdict: 'hard' | 'soft'): Promise<Np6Event> {
		const response = await fetch(`${simulator.url}/_simulator/events`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ messageId: delivery.messageId, type: 'bounce', verdict }),
		});
		expect(response.status).toBe(200);
		return (await response.json()) as Np6Event;
	}

	const hardBounces: Np6Event[] = [];
	const bouncedContacts = () => crm.records('bounces').map((record) => (record.body as { contactId: string }).contactId);
	const reads = (poll: LoggedRequest, event: Np6Event) =>
		Date.parse(String(poll.query.reactivityStart)) <= event.timestamp && event.timestamp < Date.parse(String(poll.query.reactivityEnd));

	/** Injects the batch, waits for its processing and for two more polls that read it again, then checks everything so far happened once. */
	async function processedOnce(batch: { hard: Delivery[]; soft?: Delivery[] }): Promise<void> {
		const injected = await Promise.all(batch.hard.map((delivery) => bounce(delivery, 'hard')));
		const soft = await Promise.all((batch.soft ?? []).map((delivery) => bounce(delivery, 'soft')));
		hardBounces.push(...injected);
		const injectedAt = Math.max(...[...injected, ...soft].map((event) => event.timestamp));

		const processed = () => injected.every((event) => bouncedContacts().includes(eventSubject(event).contactId!));
		await until('the CRM records of the injected hard bounces', processed, (4 * POLL_EVERY_S + LAG_S) * 1000);
		const seenSoFar = polls().length;
		await until('two more polls', () => polls().length >= seenSoFar + 2, 4 * POLL_EVERY_S * 1000);
		expect(polls().filter((poll) => poll.at > injectedAt).length).toBeGreaterThanOrEqual(2);
		// Those later polls did read the injected events again: only the trigger's memory keeps them from a second run.
		for (const poll of polls().slice(seenSoFar)) for (const event of injected) expect(reads(poll, event)).toBe(true);

		expect(redlistings(simulator).sort()).toEqual(hardBounces.map((event) => expectedRedlisting(simulator, event)).sort());
		const byContact = (record: Record<string, unknown>) => String(record.contactId);
		expect(crm.records('bounces').map((record) => record.body as Record<string, unknown>).sort((a, b) => byContact(a).localeCompare(byContact(b)))).toEqual(
			hardBounces.map((event) => expectedBounceRecord(simulator, event)).sort((a, b) => byContact(a).localeCompare(byContact(b))),
		);
	}

	test('an active NP6 Trigger redlists and records each new hard bounce once, over polls that read it again', async () => {
		// The hard bounces of the demo history are older than the trigger's activation: not its business.
		expect(simulator.state.events.query({ types: ['bounce'] }).length).toBeGreaterThan(0);
		await processedOnce({ hard: [...freshDeliveries('Order confirmation', 2), ...freshDeliveries('Delivery update', 1)], soft: freshDeliveries('Order confirmation', 1) });
		await processedOnce({ hard: freshDeliveries('Order confirmation', 2) });
	}, 5 * 60_000);
});
