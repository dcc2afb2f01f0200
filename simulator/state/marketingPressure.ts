import { randomUUID } from 'node:crypto';

interface Authored {
	stamp: { creation: string; modification: string };
	createdBy: string;
	modifiedBy: string;
}

/** A marketing-pressure topic (catalogue model MarketingPressureTopic). */
export interface Topic extends Authored {
	id: string;
	label: string;
	description: string;
}

/**
 * A marketing-pressure rule (catalogue model MarketingPressureRule). SIMULATOR CONVENTION: the catalogue
 * shows neither the predicate's `type` values nor its expressions; the simulator holds whatever it is given.
 */
export interface Rule extends Authored {
	id: string;
	label: string;
	predicate: { type: string; expressions: unknown[] };
}

/**
 * Marketing-pressure settings: topics and rules are read only through the API (the catalogue has no
 * operation that writes them), so seeds and tests add them here; the mandatory topic option is a boolean.
 * SIMULATOR CONVENTION: the option is off on a new account.
 */
export class MarketingPressureStore {
	readonly topics = new Map<string, Topic>();
	readonly rules = new Map<string, Rule>();
	mandatoryTopic = false;

	addTopic(label: string, description = label, now = new Date(), id: string = randomUUID()): Topic {
		const topic: Topic = { id, label, description, ...authored(now) };
		this.topics.set(id, topic);
		return topic;
	}

	addRule(label: string, predicate: Rule['predicate'], now = new Date(), id: string = randomUUID()): Rule {
		const rule: Rule = { id, label, predicate, ...authored(now) };
		this.rules.set(id, rule);
		return rule;
	}
}

const authored = (now: Date): Authored => ({
	stamp: { creation: now.toISOString(), modification: now.toISOString() },
	createdBy: 'Connected user',
	modifiedBy: 'Connected user',
});
