/**
 * The simulator of the load benchmark, in a process of its own so that each process's memory is
 * measured apart: the NP6 simulator keeps every contact, delivery, event and request, which is not
 * the node's memory. Started by `remoteSimulator.ts`; argv[2] is the rate limit as JSON.
 */
import { startSimulator, type Simulator } from '../../simulator';
import type { RateLimitConfig } from '../../simulator/core/rateLimiter';
import { loadContact, type LoadContact } from './loadContacts';
import { collectGarbage, RssSampler } from './rssSampler';
import type { Command, ImportCheck, Ready, Reply, Request, Results, RunFigures, SendCheck } from './simulatorProtocol';

const rateLimit = JSON.parse(process.argv[2] ?? 'null') as RateLimitConfig;
let cpuAtStart = process.cpuUsage();

void (async () => {
	const sampler = new RssSampler();
	const simulator = await startSimulator({ seed: 'fields', rateLimit });
	process.on('message', (request: Request) => {
		let reply: Reply;
		try {
			reply = { id: request.id, result: handle(simulator, sampler, request) };
		} catch (error) {
			reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
		}
		process.send!(reply);
	});
	process.on('disconnect', () => void simulator.close().finally(() => process.exit(0)));
	const ready: Ready = { ready: true, url: simulator.url, apiKey: simulator.apiKey, rateLimit: JSON.stringify(rateLimit) };
	process.send!(ready);
})();

function handle(simulator: Simulator, sampler: RssSampler, request: Command): Results[keyof Results] {
	const { state, server } = simulator;
	switch (request.command) {
		case 'seedContacts':
			return seedContacts(simulator, request.prefix, request.count);
		case 'actionId': {
			const action = [...state.actions.byId.values()].find((a) => a.name === request.name);
			if (!action) throw new Error(`no action named ${request.name}`);
			return action.id;
		}
		case 'contactCount':
			return state.contacts.byId.size;
		case 'startRun':
			server.log.clear();
			// A fresh limiter, so its windows start with the work.
			server.setRateLimit(rateLimit);
			collectGarbage();
			cpuAtStart = process.cpuUsage();
			return sampler.reset();
		case 'finishRun':
			return runFigures(simulator, sampler);
		case 'checkImport':
			return checkImport(simulator, request.prefix, request.count, request.contactsBefore);
		case 'checkSend':
			return checkSend(simulator, request);
	}
}

function fieldIds(simulator: Simulator): Record<keyof LoadContact, string> {
	const id = (name: string) => String(simulator.state.fields.byName(name)!.id);
	return { Email: id('Email'), FirstName: id('FirstName'), City: id('City'), LoyaltyPoints: id('LoyaltyPoints') };
}

/** Recipients of the send, written straight into the simulator's state: no request, no node. */
function seedContacts(simulator: Simulator, prefix: string, count: number): number {
	const ids = fieldIds(simulator);
	let created = 0;
	for (let i = 0; i < count; i++) {
		const contact = loadContact(prefix, i);
		const written = simulator.state.contacts.create({ [ids.Email]: contact.Email, [ids.FirstName]: contact.FirstName, [ids.City]: contact.City });
		if (written.ok) created++;
	}
	return created;
}

function runFigures(simulator: Simulator, sampler: RssSampler): RunFigures {
	const byOperation: Record<string, number> = {};
	let refused429 = 0;
	for (const entry of simulator.server.log.entries) {
		const key = `${entry.method} ${entry.operation ?? entry.path}`;
		byOperation[key] = (byOperation[key] ?? 0) + 1;
		if (entry.status === 429) refused429++;
	}
	const cpu = process.cpuUsage(cpuAtStart);
	return { requests: simulator.server.log.entries.length, refused429, byOperation, peakRssBytes: sampler.peak(), cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function checkImport(simulator: Simulator, prefix: string, count: number, contactsBefore: number): ImportCheck {
	const ids = fieldIds(simulator);
	const check: ImportCheck = { missing: 0, wrongValues: 0, extraContacts: 0 };
	for (let i = 0; i < count; i++) {
		const expected = loadContact(prefix, i);
		const contact = simulator.state.contacts.find({ unicity: expected.Email });
		if (!contact) {
			check.missing++;
			continue;
		}
		const differs = (['FirstName', 'City', 'LoyaltyPoints'] as const).some((column) => String(contact.fields[ids[column]] ?? '') !== expected[column]);
		if (differs) check.wrongValues++;
	}
	check.extraContacts = simulator.state.contacts.byId.size - contactsBefore - (count - check.missing);
	return check;
}

function checkSend(simulator: Simulator, request: Extract<Command, { command: 'checkSend' }>): SendCheck {
	const { contacts, deliveries } = simulator.state;
	const recipientIds = Array.from({ length: request.count }, (_, i) => contacts.find({ unicity: loadContact(request.prefix, i).Email })?.id);
	const recipients = new Set(recipientIds.filter((id): id is string => id !== undefined));
	const perContact = new Map<string, number>();
	let deliveriesToOthers = 0;
	for (const delivery of deliveries.forAction(request.actionId)) {
		if (!recipients.has(delivery.contactId)) deliveriesToOthers++;
		perContact.set(delivery.contactId, (perContact.get(delivery.contactId) ?? 0) + 1);
	}
	const notDelivered = recipientIds.filter((id) => id === undefined || !perContact.has(id)).length;
	const duplicateDeliveries = [...perContact.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
	const outputsNotMatchingDelivery = recipientIds.filter((id, i) => {
		const messageId = request.messageIds[i];
		return id === undefined || messageId === undefined || deliveries.get(messageId)?.contactId !== id;
	}).length;
	return { notDelivered, duplicateDeliveries, deliveriesToOthers, outputsNotMatchingDelivery };
}
