import type { SectionHandlers } from '../core/types';
import type { Np6State } from '../state';
import type { EventQuery } from '../state/events';
import { eventStream } from './eventStreams';

/**
 * Catalogue section "Display" events (docSlug displayevent): activations of display contents (source
 * "display", see `displayActivationEvent`), all of them or one content's (404 for an unknown content).
 * "Retrieve activations for the specified campaign id" has no known path and is left out.
 */
export function displayEventsSection(state: Np6State): SectionHandlers {
	const activations: EventQuery = { sourceType: 'display', types: ['activation'] };
	return {
		'displayEvent.listActivations': eventStream(state, activations),
		'displayEvent.listActivationsForContent': eventStream(state, activations, (request) =>
			state.display.contents.has(request.params.id) ? { displayContentId: request.params.id } : undefined,
		),
	};
}
