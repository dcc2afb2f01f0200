import { fail, ok } from '../core/replies';
import type { SectionHandlers } from '../core/types';
import type { Np6State } from '../state';
import { TIME_ZONES } from '../state/timeZones';

/**
 * Legacy section "Common" (older public docs only; no status documented): the time zones, all or one.
 * SIMULATOR CONVENTIONS: reads answer 200, an unknown id 404, the list in no promised order (seeded shuffle).
 */
export function timeZoneSection(state: Np6State): SectionHandlers {
	return {
		'timezone.list': () => ok(state.answerOrder.shuffle([...TIME_ZONES])),
		'timezone.get': (request) => {
			const zone = TIME_ZONES.find((candidate) => candidate.id === request.params.id);
			return zone ? ok(zone) : fail(404);
		},
	};
}
