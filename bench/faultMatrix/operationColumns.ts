/**
 * The columns of the fault matrix: one operation of each kind, run through n8n-core's engine against
 * the simulator. Each declares its request plan (what the README and the operation's description say
 * it asks of NP6), runs once, and checks NP6's state afterwards: nothing written twice, nothing lost.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { pollTrigger, runNode, type NodeUnderTest } from '../../test/harness/engine';
import type { AnswerType } from './faultRows';
import { endOfError, type ItemEnd } from './outcomes';
import type { PlannedRequest } from './readmeRules';

/**
 * Short waits so the matrix runs in well under a minute or two; nothing kept across executions
 * (metadata cache off), so every cell makes the requests of its plan whatever cells ran before.
 */
export const MATRIX_REQUEST_OPTIONS = { waitBudget: 3, timeout: 1, metadataCache: 0 };

export interface ColumnRun {
	ends: ItemEnd[];
	/** What NP6's state shows went wrong: a write done twice, an item lost. Empty when all is well. */
	problems: string[];
	/** The items' error texts, to show what a surprising cell said. */
	errors: string[];
	/** Requests of the operation itself, when the column made more afterwards (a trigger's next poll). */
	requests?: number;
}

export interface MatrixColumn {
	key: string;
	/** Column heading in the printed table. */
	label: string;
	answerType: AnswerType;
	itemCount: number;
	plan: PlannedRequest[];
	/** Runs the operation once; `tag` makes the cell's NP6 data its own. */
	run(simulator: Simulator, tag: string): Promise<ColumnRun>;
}

const EXACT = { __rl: true, mode: 'id' };
const withOptions = (node: NodeUnderTest): NodeUnderTest => ({
	...node,
	continueOnFail: true,
	parameters: { ...node.parameters, requestOptions: MATRIX_REQUEST_OPTIONS },
});

/** Each output item's end, and its error text. */
function readItems(items: INodeExecutionData[], itemCount: number): Pick<ColumnRun, 'ends' | 'errors'> & { problems: string[] } {
	const problems = items.length === itemCount ? [] : [`${itemCount} items in, ${items.length} out`];
	const errors = items.filter((item) => item.json.error).map((item) => `${String(item.json.error)} ${String(item.json.details ?? '')}`.trim());
	const ends = items.map((item) => (item.json.error ? endOfError(`${String(item.json.error)} ${String(item.json.details ?? '')}`) : 'ok'));
	return { ends, errors, problems };
}

function newContact(simulator: Simulator, email: string) {
	const { state } = simulator;
	const written = state.contacts.create({ [state.fields.byName('Email')!.id]: email, [state.fields.byName('City')!.id]: 'Lille' });
	if (!written.ok) throw new Error(`could not create ${email}`);
	return written.contact;
}

const fieldValue = (simulator: Simulator, contactId: string, name: string) =>
	simulator.state.contacts.byId.get(contactId)?.fields[String(simulator.state.fields.byName(name)!.id)];

const handled = (simulator: Simulator, operation: string) => simulator.server.log.handled(operation).length;

const read: MatrixColumn = {
	key: 'read',
	label: 'Contact → Get (GET)',
	answerType: 'object',
	itemCount: 1,
	plan: [
		{ operation: 'target.get', idempotent: true, targeted: true },
		{ operation: 'field.list', idempotent: true, targeted: false },
	],
	async run(simulator, tag) {
		const contact = newContact(simulator, `read.${tag}@example.com`);
		const before = JSON.stringify(contact);
		const result = await runNode(simulator, withOptions({ type: 'np6Contact', parameters: { resource: 'contact', operation: 'get', findBy: 'id', contactId: contact.id } }));
		const outcome = readItems(result.items, 1);
		if (outcome.ends[0] === 'ok' && result.items[0].json.id !== contact.id) outcome.problems.push(`output is not contact ${contact.id}`);
		if (JSON.stringify(simulator.state.contacts.byId.get(contact.id)) !== before) outcome.problems.push('a read changed the contact');
		return outcome;
	},
};

