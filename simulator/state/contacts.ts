import { inWindow, isoSeconds, type DateWindow } from './dates';
import { alphanumericId, contactHash, Sequence } from './ids';
import type { FieldStore } from './fields';

export type RedlistMedium = 'mail' | 'sms';

export interface RedlistEntry {
	timestamp: string;
	/** 0 unknown, 1 API, 2 imports, 3 form, 4 unsubscribe, 5 complaint, 6-9 SMS stop/blacklist/administrative/specific. */
	origin: number;
	detail: Record<string, unknown>;
}

export interface Contact {
	id: string;
	hash: string;
	unicity: string;
	creationDate: string;
	lastUpdateDate: string;
	/** Values keyed by field id, as NP6 reads them back. */
	fields: Record<string, unknown>;
	redlist: Partial<Record<RedlistMedium, RedlistEntry>>;
}

/** How responses name a contact. */
export interface Footprint {
	type: 'footprint';
	id: string;
	unicity: string;
	hash: string;
}

export type ContactWrite =
	| { ok: true; contact: Contact }
	| { ok: false; status: 400 | 404 | 409 };

/**
 * With several unicity fields, a contact's unicity is their values joined by "|" (NP6 does not document
 * the concatenation); segment adds and the hash use the same string.
 */
const UNICITY_SEPARATOR = '|';

export const joinUnicity = (parts: string[]): string => parts.join(UNICITY_SEPARATOR);

export const splitUnicity = (unicity: string): string[] => unicity.split(UNICITY_SEPARATOR);

/** Contacts ("targets") stored by field id, addressable by id, unicity and hash. */
export class ContactStore {
	readonly byId = new Map<string, Contact>();
	private readonly idByUnicity = new Map<string, string>();
	private readonly idByHash = new Map<string, string>();
	private readonly ids = new Sequence(36 ** 3 * 25);
	private readonly deletionListeners: Array<(contact: Contact) => void> = [];

	constructor(private readonly fields: FieldStore) {}

	/** Creates a contact from values keyed by field id. */
	create(values: Record<string, unknown>, now = new Date()): ContactWrite {
		const checked = this.check(values);
		if (checked !== true) return { ok: false, status: checked };
		const unicity = this.unicityOf(values);
		if (unicity === undefined) return { ok: false, status: 400 };
		if (this.idByUnicity.has(unicity)) return { ok: false, status: 409 };
		const stamp = isoSeconds(now);
		const contact: Contact = {
			id: alphanumericId(this.ids.take(), 8),
			hash: contactHash(unicity),
			unicity,
			creationDate: stamp,
			lastUpdateDate: stamp,
			fields: { ...values },
			redlist: {},
		};
		this.index(contact);
		return { ok: true, contact };
	}

	/** Merges values keyed by field id into a contact. */
	update(id: string, values: Record<string, unknown>, now = new Date()): ContactWrite {
		const contact = this.byId.get(id);
		if (!contact) return { ok: false, status: 404 };
		const checked = this.check(values);
		if (checked !== true) return { ok: false, status: checked };
		const merged = { ...contact.fields, ...values };
		const unicity = this.unicityOf(merged);
		if (unicity === undefined) return { ok: false, status: 400 };
		if (unicity !== contact.unicity && this.idByUnicity.has(unicity)) return { ok: false, status: 409 };
		this.unindex(contact);
		contact.fields = merged;
		contact.unicity = unicity;
		contact.hash = contactHash(unicity);
		contact.lastUpdateDate = isoSeconds(now);
		this.index(contact);
		return { ok: true, contact };
	}

	delete(id: string): boolean {
		const contact = this.byId.get(id);
		if (!contact) return false;
		this.unindex(contact);
		this.deletionListeners.forEach((listener) => listener(contact));
		return true;
	}

	/** Lets other stores forget a contact (segment memberships, subscriptions) when it is deleted. */
	onDelete(listener: (contact: Contact) => void): void {
		this.deletionListeners.push(listener);
	}

	/** Exact matches only: NP6 ids are upper case and hashes lower-case hex, so "000pkxk4" names no contact. */
	find(by: { id?: string; unicity?: string; hash?: string }): Contact | undefined {
		const id =
			by.id ??
			(by.unicity !== undefined ? this.idByUnicity.get(by.unicity) : undefined) ??
			(by.hash !== undefined ? this.idByHash.get(by.hash) : undefined);
		return id === undefined ? undefined : this.byId.get(id);
	}

	/** The unicity string of a set of values keyed by field id; undefined when a unicity value is missing. */
	unicityOf(values: Record<string, unknown>): string | undefined {
		const parts = this.fields.unicityFields().map((f) => values[String(f.id)]);
		if (parts.length === 0 || parts.some((p) => p === undefined || p === null || p === '')) return undefined;
		return joinUnicity(parts.map(String));
	}

	/** The unicity field values a unicity string stands for (the inverse of `unicityOf`). */
	valuesOfUnicity(unicity: string): Record<string, string> | undefined {
		const fields = this.fields.unicityFields();
		const parts = fields.length > 1 ? splitUnicity(unicity) : [unicity];
		if (fields.length === 0 || parts.length !== fields.length) return undefined;
		return Object.fromEntries(fields.map((field, i) => [String(field.id), parts[i]]));
	}

	redlist(id: string, medium: RedlistMedium, entry: RedlistEntry): boolean {
		const contact = this.byId.get(id);
		if (!contact) return false;
		contact.redlist[medium] = entry;
		return true;
	}

	/** Contacts redlisted for a medium, oldest first, within the half-open window [start, end). */
	redlisted(medium: RedlistMedium, window: DateWindow = {}): Array<{ id: string } & RedlistEntry> {
		return [...this.byId.values()]
			.flatMap((contact) => {
				const entry = contact.redlist[medium];
				return entry && inWindow(Date.parse(entry.timestamp), window) ? [{ id: contact.id, ...entry }] : [];
			})
			.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
	}

	/** The read shape: values nested under `fields`, keyed by field id. */
	static view(contact: Contact) {
		const { id, hash, creationDate, lastUpdateDate, fields } = contact;
		return { id, hash, creationDate, lastUpdateDate, fields: { ...fields } };
	}

	/** How responses name a contact. */
	static footprint(contact: Contact): Footprint {
		return { type: 'footprint', id: contact.id, unicity: contact.unicity, hash: contact.hash };
	}

	/** Whether a contact may receive messages on a medium. */
	static isRedlisted(contact: Contact, medium: RedlistMedium): boolean {
		return contact.redlist[medium] !== undefined;
	}

	private check(values: Record<string, unknown>): true | 400 | 404 {
		for (const [key, value] of Object.entries(values)) {
			const field = this.fields.fields.get(Number(key));
			if (!field) return 400;
			if (!this.fields.accepts(field, value)) return 404;
		}
		return true;
	}

	private index(contact: Contact): void {
		this.byId.set(contact.id, contact);
		this.idByUnicity.set(contact.unicity, contact.id);
		this.idByHash.set(contact.hash, contact.id);
	}

	private unindex(contact: Contact): void {
		this.byId.delete(contact.id);
		this.idByUnicity.delete(contact.unicity);
		this.idByHash.delete(contact.hash);
	}
}
