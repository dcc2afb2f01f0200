import { fail, ok } from '../core/replies';
import type { Handler, SectionHandlers } from '../core/types';
import type { Np6State } from '../state';
import { inWindow } from '../state/dates';
import type { Delivery } from '../state/deliveries';
import { queryWindow } from './requestValues';

const ARCHIVE = 'application/vnd.np6.cm.mail.archive';
/** In the catalogue's examples an archive URL expires about 32 days after the send. */
const URL_LIFETIME_MS = 32 * 24 * 3_600_000;
/** SIMULATOR CHOICE: where archives "are" (NP6 answers a signed blob storage URL to an .eml file). */
const ARCHIVE_HOST = 'https://archives.np6-simulator.invalid';

/**
 * Catalogue section "Archives" (docSlug actionarchives): the emails sent by actions whose
 * `settings.archive` was true when they were sent, filtered on their sending date by the
 * `[startDate, endDate)` window.
 */
export function archiveSection(state: Np6State): SectionHandlers {
	const { actions, deliveries } = state;

	const list =
		(keep: (delivery: Delivery) => boolean): Handler =>
		(request) => {
			const window = queryWindow(request, 'startDate', 'endDate');
			if (!window) return fail(400);
			const archived = deliveries.all.filter((d) => d.archiveId && keep(d) && inWindow(d.at, window));
			return ok(archived.map(view), ARCHIVE);
		};

	return {
		'archive.list': list(() => true),

		'archive.listForActionTarget': (request) => {
			const { id, target } = request.params;
			if (!actions.byId.has(id)) return fail(404);
			return list((d) => d.actionId === id && d.contactId === target)(request);
		},
	};
}

function view(delivery: Delivery) {
	const id = delivery.archiveId!;
	return {
		id,
		action: delivery.actionId,
		target: delivery.contactId,
		sendingDate: new Date(delivery.at).toISOString(),
		url: `${ARCHIVE_HOST}/${id}.eml`,
		expiresOn: new Date(delivery.at + URL_LIFETIME_MS).toISOString(),
	};
}
