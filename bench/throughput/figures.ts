import type { Simulator } from '../../simulator';
import type { Person } from './people';

/** What one measured run did, read from its own outcome and from the simulator afterwards. */
export interface RunFigures {
	seconds: number;
	/** Requests that reached the simulator, 429 answers excluded. */
	requests: number;
	/** Of those, the ones that reached an operation (routed, past auth and limiter). */
	operationRequests: number;
	/** The same, per catalogue operation, e.g. { 'field.list': 1, 'target.create': 200 }. */
	perOperation: Record<string, number>;
	refused429: number;
	/** Items with an error or missing, plus contacts missing or not carrying the written City. */
	lost: number;
	/** Extra 2xx creates of one email, plus contacts beyond the expected count. */
	duplicates: number;
}

/** How a contender's run ended, before the simulator is read. */
export interface WriteOutcome {
	seconds: number;
	/** Items that ended with an error, or never came out. */
	failedItems: number;
}

/**
 * Reads the simulator after a run that wrote `written` (new or existing contacts), where
 * `contactsBefore` contacts existed beforehand and `newContacts` of the written ones were new.
 */
export function figuresOf(
	simulator: Simulator,
	written: Person[],
	outcome: WriteOutcome,
	contactsBefore: number,
	newContacts: number,
): RunFigures {
	const { state, server } = simulator;
	const entries = server.log.entries;
	const city = state.fields.byName('City')!.id;
	const notStored = written.filter((person) => state.contacts.find({ unicity: person.email })?.fields[city] !== person.city).length;

	const createsPerEmail = new Map<string, number>();
	for (const entry of entries) {
		if (entry.operation !== 'target.create' || !isSuccess(entry.status)) continue;
		const email = String((entry.body as { Email?: unknown } | undefined)?.Email);
		createsPerEmail.set(email, (createsPerEmail.get(email) ?? 0) + 1);
	}
	const repeatedCreates = [...createsPerEmail.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
	const extraContacts = Math.max(0, state.contacts.byId.size - contactsBefore - newContacts);

	const answered = entries.filter((entry) => entry.status !== 429);
	const perOperation: Record<string, number> = {};
	for (const { operation } of answered) if (operation) perOperation[operation] = (perOperation[operation] ?? 0) + 1;
	return {
		seconds: outcome.seconds,
		requests: answered.length,
		operationRequests: answered.filter((entry) => entry.operation !== undefined).length,
		perOperation,
		refused429: entries.length - answered.length,
		lost: outcome.failedItems + notStored,
		duplicates: repeatedCreates + extraContacts,
	};
}

const isSuccess = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
