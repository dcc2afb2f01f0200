import { seedDemoActivity } from './demoActivity';
import { seedParameters } from './seedParameters';
import { seedScripting } from './seedScripting';
import type { Np6State } from './state';
import { ActionState } from './state/actions';
import type { Field } from './state/fields';
import type { Segment } from './state/segments';

export type SeedName = 'empty' | 'fields' | 'demo';

const FIRST_NAMES = ['Alice', 'Bruno', 'Chloé', 'David', 'Emma', 'Farid', 'Gabrielle', 'Hugo', 'Inès', 'Jules', 'Karima', 'Louis', 'Manon', 'Nathan', 'Océane', 'Paul'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel'];
const CITIES = ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Lille', 'Bordeaux', 'Strasbourg', 'Rennes', 'Nice'];

/** Fixed ids of the seeded push application and of the master version of "Flash sale". */
export const SEEDED_APPLICATION_ID = '5e1d0a11-0000-4000-8000-00000000a001';
export const SEEDED_MASTER_VERSION_ID = '5e1d0a11-0000-4000-8000-00000000b001';

/**
 * The account a simulator starts with. `fields`: a typical contact schema (Email is the unicity field),
 * three segments: static "Newsletter", static test segment "Test recipients", dynamic "Lyon" (City = Lyon),
 * the messages of `seedMessages`, the scripting objects of `seedScripting` and the parameters of
 * `seedParameters`.
 * `demo`: the same plus believable contacts (with a mobile number), every third in "Newsletter", the
 * first three in "Test recipients", and three days of sends and events (`seedDemoActivity`), for
 * `npm start`. Deterministic but for the timestamps, relative to seeding time, so runs are comparable.
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
	const mobile = fields.addField({ type: 'phone', name: 'Mobile', isUnicity: false, isMandatory: false });

	const created = new Date('2026-01-05T09:00:00Z');
	const newsletter = state.segments.create({ type: 'static', name: 'Newsletter', description: 'Monthly newsletter readers' }, created)!;
	const testRecipients = state.segments.create({ type: 'static', name: 'Test recipients', description: 'Receive test sends', isTest: true }, created)!;
	state.segments.create({ type: 'dynamic', name: 'Lyon', description: 'Contacts living in Lyon', rule: { fieldId: city.id, equals: 'Lyon' } }, created);
	seedMessages(state, { email, mobile, newsletter }, created);
	seedParameters(state, created);
	seedScripting(state, created);
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
				[mobile.id]: `+336${String(10_000_000 + ((i * 7_919) % 90_000_000))}`,
			},
			new Date(created.getTime() + i * 3_600_000),
		);
		if (!written.ok) continue;
		if (i % 3 === 0) state.segments.add(newsletter, written.contact.id);
		if (i < 3) state.segments.add(testRecipients, written.contact.id);
	}
	seedDemoActivity(state);
}

/**
 * Actions 000A01-000A04 and notification 301:
 * - "Order confirmation" (000A01): mailMessage, already validated (state 50), templating 4.1, archived,
 *   subject and HTML personalised with {{FirstName}};
 * - "Welcome" (000A02): mailMessage with content, state 20 (needs both validation phases);
 * - "Delivery update" (000A03): smsMessage, state 50, sent to the Mobile field;
 * - "Spring newsletter" (000A04): mailCampaign, state 20, scheduled asap on "Newsletter";
 * - "Flash sale" (301): push notification with a master version, on the application "Example Shop".
 */
function seedMessages(state: Np6State, seeded: { email: Field; mobile: Field; newsletter: Segment }, now: Date): void {
	const { actions } = state;
	state.categories.create('Transactional', 'Order and account messages', now);
	state.categories.create('Newsletters', 'Marketing campaigns', now);
	const from = { prefix: 'orders', domain: 'shop.example.com', label: 'Example Shop' };
	const order = actions.create(
		{
			type: 'mailMessage',
			name: 'Order confirmation',
			description: 'Sent when an order is placed',
			settings: { templating: { version: '4.1' }, field: seeded.email.id, archive: true },
			content: {
				headers: { from, reply: 'support@shop.example.com' },
				subject: 'Your order is confirmed, {{FirstName}}',
				html: '<html><body><p>Hello {{FirstName}},</p><p>Thank you for your order.</p><p><a href="https://shop.example.com/orders">Track it</a> - <a href="https://shop.example.com/unsubscribe">Unsubscribe</a></p></body></html>',
				text: 'Hello {{FirstName}}, thank you for your order. Track it: https://shop.example.com/orders',
			},
		},
		now,
	);
	order.informations.state = ActionState.validated;
	actions.create(
		{
			type: 'mailMessage',
			name: 'Welcome',
			settings: { templating: { version: '4.1' }, field: seeded.email.id },
			content: {
				headers: { from: { ...from, prefix: 'hello' } },
				subject: 'Welcome, {{FirstName}}!',
				html: '<html><body><p>Welcome to Example Shop, {{FirstName}}.</p><p><a href="https://shop.example.com/">Visit the shop</a></p></body></html>',
			},
		},
		now,
	);
	const sms = actions.create(
		{
			type: 'smsMessage',
			name: 'Delivery update',
			settings: { field: seeded.mobile.id },
			content: { textContent: 'Hello {{FirstName}}, your Example Shop parcel arrives today.' },
		},
		now,
	);
	sms.informations.state = ActionState.validated;
	actions.create(
		{
			type: 'mailCampaign',
			name: 'Spring newsletter',
			settings: { templating: { version: '4.1' }, field: seeded.email.id },
			content: {
				headers: { from: { ...from, prefix: 'news' } },
				subject: 'Spring is here, {{FirstName}}',
				html: '<html><body><p>Our spring collection is out.</p><p><a href="https://shop.example.com/spring">See it</a></p></body></html>',
			},
			scheduler: { type: 'asap', segments: { selected: [seeded.newsletter.id], excluded: [] }, speed: 0 },
		},
		now,
	);

	const application = state.applications.add('Example Shop', SEEDED_APPLICATION_ID);
	state.notifications.create(
		{
			type: 'push-app',
			name: 'Flash sale',
			description: 'Announces a flash sale',
			application: application.id,
			versions: [
				{
					id: SEEDED_MASTER_VERSION_ID,
					name: 'master',
					master: true,
					title: 'Flash sale, {{FirstName}}!',
					body: '-30% on everything until midnight.',
					redirection: 'https://shop.example.com/flash-sale',
				},
			],
		},
		now,
	);
}
