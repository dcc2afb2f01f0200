/**
 * Field and value lists are kept across executions (per credential, base URL and key, for "Metadata
 * Cache" seconds), so a triggered one-item Create or Update does not read GET /fields every time.
 * A list a failure suggests is stale is read again once; action states are never cached.
 * Each `runNode` is one execution in this process, as n8n runs triggered executions.
 */
import { getContactFields } from '../../nodes/Np6Contact/methods/resourceMapping';
import { metadataClock } from '../../nodes/shared/np6/metadataCache';
import { loadOptions, runNode, type Backend } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator({ apiKeys: ['key-one', 'key-two'] });
const other = useSimulator();
const state = () => simulator().state;
const log = () => simulator().server.log;
const operations = () => log().entries.map((e) => `${e.operation} ${e.status}`);
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const upsert = (value: Record<string, unknown>, requestOptions: Record<string, unknown> = {}) => ({
	type: 'np6Contact',
	parameters: { resource: 'contact', operation: 'upsert', fields: { mappingMode: 'defineBelow', value }, requestOptions },
});

let counter = 0;
const newEmail = () => `cache.${++counter}@example.com`;

/** The cache's clock runs this far ahead of the real one; `later` moves it on instead of waiting. */
let aheadMs = 0;
const later = (seconds: number) => (aheadMs += seconds * 1000);
beforeAll(() => jest.spyOn(metadataClock, 'now').mockImplementation(() => Date.now() + aheadMs));
afterAll(() => jest.restoreAllMocks());

beforeEach(() => {
	log().clear();
	other().server.log.clear();
});

describe('requests per triggered Create or Update', () => {
	test('a new contact: 3 requests cold (fields, lookup, create), then 1 per execution once the cache is warm', async () => {
		later(3600);
		const cold = await runNode(simulator(), upsert({ Email: newEmail(), City: 'Brest' }));
		expect(cold.error).toBeUndefined();
		expect(operations()).toEqual(['field.list 200', 'target.search 404', 'target.create 200']);

		for (let execution = 0; execution < 3; execution++) {
			log().clear();
			const warm = await runNode(simulator(), upsert({ Email: newEmail(), City: 'Brest' }));
			expect(warm.error).toBeUndefined();
			expect(warm.items[0].json.fields).toMatchObject({ City: 'Brest' });
			// The node's recent contacts were new, so it creates first: NP6's 409 would tell an existing one.
			expect(operations()).toEqual(['target.create 200']);
		}
	});

	test('an existing contact after new ones: the 409 leads to the lookup and the update (3 requests), and no contact is created twice', async () => {
		const email = newEmail();
		await runNode(simulator(), upsert({ Email: email, City: 'Brest' }));
		log().clear();
		const result = await runNode(simulator(), upsert({ Email: email, City: 'Quimper' }));
		expect(result.error).toBeUndefined();
		expect(operations()).toEqual(['target.create 409', 'target.search 200', 'target.update 200']);
		expect(state().contacts.find({ unicity: email })!.fields[String(state().fields.byName('City')!.id)]).toBe('Quimper');
	});

	test('a node whose recent contacts existed looks up first: 2 requests for an existing contact', async () => {
		const email = newEmail();
		await runNode(simulator(), upsert({ Email: email, City: 'Brest' }));
		for (let i = 0; i < 8; i++) await runNode(simulator(), upsert({ Email: email, City: `Town ${i}` }));
		log().clear();
		const result = await runNode(simulator(), upsert({ Email: email, City: 'Morlaix' }));
		expect(result.error).toBeUndefined();
		expect(operations()).toEqual(['target.search 200', 'target.update 200']);
	});
});

