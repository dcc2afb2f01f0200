import { alphanumericId, contactHash, Sequence } from './ids';
import type { FieldStore } from './fields';

export interface Contact {
	id: string;
	hash: string;
	unicity: string;
	creationDate: string;
	lastUpdateDate: string;
	/** Values keyed by field id, as NP6 reads them back. */
	fields: Record<string, unknown>;
}

export type ContactWrite =
	| { ok: true; contact: Contact }
	| { ok: false; status: 400 | 404 | 409 };

/** Contacts ("targets") stored by field id, addressable by id, unicity and hash. */
export class ContactStore {
	readonly byId = new Map<string, Contact>();
	private readonly idByUnicity = new Map<string, string>();
	private readonly idByHash = new Map<string, string>();
	private readonly ids = new Sequence(36 ** 3 * 25);

	constructor(private readonly fields: FieldStore) {}

	/**
	 * Creates a contact from values keyed by field id. With several unicity fields the unicity is
	 * their values joined by "|" (NP6 does not document the concatenation).
	 */
	create(values: Record<string, unknown>, now = new Date()): ContactWrite {
		const checked = this.check(values);
		if (checked !== true) return { ok: false, status: checked };
		const unicity = this.unicityOf(values);
		if (unicity === undefined) return { ok: false, status: 400 };
		if (this.idByUnicity.has(unicity)) return { ok: false, status: 409 };
		const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
		const contact: Contact = {
			id: alphanumericId(this.ids.take(), 8),
			hash: contactHash(unicity),
			unicity,
			creationDate: stamp,
			lastUpdateDate: stamp,
			fields: { ...values },
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
		contact.lastUpdateDate = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
		this.index(contact);
		return { ok: true, contact };
	}

	delete(id: string): boolean {
		const contact = this.byId.get(id);
		if (!contact) return false;
		this.unindex(contact);
		return true;
	}

	find(by: { id?: string; unicity?: string; hash?: string }): Contact | undefined {
		const id =
			by.id ??
			(by.unicity !== undefined ? this.idByUnicity.get(by.unicity) : undefined) ??
			(by.hash !== undefined ? this.idByHash.get(by.hash.toLowerCase()) : undefined);
		return id === undefined ? undefined : this.byId.get(id);
	}

	/** The read shape: values nested under `fields`, keyed by field id. */
	static view(contact: Contact) {
		const { id, hash, creationDate, lastUpdateDate, fields } = contact;
		return { id, hash, creationDate, lastUpdateDate, fields: { ...fields } };
	}

	private check(values: Record<string, unknown>): true | 400 | 404 {
		for (const [key, value] of Object.entries(values)) {
			const field = this.fields.fields.get(Number(key));
			if (!field) return 400;
			if (!this.fields.accepts(field, value)) return 404;
		}
		return true;
	}

	private unicityOf(values: Record<string, unknown>): string | undefined {
		const parts = this.fields.unicityFields().map((f) => values[String(f.id)]);
		if (parts.length === 0 || parts.some((p) => p === undefined || p === null || p === '')) return undefined;
		return parts.map(String).join('|');
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
