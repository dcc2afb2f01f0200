import { fail, ok } from '../core/replies';
import type { SectionHandlers } from '../core/types';
import type { Np6State } from '../state';

/**
 * Catalogue section "Marketing Pressure" (docSlug marketing-pressure): the topics and rules (read only),
 * and the mandatory topic option, a bare JSON boolean read and written at /settings/marketing/pressure/topic.
 * The PUT answers the stored value ("presumably the stored boolean"); any body but `true` or `false` is a
 * 400. Lists come in no promised order (seeded shuffle).
 */
export function marketingPressureSection(state: Np6State): SectionHandlers {
	const pressure = state.marketingPressure;
	return {
		'marketingPressure.listTopics': () => ok(state.answerOrder.shuffle([...pressure.topics.values()])),
		'marketingPressure.listRules': () => ok(state.answerOrder.shuffle([...pressure.rules.values()])),
		'marketingPressure.getMandatoryTopic': () => ok(pressure.mandatoryTopic),
		'marketingPressure.setMandatoryTopic': (request) => {
			if (typeof request.body !== 'boolean') return fail(400);
			pressure.mandatoryTopic = request.body;
			return ok(pressure.mandatoryTopic);
		},
	};
}
