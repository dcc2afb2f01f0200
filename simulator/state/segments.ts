import type { Contact, ContactStore } from './contacts';
import { addYears, isoSeconds } from './dates';
import { Sequence } from './ids';

export type SegmentType = 'static' | 'dynamic';

/**
 * SIMULATOR CONVENTION, not NP6: the catalogue does not describe NP6's dynamic-segment criteria, so a
 * dynamic segment may carry `rule: {fieldId, equals}` and then holds every contact whose value for that
 * field equals `equals`. A dynamic segment without a rule is empty.
 */
export interface SegmentRule {
	fieldId: number;
	equals: string;
}

export interface Segment {
	type: SegmentType;
	id: number;
	name: string;
	description?: string;
	creation: string;
	expiration: string;
	isTest: boolean;
	parentId?: number;
	searchId?: number;
	rule?: SegmentRule;
}

export type SegmentInput = Pick<Segment, 'type' | 'name'> &
	Partial<Pick<Segment, 'description' | 'isTest' | 'parentId' | 'searchId' | 'rule'>> & { expiration?: Date };

/** Segments and the members of the static ones. Only static segments take members by hand. */
export class SegmentStore {
	readonly byId = new Map<number, Segment>();
	/** Member contact ids of each static segment, in the order they were added. */
	private readonly members = new Map<number, Set<string>>();
	private readonly ids = new Sequence(41);

	constructor(private readonly contacts: ContactStore) {
		contacts.onDelete((contact) => this.members.forEach((ids) => ids.delete(contact.id)));
	}

	/** Creates a segment; undefined when the name is taken. Expiration defaults to creation + 1 year. */
	create(input: SegmentInput, now = new Date()): Segment | undefined {
		if (this.byName(input.name)) return undefined;
		const { expiration, ...rest } = input;
		const segment: Segment = {
			...rest,
			id: this.ids.take(),
			creation: isoSeconds(now),
			expiration: isoSeconds(expiration ?? addYears(now, 1)),
			isTest: input.isTest ?? false,
		};
		if (segment.type !== 'dynamic') delete segment.rule;
		this.byId.set(segment.id, segment);
		return segment;
	}

	/** Applies a partial update (the type stays); false when the new name belongs to another segment. */
	update(segment: Segment, changes: Partial<Omit<SegmentInput, 'type'>>): boolean {
		const sameName = changes.name === undefined ? undefined : this.byName(changes.name);
		if (sameName && sameName.id !== segment.id) return false;
		const { expiration, rule, ...rest } = changes;
		Object.assign(segment, rest);
		if (expiration) segment.expiration = isoSeconds(expiration);
		if (rule && segment.type === 'dynamic') segment.rule = rule;
		return true;
	}

	delete(id: number): boolean {
		this.members.delete(id);
		return this.byId.delete(id);
	}

	get(id: number | undefined): Segment | undefined {
		return id === undefined ? undefined : this.byId.get(id);
	}

	byName(name: string): Segment | undefined {
		return [...this.byId.values()].find((s) => s.name === name);
	}

	memberIds(segment: Segment): string[] {
		if (segment.type === 'static') return [...this.staticMembers(segment)];
		return [...this.contacts.byId.values()].filter((c) => matches(segment.rule, c)).map((c) => c.id);
	}

	has(segment: Segment, contactId: string): boolean {
		if (segment.type === 'static') return this.staticMembers(segment).has(contactId);
		const contact = this.contacts.byId.get(contactId);
		return contact !== undefined && matches(segment.rule, contact);
	}

	/** Adds a contact to a static segment; false when it already is a member. */
	add(segment: Segment, contactId: string): boolean {
		const ids = this.staticMembers(segment);
		if (ids.has(contactId)) return false;
		ids.add(contactId);
		return true;
	}

	/** Removes a contact from a static segment; false when it was not a member. */
	remove(segment: Segment, contactId: string): boolean {
		return this.staticMembers(segment).delete(contactId);
	}

	clear(segment: Segment): void {
		this.staticMembers(segment).clear();
	}

	segmentsOf(contactId: string): Segment[] {
		return [...this.byId.values()].filter((segment) => this.has(segment, contactId));
	}

	/** The read shape; list items leave the description out. */
	view(segment: Segment, options: { withDescription: boolean }) {
		const { type, id, name, description, creation, expiration, isTest, parentId, searchId } = segment;
		return {
			type,
			id,
			name,
			...(options.withDescription && description !== undefined ? { description } : {}),
			creation,
			expiration,
			isTest,
			targetsCount: this.memberIds(segment).length,
			...(parentId !== undefined ? { parentId } : {}),
			...(searchId !== undefined ? { searchId } : {}),
		};
	}

	private staticMembers(segment: Segment): Set<string> {
		if (segment.type !== 'static') throw new Error(`Segment ${segment.id} is dynamic`);
		let ids = this.members.get(segment.id);
		if (!ids) this.members.set(segment.id, (ids = new Set()));
		return ids;
	}
}

function matches(rule: SegmentRule | undefined, contact: Contact): boolean {
	if (!rule) return false;
	const value = contact.fields[String(rule.fieldId)];
	return value !== undefined && value !== null && String(value) === rule.equals;
}