const idempotentWrite: MatrixColumn = {
	key: 'update',
	label: 'Contact → Update (PUT)',
	answerType: 'object',
	itemCount: 1,
	plan: [
		{ operation: 'field.list', idempotent: true, targeted: false },
		{ operation: 'target.update', idempotent: true, targeted: true },
	],
	async run(simulator, tag) {
		const contact = newContact(simulator, `update.${tag}@example.com`);
		const contacts = simulator.state.contacts.byId.size;
		const result = await runNode(
			simulator,
			withOptions({
				type: 'np6Contact',
				parameters: { resource: 'contact', operation: 'update', contactId: contact.id, fields: { mappingMode: 'defineBelow', value: { City: 'Rouen' } } },
			}),
		);
		const outcome = readItems(result.items, 1);
		const city = fieldValue(simulator, contact.id, 'City');
		const carriedOut = handled(simulator, 'target.update') > 0;
		if (outcome.ends[0] === 'ok' && city !== 'Rouen') outcome.problems.push('the update succeeded but NP6 does not have it');
		if (city !== (carriedOut ? 'Rouen' : 'Lille')) outcome.problems.push(`City is ${String(city)} after ${carriedOut ? 'an' : 'no'} update NP6 carried out`);
		if (simulator.state.contacts.byId.size !== contacts) outcome.problems.push('an update changed the number of contacts');
		return outcome;
	},
};

const create: MatrixColumn = {
	key: 'create',
	label: 'Category → Create (POST)',
	answerType: 'object',
	itemCount: 1,
	plan: [{ operation: 'category.create', idempotent: false, targeted: true }],
	async run(simulator, tag) {
		const name = `Matrix ${tag}`;
		const result = await runNode(simulator, withOptions({ type: 'np6Setting', parameters: { resource: 'category', operation: 'create', name } }));
		const outcome = readItems(result.items, 1);
		const created = [...simulator.state.categories.byId.values()].filter((category) => category.name === name);
		const carriedOut = handled(simulator, 'category.create');
		if (carriedOut > 1) outcome.problems.push(`NP6 created it ${carriedOut} times`);
		if (created.length !== Math.min(carriedOut, 1)) outcome.problems.push(`${created.length} categories after ${carriedOut} creates`);
		if (outcome.ends[0] === 'ok' && (created.length !== 1 || result.items[0].json.id !== created[0].id)) outcome.problems.push('the create succeeded but its output is not the category NP6 has');
		if (outcome.ends[0] === 'refused' && created.length > 0) outcome.problems.push('refused, yet NP6 has the category');
		return outcome;
	},
};

const SEND_RECIPIENTS = 4;
const SEND_BATCH = 2;

const batchedSend: MatrixColumn = {
	key: 'send',
	label: `Action → Send (${SEND_RECIPIENTS} recipients, batches of ${SEND_BATCH})`,
	answerType: 'list',
	itemCount: SEND_RECIPIENTS,
	plan: [
		{ operation: 'action.get', idempotent: true, targeted: false },
		...Array.from({ length: SEND_RECIPIENTS / SEND_BATCH }, (_, batch) => ({
			operation: 'action.executeMany',
			idempotent: false,
			targeted: true,
			items: Array.from({ length: SEND_BATCH }, (_, i) => batch * SEND_BATCH + i),
			onWrongShape: 'mayHaveActed' as const,
		})),
	],
	async run(simulator, tag) {
		const { state } = simulator;
		const people = Array.from({ length: SEND_RECIPIENTS }, (_, i) => newContact(simulator, `send.${tag}.${i}@example.com`));
		const action = [...state.actions.byId.values()].find((a) => a.name === 'Order confirmation')!;
		const result = await runNode(
			simulator,
			withOptions({
				type: 'np6Action',
				parameters: {
					resource: 'action',
					operation: 'send',
					action: { ...EXACT, value: action.id },
					recipientBy: 'unicity',
					recipient: '={{ $json.email }}',
					sendOptions: { batchSize: SEND_BATCH },
				},
			}),
			people.map((person) => ({ email: person.unicity })),
		);
		const outcome = readItems(result.items, SEND_RECIPIENTS);
		people.forEach((person, i) => {
			const deliveries = state.deliveries.forAction(action.id).filter((d) => d.contactId === person.id);
			if (deliveries.length > 1) outcome.problems.push(`recipient ${i + 1} got ${deliveries.length} messages`);
			const end = outcome.ends[i];
			if (end === 'ok' && (deliveries.length !== 1 || result.items[i].json.messageId !== deliveries[0].messageId)) outcome.problems.push(`recipient ${i + 1} "sent" without its one delivery`);
			if (end === 'refused' && deliveries.length > 0) outcome.problems.push(`recipient ${i + 1} refused, yet delivered`);
		});
		return outcome;
	},
};

