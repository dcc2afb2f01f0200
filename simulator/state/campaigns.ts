import { randomUUID } from 'node:crypto';

/** A campaign: a named group of marketing items. SIMULATOR CONVENTION: its items are action ids. */
export interface Campaign {
	/** uuid (catalogue `idFormats`). */
	id: string;
	name: string;
	actionIds: string[];
}

/**
 * The account's campaigns, as far as the campaign events need them: the catalogue knows only
 * `POST /campaigns`, which the simulator does not implement. Seeds and tests create them in process.
 */
export class CampaignStore {
	readonly byId = new Map<string, Campaign>();

	create(campaign: { name: string; actionIds: string[]; id?: string }): Campaign {
		const created = { id: campaign.id ?? randomUUID(), name: campaign.name, actionIds: [...campaign.actionIds] };
		if (this.byId.has(created.id)) throw new Error(`campaign "${created.id}" already exists`);
		this.byId.set(created.id, created);
		return created;
	}
}
