/** Archives of sent emails, and the legacy statistics and conversations read from deliveries and events. */
import { catalogue } from '../../simulator/catalogue';
import { useSimulator } from '../harness/simulator';
import { mailMessage, messaging } from './messaging';

const simulator = useSimulator({ validationDelayMs: 20 });
const { call, newContact, validatedAction, sendMany, byId } = messaging(simulator);
const ARCHIVE = 'application/vnd.np6.cm.mail.archive';

/** Sends an action to new contacts; answers the contacts and their deliveries. */
async function sendTo(actionId: string, count: number) {
	const contacts = Array.from({ length: count }, () => newContact());
	const sent = await sendMany(actionId, contacts.map((c) => ({ recipient: byId(c) })));
	expect(sent.status).toBe(200);
	// NP6 answers a batch in no promised order: each contact's delivery is found by its result's recipient.
	const results = sent.json as Array<{ id: string; recipient: { id: string } }>;
	const deliveries = contacts.map((c) => simulator().state.deliveries.get(results.find((r) => r.recipient.id === c.id)!.id)!);
	return { contacts, deliveries };
}

test('every operation of the archives, statistics and conversations sections is implemented', () => {
	const keys = catalogue.sections
		.filter((s) => s.docSlug === 'actionarchives' || s.section === 'Statistics' || s.section === 'Conversations')
		.flatMap((s) => s.operations.map((o) => o.key));
	expect(keys).toHaveLength(6);
	for (const key of keys) expect(simulator().server.router.implementedOperations).toContain(key);
});

describe('archives', () => {
	test('emails of actions with settings.archive are archived; list answers them with the archive media type', async () => {
		const archived = await validatedAction(mailMessage({ settings: { templating: { version: '4.1' }, archive: true } }));
		const plain = await validatedAction();
		const { contacts, deliveries } = await sendTo(archived.id, 2);
		await sendTo(plain.id, 1);
		const listed = await call('GET', '/actions/archives');
		expect(listed.status).toBe(200);
		expect(listed.headers['content-type']).toBe(ARCHIVE);
		const mine = listed.json.filter((a: { action: string }) => a.action === archived.id);
		expect(mine).toEqual(
			deliveries.map((delivery, i) => ({
				id: delivery.archiveId,
				action: archived.id,
				target: contacts[i].id,
				sendingDate: new Date(delivery.at).toISOString(),
				url: `https://archives.np6-simulator.invalid/${delivery.archiveId}.eml`,
				expiresOn: new Date(delivery.at + 32 * 24 * 3_600_000).toISOString(),
			})),
		);
		expect(listed.json.some((a: { action: string }) => a.action === plain.id)).toBe(false);
	});

	test('the startDate/endDate window is half-open; unreadable dates give 400', async () => {
		const action = await validatedAction(mailMessage({ settings: { archive: true } }));
		const { deliveries } = await sendTo(action.id, 1);
		const at = deliveries[0].at;
		const ids = async (query: string) =>
			(await call('GET', `/actions/archives?${query}`)).json.filter((a: { action: string }) => a.action === action.id).length;
		expect(await ids(`startDate=${at}&endDate=${at + 1}`)).toBe(1);
		expect(await ids(`startDate=${new Date(at).toISOString()}`)).toBe(1);
		expect(await ids(`startDate=${at + 1}`)).toBe(0);
		expect(await ids(`endDate=${at}`)).toBe(0);
		expect((await call('GET', '/actions/archives?startDate=soon')).status).toBe(400);
	});

	test('archives of one action sent to one target; 404 for an unknown action', async () => {
		const action = await validatedAction(mailMessage({ settings: { templating: { version: '4.1' }, archive: true } }));
		const { contacts } = await sendTo(action.id, 2);
		await sendMany(action.id, [{ recipient: byId(contacts[0]) }]);
		const forFirst = await call('GET', `/actions/${action.id}/targets/${contacts[0].id}/archives`);
		expect(forFirst.status).toBe(200);
		expect(forFirst.headers['content-type']).toBe(ARCHIVE);
		expect(forFirst.json).toHaveLength(2);
		forFirst.json.forEach((a: { action: string; target: string }) => expect(a).toMatchObject({ action: action.id, target: contacts[0].id }));
		expect((await call('GET', `/actions/${action.id}/targets/NOPE0000/archives`)).json).toEqual([]);
		expect((await call('GET', `/actions/QQQQQQ/targets/${contacts[0].id}/archives`)).status).toBe(404);
	});
});