describe('time to live', () => {
	test('the lists are read again once the cache time has passed, not before', async () => {
		later(3600);
		await runNode(simulator(), upsert({ Email: newEmail() }));
		expect(log().handled('field.list')).toHaveLength(1);

		later(59);
		await runNode(simulator(), upsert({ Email: newEmail() }));
		expect(log().handled('field.list')).toHaveLength(1);

		later(2);
		await runNode(simulator(), upsert({ Email: newEmail() }));
		expect(log().handled('field.list')).toHaveLength(2);
	});

	test('a shorter "Metadata Cache" applies to the node that sets it', async () => {
		later(3600);
		await runNode(simulator(), upsert({ Email: newEmail() }));
		later(11);
		await runNode(simulator(), upsert({ Email: newEmail() }, { metadataCache: 10 }));
		expect(log().handled('field.list')).toHaveLength(2);
	});

	test('0 keeps nothing across executions: each reads the field list, once per run however many items', async () => {
		await runNode(simulator(), upsert({ Email: newEmail() }));
		log().clear();
		const items = [{ email: newEmail() }, { email: newEmail() }, { email: newEmail() }];
		await runNode(simulator(), upsert({ Email: '={{ $json.email }}' }, { metadataCache: 0 }), items);
		expect(log().handled('field.list')).toHaveLength(1);
		log().clear();
		await runNode(simulator(), upsert({ Email: newEmail() }, { metadataCache: 0 }));
		expect(log().handled('field.list')).toHaveLength(1);
		// Nor does Create or Update follow the node's earlier executions (new contacts): it looks up first.
		expect(operations()).toEqual(['field.list 200', 'target.search 404', 'target.create 200']);
	});

	test('concurrent executions that miss the cache share one read', async () => {
		later(3600);
		const results = await Promise.all(Array.from({ length: 4 }, () => runNode(simulator(), upsert({ Email: newEmail() }))));
		expect(results.map((r) => r.error)).toEqual([undefined, undefined, undefined, undefined]);
		expect(log().handled('field.list')).toHaveLength(1);
	});

	test('a shared read that fails fails only the execution that made it: the others read for themselves', async () => {
		later(3600);
		simulator().server.addFault({ kind: 'status', status: 403, operation: 'field.list', times: 1 });
		const results = await Promise.all(Array.from({ length: 3 }, () => runNode(simulator(), upsert({ Email: newEmail() }))));
		expect(results.filter((r) => r.error).map((r) => r.error?.httpCode)).toEqual(['403']);
		expect(log().entries.filter((e) => e.operation === 'field.list').map((e) => e.status)).toEqual([403, 200]);
	});
});

describe('scope', () => {
	test('another base URL, or another API key on the same one, never uses these lists', async () => {
		await runNode(simulator(), upsert({ Email: newEmail() }));
		log().clear();
		// Another NP6 account (base URL) has its own fields.
		other().state.fields.addField({ type: 'textField', name: 'OnlyElsewhere', isUnicity: false, isMandatory: false });
		const elsewhere = await runNode(other(), upsert({ Email: newEmail(), OnlyElsewhere: 'x' }));
		expect(elsewhere.error).toBeUndefined();
		expect(other().server.log.handled('field.list')).toHaveLength(1);

		const otherKey: Backend = { url: simulator().url, apiKey: 'key-two' };
		await runNode(otherKey, upsert({ Email: newEmail() }));
		expect(log().handled('field.list')).toHaveLength(1);
		log().clear();
		await runNode(simulator(), upsert({ Email: newEmail() }));
		expect(log().handled('field.list')).toHaveLength(0);
	});
});

