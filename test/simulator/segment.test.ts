/** Segments: static ones take members by hand (max 50 per call), dynamic ones follow a rule. */
import { startSimulator } from '../../simulator';
import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();
const call = httpClient(simulator);
const fieldId = (name: string) => simulator().state.fields.byName(name)!.id;

let counter = 0;
function newContacts(count: number, fields: Record<string, string> = {}) {
	return Array.from({ length: count }, () => {
		const written = simulator().state.contacts.create({ [fieldId('Email')]: `member.${++counter}@example.com`, ...fields });
		if (!written.ok) throw new Error(`contact not created: ${written.status}`);
		return written.contact;
	});
}

async function newStatic(extra: Record<string, unknown> = {}) {
	const created = await call('POST', '/segments', { body: { type: 'static', name: `static ${++counter}`, ...extra } });
	expect(created.status).toBe(200);
	return created.json as { id: number; name: string };
}

describe('definitions', () => {
	test('create fills id, creation, expiration (+1 year), targetsCount and isTest', async () => {
		const created = await call('POST', '/segments', { body: { type: 'static', name: 'new static segment', description: 'a description' } });
		expect(created.status).toBe(200);
		expect(created.json).toEqual({
			type: 'static',
			id: expect.any(Number),
			name: 'new static segment',
			description: 'a description',
			creation: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
			expiration: expect.any(String),
			isTest: false,
			targetsCount: 0,
		});
		const { creation, expiration } = created.json;
		expect(new Date(expiration).getUTCFullYear() - new Date(creation).getUTCFullYear()).toBe(1);
		expect(expiration.slice(4)).toBe(creation.slice(4));
	});

	test('400 without a valid type or name; 409 for a taken name', async () => {
		expect((await call('POST', '/segments', { body: { name: 'typeless' } })).status).toBe(400);
		expect((await call('POST', '/segments', { body: { type: 'smart', name: 'odd' } })).status).toBe(400);
		expect((await call('POST', '/segments', { body: { type: 'static' } })).status).toBe(400);
		const taken = await call('POST', '/segments', { body: { type: 'dynamic', name: 'Newsletter' } });
		expect(taken.status).toBe(409);
		expect(taken.text).toBe('');
	});

	test('list leaves descriptions out; get shows them; 404 for an unknown id', async () => {
		const list = await call('GET', '/segments');
		expect(list.json.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Newsletter', 'Test recipients', 'Lyon']));
		list.json.forEach((s: object) => expect(s).not.toHaveProperty('description'));
		const newsletter = list.json.find((s: { name: string }) => s.name === 'Newsletter');
		expect((await call('GET', `/segments/${newsletter.id}`)).json).toEqual({ ...newsletter, description: 'Monthly newsletter readers' });
		expect((await call('GET', '/segments/999999')).status).toBe(404);
		expect((await call('GET', '/segments/abc')).status).toBe(404);
	});

	test('update is partial; 409 for another segment\'s name, 400 for a type change', async () => {
		const segment = await newStatic({ description: 'before' });
		const updated = await call('PUT', `/segments/${segment.id}`, { body: { type: 'static', id: segment.id, name: 'renamed', expiration: '2030-01-01T00:00:00Z' } });
		expect(updated.status).toBe(200);
		expect(updated.json).toMatchObject({ name: 'renamed', description: 'before', expiration: '2030-01-01T00:00:00Z' });
		expect((await call('PUT', `/segments/${segment.id}`, { body: { name: 'Newsletter' } })).status).toBe(409);
		expect((await call('PUT', `/segments/${segment.id}`, { body: { type: 'dynamic' } })).status).toBe(400);
		expect((await call('PUT', '/segments/999999', { body: { name: 'ghost' } })).status).toBe(404);
	});

	test('delete answers 204, then 404', async () => {
		const segment = await newStatic();
		expect((await call('DELETE', `/segments/${segment.id}`)).status).toBe(204);
		expect((await call('GET', `/segments/${segment.id}`)).status).toBe(404);
		expect((await call('DELETE', `/segments/${segment.id}`)).status).toBe(404);
	});

	test('informations counts segments by kind', async () => {
		const all = [...simulator().state.segments.byId.values()];
		const informations = await call('GET', '/segments/informations');
		expect(informations.json).toEqual({
			segmentsCount: all.length,
			staticCount: all.filter((s) => s.type === 'static').length,
			dynamicCount: all.filter((s) => s.type === 'dynamic').length,
			testCount: all.filter((s) => s.isTest).length,
		});
		expect(informations.json.testCount).toBeGreaterThanOrEqual(1);
	});
});

describe('members', () => {
	test('add answers the number added (not already-members, not unknown ids); list; targetsCount follows', async () => {
		const segment = await newStatic();
		const [a, b, c] = newContacts(3);
		const first = await call('PUT', `/segments/${segment.id}/targets`, { body: [a.id, b.id] });
		expect(first.status).toBe(200);
		expect(first.json).toBe(2);
		const second = await call('PUT', `/segments/${segment.id}/targets`, { body: [b.id, c.id, 'NOPE0000'] });
		expect(second.json).toBe(1);
		expect((await call('GET', `/segments/${segment.id}/targets`)).json).toEqual([a.id, b.id, c.id]);
		expect((await call('GET', `/segments/${segment.id}`)).json.targetsCount).toBe(3);
	});

	test('at most 50 per call: 51 ids give 400 and add nothing; 50 are fine; an empty array gives 400', async () => {
		const segment = await newStatic();
		const ids = newContacts(51).map((c) => c.id);
		const tooMany = await call('PUT', `/segments/${segment.id}/targets`, { body: ids });
		expect(tooMany.status).toBe(400);
		expect(tooMany.text).toBe('');
		expect((await call('GET', `/segments/${segment.id}/targets`)).json).toEqual([]);
		expect((await call('PUT', `/segments/${segment.id}/targets`, { body: ids.slice(0, 50) })).json).toBe(50);
		expect((await call('PUT', `/segments/${segment.id}/targets`, { body: [] })).status).toBe(400);
		expect((await call('PUT', `/segments/${segment.id}/targets`, { body: [42] })).status).toBe(400);
		expect((await call('PUT', '/segments/999999/targets', { body: ids.slice(0, 1) })).status).toBe(404);
	});

	test('with Accept: application/vnd.mperf.v8.unicity the strings are unicity values', async () => {
		const segment = await newStatic();
		const [a, b] = newContacts(2);
		const byId = await call('PUT', `/segments/${segment.id}/targets`, { body: [a.unicity] });
		expect(byId.json).toBe(0);
		const byUnicity = await call('PUT', `/segments/${segment.id}/targets`, {
			body: [a.unicity, b.unicity, 'nobody@example.com'],
			headers: { accept: 'application/vnd.mperf.v8.unicity' },
		});
		expect(byUnicity.status).toBe(200);
		expect(byUnicity.json).toBe(2);
		expect((await call('GET', `/segments/${segment.id}/targets`)).json).toEqual([a.id, b.id]);
	});

	test('with several unicity fields, a unicity value is their values joined by "|"', async () => {
		const sim = await startSimulator();
		try {
			const client = httpClient(() => sim);
			const fields = sim.state.fields;
			const country = fields.addField({ type: 'textField', name: 'Country', isUnicity: true, isMandatory: true });
			const written = sim.state.contacts.create({ [fields.byName('Email')!.id]: 'twin@example.com', [country.id]: 'FR' });
			if (!written.ok) throw new Error('contact not created');
			const segment = sim.state.segments.create({ type: 'static', name: 'Twins' })!;
			const added = await client('PUT', `/segments/${segment.id}/targets`, {
				body: ['twin@example.com|FR'],
				headers: { accept: 'application/vnd.mperf.v8.unicity' },
			});
			expect(added.json).toBe(1);
		} finally {
			await sim.close();
		}
	});

	test('dynamic segments refuse adds and clears (409) and hold the contacts their rule matches', async () => {
		const created = await call('POST', '/segments', {
			body: { type: 'dynamic', name: 'Brest', rule: { fieldId: fieldId('City'), equals: 'Brest' } },
		});
		expect(created.status).toBe(200);
		const [inBrest] = newContacts(1, { [fieldId('City')]: 'Brest' });
		const [elsewhere] = newContacts(1, { [fieldId('City')]: 'Paris' });
		const refused = await call('PUT', `/segments/${created.json.id}/targets`, { body: [elsewhere.id] });
		expect(refused.status).toBe(409);
		expect(refused.text).toBe('');
		expect((await call('DELETE', `/segments/${created.json.id}/targets`)).status).toBe(409);
		expect((await call('GET', `/segments/${created.json.id}/targets`)).json).toEqual([inBrest.id]);
		expect((await call('GET', `/segments/${created.json.id}`)).json.targetsCount).toBe(1);
		// A contact moving to Brest joins it.
		simulator().state.contacts.update(elsewhere.id, { [fieldId('City')]: 'Brest' });
		expect((await call('GET', `/segments/${created.json.id}/targets`)).json).toEqual([inBrest.id, elsewhere.id]);
		// Without a rule a dynamic segment is empty; a rule on an unknown field is refused.
		const ruleless = await call('POST', '/segments', { body: { type: 'dynamic', name: 'ruleless' } });
		expect(ruleless.json.targetsCount).toBe(0);
		expect((await call('POST', '/segments', { body: { type: 'dynamic', name: 'bad rule', rule: { fieldId: 1, equals: 'x' } } })).status).toBe(400);
	});

	test('clear empties a static segment (204); 404 for an unknown segment', async () => {
		const segment = await newStatic();
		await call('PUT', `/segments/${segment.id}/targets`, { body: newContacts(2).map((c) => c.id) });
		expect((await call('DELETE', `/segments/${segment.id}/targets`)).status).toBe(204);
		expect((await call('GET', `/segments/${segment.id}/targets`)).json).toEqual([]);
		expect((await call('DELETE', '/segments/999999/targets')).status).toBe(404);
		expect((await call('GET', '/segments/999999/targets')).status).toBe(404);
	});
});

test('the demo seed fills "Newsletter" with every third contact and "Test recipients" with the first three', async () => {
	const demo = await startSimulator({ seed: 'demo', contacts: 10 });
	try {
		const { segments, contacts } = demo.state;
		const ids = [...contacts.byId.keys()];
		expect(segments.memberIds(segments.byName('Newsletter')!)).toEqual([ids[0], ids[3], ids[6], ids[9]]);
		expect(segments.memberIds(segments.byName('Test recipients')!)).toEqual(ids.slice(0, 3));
		expect(segments.byName('Test recipients')!.isTest).toBe(true);
		const city = demo.state.fields.byName('City')!.id;
		const lyon = segments.memberIds(segments.byName('Lyon')!);
		expect(lyon.length).toBeGreaterThan(0);
		expect(lyon).toEqual(ids.filter((id) => contacts.byId.get(id)!.fields[city] === 'Lyon'));
	} finally {
		await demo.close();
	}
});
