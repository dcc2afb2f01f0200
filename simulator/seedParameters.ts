import type { Np6State } from './state';

/** Fixed ids of the seeded marketing-pressure topics (the catalogue's examples). */
export const SEEDED_TOPIC_IDS = { blackFriday: 'aae42f42-3759-4e80-94c5-e47daab1487b', singlesDay: 'aae42f42-3759-4e80-94c5-e47daab1487c' };

/**
 * The account's parameters beside the categories and the push application of `seedMessages`: the
 * marketing-pressure topics of the catalogue's example with one rule, and two groups of platform users
 * (legacy). SIMULATOR CONVENTION: the rule's predicate is made up (the catalogue shows none).
 */
export function seedParameters(state: Np6State, now: Date): void {
	const pressure = state.marketingPressure;
	pressure.addTopic('Black friday', 'Black friday', now, SEEDED_TOPIC_IDS.blackFriday);
	pressure.addTopic('Singles Day', 'Singles Day', now, SEEDED_TOPIC_IDS.singlesDay);
	pressure.addRule('At most 3 promotions a week', { type: 'and', expressions: [] }, now);

	state.groups.add({ name: 'Marketing team', description: 'Receives import reports', type: 'standard' }, [
		{ firstName: 'Camille', lastName: 'Roux', email: 'camille.roux@shop.example.com' },
		{ firstName: 'Malik', lastName: 'Benali', email: 'malik.benali@shop.example.com' },
	]);
	state.groups.add({ name: 'Administrators', description: null, type: 'standard' }, [{ firstName: 'Léa', lastName: 'Faure', email: 'lea.faure@shop.example.com' }]);
}