describe('invalidation', () => {
	test('a field added since the lists were cached: one re-read, and the contact is written with it', async () => {
		await runNode(simulator(), upsert({ Email: newEmail() }));
		const added = state().fields.addField({ type: 'textField', name: 'Nickname', isUnicity: false, isMandatory: false });
		log().clear();
		const email = newEmail();
		const result = await runNode(simulator(), upsert({ Email: email, Nickname: 'Dee' }));
		expect(result.error).toBeUndefined();
		expect(log().handled('field.list')).toHaveLength(1);
		expect(state().contacts.find({ unicity: email })!.fields[String(added.id)]).toBe('Dee');
		expect(result.items[0].json.fields).toMatchObject({ Nickname: 'Dee' });
	});

	test('a field removed since: NP6 refuses it (400), the lists are read once more, and the item fails naming the field', async () => {
		const doomed = state().fields.addField({ type: 'textField', name: 'Doomed', isUnicity: false, isMandatory: false });
		await runNode(simulator(), upsert({ Email: newEmail(), Doomed: 'yes' }));
		state().fields.fields.delete(doomed.id);
		log().clear();
		const result = await runNode(simulator(), upsert({ Email: newEmail(), Doomed: 'still' }));
		expect(result.error?.message).toBe('The field "Doomed" does not exist in this NP6 account');
		expect(log().handled('field.list')).toHaveLength(1);
		expect(log().handled('target.create').map((e) => e.status)).toEqual([400]);
	});

	test('a value added to a value list since: one re-read of the value lists, and the value is accepted', async () => {
		await runNode(simulator(), upsert({ Email: newEmail(), Language: 'French' }));
		state().fields.valueListByName('Languages')!.values.push({ index: 99, value: 'Breton' });
		log().clear();
		const result = await runNode(simulator(), upsert({ Email: newEmail(), Language: 'breton' }));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.fields).toMatchObject({ Language: 'Breton' });
		expect(log().handled('valueList.list')).toHaveLength(1);
		expect(log().handled('field.list')).toHaveLength(1);
	});

	test('a field unknown to NP6 too is refused after one re-read, not one per item', async () => {
		await runNode(simulator(), upsert({ Email: newEmail() }));
		log().clear();
		const items = [{ email: newEmail() }, { email: newEmail() }, { email: newEmail() }];
		const result = await runNode(simulator(), { ...upsert({ Email: '={{ $json.email }}', Nope: 'x' }), continueOnFail: true }, items);
		expect(result.items.map((i) => i.json.error)).toEqual(Array(3).fill('The field "Nope" does not exist in this NP6 account'));
		expect(log().handled('field.list')).toHaveLength(1);
		expect(log().entries.filter((e) => e.path.startsWith('/targets'))).toHaveLength(0);
	});

	test('deleting a field with the Field resource forgets the cached lists: the next execution refuses it before any contact request', async () => {
		const removed = state().fields.addField({ type: 'textField', name: 'Removed Here', isUnicity: false, isMandatory: false });
		await runNode(simulator(), upsert({ Email: newEmail(), 'Removed Here': 'x' }));
		const deleted = await runNode(simulator(), { type: 'np6Contact', parameters: { resource: 'field', operation: 'delete', field: byId(String(removed.id)) } });
		expect(deleted.error).toBeUndefined();
		log().clear();
		const result = await runNode(simulator(), upsert({ Email: newEmail(), 'Removed Here': 'y' }));
		expect(result.error?.message).toBe('The field "Removed Here" does not exist in this NP6 account');
		// A stale list would have let the create through to NP6's 400 first.
		expect(operations()).toEqual(['field.list 200']);
	});
});

describe('editor', () => {
	test('the field mapper always reads NP6, and the executions after it use what it read', async () => {
		await runNode(simulator(), upsert({ Email: newEmail() }));
		state().fields.addField({ type: 'textField', name: 'Shown In Editor', isUnicity: false, isMandatory: false });
		log().clear();
		const mapper = await loadOptions(simulator(), upsert({ Email: '' }), getContactFields);
		expect(mapper.fields.map((f) => f.id)).toContain('Shown In Editor');
		expect(log().handled('field.list')).toHaveLength(1);

		const result = await runNode(simulator(), upsert({ Email: newEmail(), 'Shown In Editor': 'yes' }));
		expect(result.error).toBeUndefined();
		expect(log().handled('field.list')).toHaveLength(1);
	});
});

describe('sends never use a cached action state', () => {
	test('an action unvalidated between two sends: the second reads its state and sends nothing', async () => {
		const email = state().fields.byName('Email')!.id;
		state().contacts.create({ [email]: 'send.cache@example.com' });
		const action = [...state().actions.byId.values()].find((a) => a.name === 'Order confirmation')!;
		const send = {
			type: 'np6Action',
			parameters: { resource: 'action', operation: 'send', action: byId(action.id), recipientBy: 'unicity', recipient: 'send.cache@example.com' },
		};
		const first = await runNode(simulator(), send);
		expect(first.error).toBeUndefined();
		expect(first.items[0].json.status).toBe('sent');
		const delivered = state().deliveries.all.length;

		action.informations.state = 38;
		log().clear();
		const second = await runNode(simulator(), send);
		expect(log().handled('action.get')).toHaveLength(1);
		expect(second.error?.message).toMatch(/not validated for sending: it is in state 38/);
		expect(state().deliveries.all.length).toBe(delivered);
	});
});
