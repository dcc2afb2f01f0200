import { Sequence } from './ids';

/** A platform user, as a group lists them (NP6 calls them the group's contacts; they are not targets). */
export interface PlatformUser {
	id: number;
	firstName: string;
	lastName: string;
	email: string;
}

/**
 * A group of platform users (legacy section "Groups": import reports are sent to group ids).
 * SIMULATOR CONVENTION: the older docs show no answer; a group is what their sample code writes,
 * `{name, description, type}`, plus its int id.
 */
export interface Group {
	id: number;
	name: string;
	description: string | null;
	type: string;
}

/** The account's user groups and their members; the API only reads and deletes them, seeds add them. */
export class GroupStore {
	readonly byId = new Map<number, Group>();
	readonly members = new Map<number, PlatformUser[]>();
	private readonly ids = new Sequence(501);
	private readonly userIds = new Sequence(9001);

	add(group: Omit<Group, 'id'>, members: Array<Omit<PlatformUser, 'id'>> = []): Group {
		const created = { id: this.ids.take(), ...group };
		this.byId.set(created.id, created);
		this.members.set(
			created.id,
			members.map((member) => ({ id: this.userIds.take(), ...member })),
		);
		return created;
	}

	delete(id: number): boolean {
		this.members.delete(id);
		return this.byId.delete(id);
	}
}
