import { fail, ok } from '../core/replies';
import { ID_FORMATS } from '../core/identifiers';
import type { SectionHandlers } from '../core/types';
import type { Np6State } from '../state';
import type { CampaignDraft } from '../state/campaigns';
import { isoSeconds, parseDate } from '../state/dates';
import { asObject } from './requestValues';

/**
 * Catalogue section "Campaign" (docSlug campaignmanagement): only `POST /campaigns` is known. The client
 * may give the campaign's uuid; creationDate and updateDate belong to the server and are ignored.
 *
 * SIMULATOR CONVENTIONS where the catalogue shows only its schema: `name` is a non-empty text; dates
 * are ISO date-times, answered to the second; items are `{type: "email", id: <action id>}` (see
 * CampaignItem), an action the account does not have is a 404; a uuid already taken is a 409, as NP6
 * answers "already exists" elsewhere; the answer is 200 (creates answer 200 where known). Any other
 * shape is a 400.
 */
export function campaignSection(state: Np6State): SectionHandlers {
	return {
		'campaign.create': (request) => {
			const draft = parseCampaign(request.body);
			if (!draft) return fail(400);
			if (draft.id !== undefined && state.campaigns.byId.has(draft.id)) return fail(409);
			if (draft.actionIds.some((id) => !state.actions.byId.has(String(id)))) return fail(404);
			return ok(state.campaigns.create(draft));
		},
	};
}

function parseCampaign(value: unknown): CampaignDraft | undefined {
	const body = asObject(value);
	if (!body || typeof body.name !== 'string' || !body.name.trim()) return undefined;
	const { id, description, startDate, endDate, items } = body;
	if (id !== undefined && id !== null && !(typeof id === 'string' && ID_FORMATS.uuid(id))) return undefined;
	if (description !== undefined && description !== null && typeof description !== 'string') return undefined;
	const dates = [startDate, endDate].map((date) => (date === undefined || date === null ? null : typeof date === 'string' ? parseDate(date) : undefined));
	if (dates.some((date) => date === undefined)) return undefined;
	const actionIds = items === undefined || items === null ? [] : Array.isArray(items) ? items.map(itemId) : undefined;
	if (!actionIds?.every((item) => item !== undefined)) return undefined;
	const [start, end] = dates.map((date) => (date ? isoSeconds(date) : null));
	return {
		name: body.name,
		actionIds: actionIds as Array<string | number>,
		...(typeof id === 'string' ? { id } : {}),
		description: (description as string | null | undefined) ?? null,
		startDate: start,
		endDate: end,
	};
}

function itemId(value: unknown): string | number | undefined {
	const item = asObject(value);
	if (item?.type !== 'email') return undefined;
	if (typeof item.id === 'string' && item.id !== '') return item.id;
	return typeof item.id === 'number' && Number.isSafeInteger(item.id) && item.id >= 0 ? item.id : undefined;
}
