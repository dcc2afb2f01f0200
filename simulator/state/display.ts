/** A display content (banner, web block) of a display campaign. Both ids are free strings in the catalogue. */
export interface DisplayContent {
	id: string;
	name: string;
	/** The display campaign the content belongs to. */
	campaign: string;
}

/**
 * The display contents the account has: only what the display events need, since the catalogue
 * documents no display management. Seeds and tests add them in process.
 */
export class DisplayStore {
	readonly contents = new Map<string, DisplayContent>();

	addContent(content: DisplayContent): DisplayContent {
		if (this.contents.has(content.id)) throw new Error(`display content "${content.id}" already exists`);
		this.contents.set(content.id, { ...content });
		return this.contents.get(content.id)!;
	}
}
