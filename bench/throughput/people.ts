import type { Simulator } from '../../simulator';

/** A type alias, not an interface, so people pass as n8n input items (IDataObject) as they are. */
export type Person = {
	email: string;
	city: string;
};

const CITIES = ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes'];

/** `count` distinct contacts; `label` keeps the addresses of different runs apart in logs. */
export function people(count: number, label: string): Person[] {
	return Array.from({ length: count }, (_, i) => ({ email: `${label}.${i}@example.com`, city: CITIES[i % CITIES.length] }));
}

/** Stores the people as existing contacts, straight into the simulator's state (no request). */
export function storeContacts(simulator: Simulator, existing: Person[]): void {
	const { fields, contacts } = simulator.state;
	const email = fields.byName('Email')!.id;
	const city = fields.byName('City')!.id;
	for (const person of existing) {
		const created = contacts.create({ [email]: person.email, [city]: person.city });
		if (!created.ok) throw new Error(`could not create ${person.email} (${created.status})`);
	}
}
