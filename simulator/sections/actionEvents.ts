import type { SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import type { EventQuery } from '../state/events';
import { eventStream, hits, only, reactions } from './eventStreams';

/**
 * Catalogue sections "Email & SMS" events (docSlug actionevent) and reactivity (actionreactivity): the
 * events of email and SMS actions (source "email"), of every action or of one (404 for an unknown one).
 * "Retrieve stops of the specified action" has no known path and is left out.
 */
export function actionEventsSection(state: Np6State): SectionHandlers {
	const email: EventQuery = { sourceType: 'email' };
	const ofAction = (request: SimRequest) => (state.actions.byId.has(request.params.id) ? { actionId: request.params.id } : undefined);
	const all = (selection: EventQuery = {}) => eventStream(state, { ...email, ...selection });
	const one = (selection: EventQuery = {}) => eventStream(state, { ...email, ...selection }, ofAction);

	return {
		'actionEvent.list': all(),
		'actionEvent.listCancellations': all(only('cancellation')),
		'actionEvent.listActivationsForAction': one(only('activation')),
		'actionEvent.listCancellationsForAction': one(only('cancellation')),
		'actionEvent.listBouncesForAction': one(only('bounce')),
		'actionEvent.listMirrorHitsForAction': one(hits('mirror')),

		'actionReactivity.list': all(reactions),
		'actionReactivity.listBounces': all(only('bounce')),
		'actionReactivity.listHits': all(hits()),
		'actionReactivity.listOpenHits': all(hits('open')),
		'actionReactivity.listRedirectionHits': all(hits('redirection')),
		'actionReactivity.listUnsubscribeHits': all(hits('unsubscribe')),
		'actionReactivity.listMirrorHits': all(hits('mirror')),
		'actionReactivity.listFormHits': all(hits('form')),
		'actionReactivity.listForAction': one(reactions),
		'actionReactivity.listBouncesForAction': one(only('bounce')),
		'actionReactivity.listHitsForAction': one(hits()),
		'actionReactivity.listOpenHitsForAction': one(hits('open')),
		'actionReactivity.listRedirectionHitsForAction': one(hits('redirection')),
		'actionReactivity.listUnsubscribeHitsForAction': one(hits('unsubscribe')),
		'actionReactivity.listMirrorHitsForAction': one(hits('mirror')),
		'actionReactivity.listFormHitsForAction': one(hits('form')),
	};
}