describe('statistics (legacy)', () => {
	test('aggregated counters of an action, from its deliveries and feedback events', async () => {
		const action = await validatedAction();
		const redlisted = newContact();
		simulator().state.contacts.redlist(redlisted.id, 'mail', { timestamp: new Date().toISOString(), origin: 1, detail: {} });
		await sendMany(action.id, [{ recipient: byId(redlisted) }]);
		const { deliveries } = await sendTo(action.id, 3);
		const { events } = simulator().state;
		const [a, b, c] = deliveries;
		events.inject(a, { type: 'hit', link: 'open' });
		events.inject(a, { type: 'hit', link: 'open' });
		events.inject(b, { type: 'hit', link: 'open' });
		events.inject(a, { type: 'hit', link: 'redirection', url: 'https://example.com/a' });
		events.inject(b, { type: 'hit', link: 'unsubscribe' });
		events.inject(c, { type: 'bounce', verdict: 'hard' });
		events.inject(b, { type: 'bounce', verdict: 'soft' });
		events.inject(b, { type: 'complaint' });
		const statistics = await call('GET', `/actions/${action.id}/statistics`);
		expect(statistics.status).toBe(200);
		expect(statistics.json).toEqual({
			type: 'mail',
			dispatch: { sent: 3, rejected: { total: 1, redlist: 1, bounces: 0, blacklist: 0, marketingPressure: 0, emptyAddress: 0, exclusions: 0 } },
			feedback: {
				reactive: { total: 4, unique: 2 },
				opening: { total: 3, opener: { total: 2 } },
				click: { total: 1, clicker: { total: 1, effective: 1 } },
				roi: { revenue: 0, commands: 0, products: 0 },
				social: { facebook: { shares: 0 } },
				bounce: { soft: 1, hard: 1, spam: 0 },
				redlist: {
					unsubscribe: { total: 1, form: 1, list: 0 },
					complaint: { total: 1, aol: 0, comcast: 0, hotmail: 0, spamcopauto: 0, sspam: 0, yahoo: 0 },
				},
			},
		});
		expect((await call('GET', '/actions/QQQQQQ/statistics')).status).toBe(404);
	});

	test('bounced targets (NPAI) and the bounces of one action', async () => {
		const action = await validatedAction(mailMessage({ settings: { field: simulator().state.fields.byName('Email')!.id } }));
		const { contacts, deliveries } = await sendTo(action.id, 3);
		const { events } = simulator().state;
		const at = Date.parse('2030-03-01T10:00:00Z');
		events.inject(deliveries[0], { type: 'bounce', verdict: 'hard', at });
		events.inject(deliveries[0], { type: 'bounce', verdict: 'soft', at: at + 1000 });
		events.inject(deliveries[1], { type: 'complaint', at: at + 2000 });
		events.inject(deliveries[2], { type: 'hit', link: 'open', at });

		const targets = await call('GET', '/targets/bounces');
		expect(targets.status).toBe(200);
		const emailField = simulator().state.fields.byName('Email')!.id;
		expect(targets.json.find((t: { id: string }) => t.id === contacts[0].id)).toEqual({
			id: contacts[0].id,
			bounces: [
				{ type: 'hardUser', fieldId: emailField, detail: { message: 'bad destination mailbox address' }, timestamp: '2030-03-01T10:00:00Z' },
				{ type: 'soft', fieldId: emailField, detail: { message: 'mailbox full' }, timestamp: '2030-03-01T10:00:01Z' },
			],
		});
		expect(targets.json.some((t: { id: string }) => t.id === contacts[1].id || t.id === contacts[2].id)).toBe(false);

		const bounces = await call('GET', `/actions/${action.id}/feedbacks/bounces`);
		expect(bounces.json).toEqual([
			{ target: contacts[0].id, timestamp: '2030-03-01T10:00:00Z', bounceType: 52 },
			{ target: contacts[0].id, timestamp: '2030-03-01T10:00:01Z', bounceType: 4 },
			{ target: contacts[1].id, timestamp: '2030-03-01T10:00:02Z', bounceType: 6 },
		]);
		expect((await call('GET', '/actions/QQQQQQ/feedbacks/bounces')).status).toBe(404);
	});
});

describe('conversations (legacy)', () => {
	test('a sent message and its delivery events; 404 for an unknown message id', async () => {
		const action = await validatedAction();
		const { contacts, deliveries } = await sendTo(action.id, 1);
		const delivery = deliveries[0];
		simulator().state.events.inject(delivery, { type: 'hit', link: 'open', at: delivery.at + 5 });
		simulator().state.events.inject(delivery, { type: 'bounce', verdict: 'soft', at: delivery.at + 10 });
		const conversation = await call('GET', `/messages/${delivery.messageId}`);
		expect(conversation.status).toBe(200);
		const sent = new Date(delivery.at).toISOString();
		expect(conversation.json).toEqual({
			type: 'message',
			media: 'mail',
			id: delivery.messageId,
			actionId: action.id,
			target: contacts[0].id,
			events: [
				{ type: 'requested', date: sent },
				{ type: 'received', origin: 'smtp', recipient: contacts[0].unicity, date: sent },
				{ type: 'bounced', date: new Date(delivery.at + 10).toISOString() },
			],
		});
		expect((await call('GET', '/messages/6dc5cd3d-e233-4359-be70-088833f89bff')).status).toBe(404);
	});
});
