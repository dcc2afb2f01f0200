import { fail, noContent, ok } from '../core/replies';
import type { SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { pathInteger } from './requestValues';

/**
 * Legacy section "Groups" (older public docs only; no status documented): list, get, delete, and the
 * group's platform users. SIMULATOR CONVENTIONS: reads answer 200, the delete 204 as NP6's deletes do
 * elsewhere, an unknown group 404; lists come in no promised order (seeded shuffle).
 */
export function groupSection(state: Np6State): SectionHandlers {
	const groups = state.groups;
	const idOf = (request: SimRequest) => pathInteger(request, 'id') ?? -1;

	return {
		'group.list': () => ok(state.answerOrder.shuffle([...groups.byId.values()])),
		'group.get': (request) => {
			const group = groups.byId.get(idOf(request));
			return group ? ok(group) : fail(404);
		},
		'group.delete': (request) => (groups.delete(idOf(request)) ? noContent() : fail(404)),
		'group.listContacts': (request) => {
			const members = groups.members.get(idOf(request));
			return members ? ok(state.answerOrder.shuffle(members)) : fail(404);
		},
	};
}