const multiStep: MatrixColumn = {
	key: 'upsert',
	label: 'Contact → Create or Update (new contact: lookup, then POST)',
	answerType: 'object',
	itemCount: 1,
	plan: [
		{ operation: 'field.list', idempotent: true, targeted: false },
		// "Only a contact with an id counts as found": an answer naming none reads as "no such contact".
		{ operation: 'target.search', idempotent: true, targeted: true, onWrongShape: 'proceed' },
		{ operation: 'target.create', idempotent: false, targeted: true },
	],
	async run(simulator, tag) {
		const email = `upsert.${tag}@example.com`;
		const result = await runNode(
			simulator,
			withOptions({ type: 'np6Contact', parameters: { resource: 'contact', operation: 'upsert', fields: { mappingMode: 'defineBelow', value: { Email: email, City: 'Nantes' } } } }),
		);
		const outcome = readItems(result.items, 1);
		const contact = simulator.state.contacts.find({ unicity: email });
		const carriedOut = handled(simulator, 'target.create');
		if (carriedOut > 1) outcome.problems.push(`NP6 created it ${carriedOut} times`);
		if (Boolean(contact) !== carriedOut > 0) outcome.problems.push(`${contact ? 'a' : 'no'} contact after ${carriedOut} creates`);
		if (outcome.ends[0] === 'ok' && (!contact || result.items[0].json.id !== contact.id || fieldValue(simulator, contact.id, 'City') !== 'Nantes')) {
			outcome.problems.push('the upsert succeeded but NP6 does not have the contact as written');
		}
		return outcome;
	},
};

const LAG_SECONDS = 1;

const triggerPoll: MatrixColumn = {
	key: 'poll',
	label: 'NP6 Trigger poll (opens of one action)',
	answerType: 'list',
	itemCount: 1,
	plan: [{ operation: 'actionReactivity.listOpenHitsForAction', idempotent: true, targeted: true }],
	async run(simulator, tag) {
		const { state, server } = simulator;
		const action = state.actions.create({ type: 'mailMessage', name: `matrix poll ${tag}` });
		const contact = newContact(simulator, `poll.${tag}@example.com`);
		const delivery = state.deliveries.record({ channel: 'email', actionId: action.id, contact, address: contact.unicity, rendered: {} }, Date.now() - 60_000);
		const open = state.events.inject(delivery, { type: 'hit', link: 'open', at: Date.now() - 5_000 });
		const node: NodeUnderTest = {
			type: 'np6Trigger',
			parameters: {
				feed: 'opened',
				scope: 'one',
				action: { ...EXACT, value: action.id },
				excludeBots: false,
				pollOptions: { lagSeconds: LAG_SECONDS, allowanceSeconds: 60 },
				requestOptions: MATRIX_REQUEST_OPTIONS,
			},
		};
		// Activated 10 s ago: this poll reads the last 10 s, the open among them.
		const start = Date.now() - 10_000;
		const staticData: IDataObject = { np6Cursor: { feed: JSON.stringify(['opened', action.id, 'any', true]), cursor: start, floor: start, seen: {} } };
		const emitted: string[] = [];
		const outcome: ColumnRun = { ends: ['ok'], problems: [], errors: [] };
		const cursorBefore = JSON.stringify(staticData);
		try {
			emitted.push(...((await pollTrigger(simulator, node, staticData)) ?? []).map((item) => String(item.json.eventId)));
		} catch (error) {
			const text = `${(error as Error).message} ${String((error as { description?: unknown }).description ?? '')}`;
			outcome.ends = [endOfError(text)];
			outcome.errors.push(text);
			if (JSON.stringify(staticData) !== cursorBefore) outcome.problems.push('a failed poll moved the cursor');
		}
		outcome.requests = server.log.entries.length;
		// The next poll, NP6 healthy again: between the two, the open is emitted exactly once.
		server.faults.clear();
		emitted.push(...((await pollTrigger(simulator, node, staticData)) ?? []).map((item) => String(item.json.eventId)));
		if (JSON.stringify(emitted) !== JSON.stringify([open.id])) outcome.problems.push(`over two polls, emitted ${JSON.stringify(emitted)} instead of the open ${open.id} once`);
		return outcome;
	},
};

export const OPERATION_COLUMNS: MatrixColumn[] = [read, idempotentWrite, create, batchedSend, multiStep, triggerPoll];
