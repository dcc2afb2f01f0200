import type { Np6State } from './state';

export type SeedName = 'empty' | 'fields' | 'demo';

const FIRST_NAMES = ['Alice', 'Bruno', 'Chloé', 'David', 'Emma', 'Farid', 'Gabrielle', 'Hugo', 'Inès', 'Jules', 'Karima', 'Louis', 'Manon', 'Nathan', 'Océane', 'Paul'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel'];
const CITIES = ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Lille', 'Bordeaux', 'Strasbourg', 'Rennes', 'Nice'];

/**
 * The account a simulator starts with. `fields`: a typical contact schema (Email is the unicity field) and
 * three segments: static "Newsletter", static test segment "Test recipients", dynamic "Lyon" (City = Lyon).
 * `demo`: the same plus believable contacts, every third in "Newsletter", the first three in
 * "Test recipients", for `npm start`. Deterministic, so runs are comparable.
 */
export function seed(state: Np6State, name: SeedName, contacts = 300): void {
	if (name === 'empty') return;
	const fields = state.fields;
	const email = fields.addField({ type: 'email', name: 'Email', isUnicity: true, isMandatory: true, isCriterion: true });
	const firstName = fields.addField({ type: 'textField', name: 'FirstName', isUnicity: false, isMandatory: false });
	const lastName = fields.addField({ type: 'textField', name: 'LastName', isUnicity: false, isMandatory: false });
	const city = fields.addField({ type: 'textField', name: 'City', isUnicity: false, isMandatory: false, isCriterion: true });
	fields.addField({ type: 'date', name: 'BirthDate', isUnicity: false, isMandatory: false });
	fields.addField({ type: 'numeric', name: 'LoyaltyPoints', isUnicity: false, isMandatory: false });
	const languages = fields.addValueList('Languages', ['English', 'French', 'German', 'Spanish']);
	fields.addField({ type: 'singleSelectList', name: 'Language', isUnicity: false, isMandatory: false, valueListId: languages.id });
	fields.addField({ type: 'phone', name: 'Mobile', isUnicity: false, isMandatory: false });

	const created = new Date('2026-01-05T09:00:00Z');
	const newsletter = state.segments.create({ type: 'static', name: 'Newsletter', description: 'Monthly newsletter readers' }, created)!;
	const testRecipients = state.segments.create({ type: 'static', name: 'Test recipients', description: 'Receive test sends', isTest: true }, created)!;
	state.segments.create({ type: 'dynamic', name: 'Lyon', description: 'Contacts living in Lyon', rule: { fieldId: city.id, equals: 'Lyon' } }, created);
	if (name !== 'demo') return;

	for (let i = 0; i < contacts; i++) {
		const first = FIRST_NAMES[i % FIRST_NAMES.length];
		const last = LAST_NAMES[(i * 7) % LAST_NAMES.length];
		const written = state.contacts.create(
			{
				[email.id]: `${first}.${last}.${i}@example.com`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
				[firstName.id]: first,
				[lastName.id]: last,
				[city.id]: CITIES[(i * 3) % CITIES.length],
			},
			new Date(created.getTime() + i * 3_600_000),
		);
		if (!written.ok) continue;
		if (i % 3 === 0) state.segments.add(newsletter, written.contact.id);
		if (i < 3) state.segments.add(testRecipients, written.contact.id);
	}
}
