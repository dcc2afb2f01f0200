import { randomUUID } from 'node:crypto';

import { isoSeconds } from './dates';

/**
 * An item (marketing object) of a campaign. SIMULATOR CONVENTION: the catalogue does not show the
 * item types; campaign items are actions, typed "email" like the campaign events' channel, and their
 * ids are action ids (a string, or a number as the int32 schema says: kept as given).
 */
export interface CampaignItem {
	type: 'email';
	id: string | number;
}

/** A campaign (catalogue model Campaign): a named group of marketing items. */
export interface Campaign {
	/** uuid (catalogue `idFormats`). */
	id: string;
	name: string;
	description: string | null;
	startDate: string | null;
	endDate: string | null;
	creationDate: string;
	updateDate: string;
	items: CampaignItem[];
}

export interface CampaignDraft {
	name: string;
	actionIds: Array<string | number>;
	id?: string;
	description?: string | null;
	startDate?: string | null;
	endDate?: string | null;
}

/** The ids of the actions a campaign holds, as text. */
export const actionIdsOf = (campaign: Campaign): string[] => campaign.items.map((item) => String(item.id));

/** The account's campaigns: `POST /campaigns` creates them; seeds and tests may too, in process. */
export class CampaignStore {
	readonly byId = new Map<string, Campaign>();

	create(draft: CampaignDraft, now = new Date()): Campaign {
		const id = draft.id ?? randomUUID();
		if (this.byId.has(id)) throw new Error(`campaign "${id}" already exists`);
		const created: Campaign = {
			id,
			name: draft.name,
			description: draft.description ?? null,
			startDate: draft.startDate ?? null,
			endDate: draft.endDate ?? null,
			creationDate: isoSeconds(now),
			updateDate: isoSeconds(now),
			items: draft.actionIds.map((actionId) => ({ type: 'email', id: actionId })),
		};
		this.byId.set(id, created);
		return created;
	}
}
