/**
 * The simulator is at least as strict as the catalogue says NP6 is: both documented answer shapes,
 * 415 for a body of the wrong media type whatever the method, Accept variants chosen only by their
 * exact type, and 404 for an id the catalogue's formats rule out.
 */
import { catalogueOperation } from '../../simulator/catalogue';
import { pathIdFormat } from '../../simulator/core/identifiers';
import { SEEDED_MASTER_VERSION_ID } from '../../simulator/seed';
import { AnswerShape } from '../../simulator/state/answerShape';
import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();
const call = httpClient(simulator);

let counter = 0;
async function newContact() {
	const email = `strict.${++counter}@example.com`;
	const created = await call('POST', '/targets', { body: { Email: email } });
	expect(created.status).toBe(200);
	return { ...(created.json as { id: string; hash: string }), email, view: created.json };
}

const shapeOf = (json: unknown) => (Array.isArray(json) ? 'array' : 'object');

describe('both answer shapes where the catalogue documents two', () => {
	test('GET /targets?unicity= and ?hash= answer the contact as an object or a one-entry array; both come over several calls', async () => {
		const contact = await newContact();
		const shapes = new Set<string>();
		for (let i = 0; i < 12; i++) {
			const query = i % 2 === 0 ? `unicity=${encodeURIComponent(contact.email)}` : `hash=${contact.hash}`;
			const found = await call('GET', `/targets?${query}`);
			expect(found.status).toBe(200);
			expect(found.headers['content-type']).toBe('application/vnd.np6.experimental+json');
			expect([found.json].flat()).toEqual([contact.view]);
			shapes.add(shapeOf(found.json));
		}
		expect([...shapes].sort()).toEqual(['array', 'object']);
		expect(catalogueOperation('target.search').notes).toMatch(/handle both an object and an array response/);
	});

	test('an unknown contact is a 404 whatever the shape', async () => {
		for (let i = 0; i < 4; i++) expect((await call('GET', '/targets?unicity=nobody%40example.com')).status).toBe(404);
	});

	test('the choice is seeded: the same seed gives the same shapes', () => {
		const picks = (shape: AnswerShape) => Array.from({ length: 20 }, () => shapeOf(shape.objectOrArray({})));
		expect(picks(new AnswerShape(3))).toEqual(picks(new AnswerShape(3)));
		expect(new Set(picks(new AnswerShape(3))).size).toBe(2);
	});

	test('an empty redlist is a 204 (8.1.0: "No Content") or [] (older docs); entries always come as an array', async () => {
		const emptyWindow = '/targets/redlist/mail?startDate=2001-01-01T00:00:00Z&endDate=2001-01-02T00:00:00Z';
		const statuses = new Set<number>();
		for (let i = 0; i < 12; i++) {
			const answer = await call('GET', emptyWindow);
			statuses.add(answer.status);
			if (answer.status === 204) expect(answer.text).toBe('');
			else expect(answer.json).toEqual([]);
		}
		expect([...statuses].sort()).toEqual([200, 204]);

		const contact = await newContact();
		await call('POST', `/targets/${contact.id}/redlist/mail`, { body: { timestamp: '2001-01-01T10:00:00Z' } });
		for (let i = 0; i < 4; i++) {
			const listed = await call('GET', emptyWindow);
			expect(listed.status).toBe(200);
			expect(listed.json).toEqual([expect.objectContaining({ id: contact.id })]);
		}
	});
});

describe('415 for a body of a media type the operation does not take, whatever the method', () => {
	test('DELETE /actions/{id}/validation takes JSON only: a text body is a 415', async () => {
		expect(catalogueOperation('action.unvalidate').requestContentType).toBe('application/json');
		const text = await call('DELETE', '/actions/ZZZZZZ/validation', { body: 'fortest=false', headers: { 'content-type': 'text/plain' } });
		expect(text.status).toBe(415);
		expect((await call('DELETE', '/actions/ZZZZZZ/validation', { body: {} })).status).toBe(404);
	});

	test('DELETE /targets (bulk) with a form body is a 415, the contacts stay', async () => {
		const contact = await newContact();
		const form = await call('DELETE', '/targets', {
			body: `type=id&value=${contact.id}`,
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(form.status).toBe(415);
		expect(simulator().state.contacts.find({ id: contact.id })).toBeDefined();
	});

	test('a DELETE that takes no body: JSON, the catalogue default for bodies, passes; another type is a 415', async () => {
		const contact = await newContact();
		expect(catalogueOperation('target.delete').requestContentType).toBeNull();
		const octets = await call('DELETE', `/targets/${contact.id}`, { body: Buffer.from('x') });
		expect(octets.status).toBe(415);
		expect(simulator().state.contacts.find({ id: contact.id })).toBeDefined();
		expect((await call('DELETE', `/targets/${contact.id}`, { body: {} })).status).toBe(204);
	});

	test('a GET body too: GET /targets/{id} declares application/vnd.mperf.v8.model.v1+json, so JSON is a 415', async () => {
		const contact = await newContact();
		expect((await call('GET', `/targets/${contact.id}`, { body: {} })).status).toBe(415);
		const model = await call('GET', `/targets/${contact.id}`, { body: {}, headers: { 'content-type': 'application/vnd.mperf.v8.model.v1+json' } });
		expect(model.status).toBe(200);
		expect((await call('GET', `/targets/${contact.id}`)).status).toBe(200);
	});
});

describe('Accept', () => {
	const IMPORT = 'application/vnd.mperf.v8.import.v1+json';

	test('imports answer their vendor type with or without it in Accept: the catalogue documents no refusal', async () => {
		for (const accept of [undefined, IMPORT, 'application/json']) {
			const listed = await call('GET', '/imports', { headers: accept ? { accept } : {} });
			expect(listed.status).toBe(200);
			expect(listed.headers['content-type']).toBe(IMPORT);
		}
	});

	test('archives answer their vendor type to an Accept of application/json', async () => {
		const listed = await call('GET', '/actions/archives', { headers: { accept: 'application/json' } });
		expect(listed.status).toBe(200);
		expect(listed.headers['content-type']).toBe('application/vnd.np6.cm.mail.archive');
	});

	test('segment adds read unicity values only with Accept application/vnd.mperf.v8.unicity, named and not refused (q=0)', async () => {
		const segment = (await call('POST', '/segments', { body: { type: 'static', name: `strict segment ${++counter}` } })).json as { id: number };
		const contact = await newContact();
		const add = (accept?: string) => call('PUT', `/segments/${segment.id}/targets`, { body: [contact.email], headers: accept ? { accept } : {} });
		expect((await add()).json).toBe(0);
		expect((await add('application/json, */*')).json).toBe(0);
		expect((await add('application/vnd.mperf.v8.unicity;q=0, application/json')).json).toBe(0);
		expect((await add('application/json;q=0.5, application/vnd.mperf.v8.unicity')).json).toBe(1);
	});

	test('DELETE /targets lists what it deleted only for Accept application/vnd.np6.cm.v1', async () => {
		const [a, b] = [await newContact(), await newContact()];
		const wildcard = await call('DELETE', '/targets', { body: { type: 'id', value: [a.id] }, headers: { accept: '*/*' } });
		expect(wildcard.status).toBe(204);
		const listed = await call('DELETE', '/targets', { body: { type: 'id', value: [b.id] }, headers: { accept: 'application/vnd.np6.cm.v1' } });
		expect(listed.status).toBe(200);
		expect(listed.json).toEqual([{ id: b.id, unicity: [b.email] }]);
	});
});

describe('ids the catalogue rules out name nothing: 404', () => {
	test('every path parameter of every implemented operation has a catalogue id format', () => {
		for (const key of simulator().server.router.implementedOperations) {
			const operation = catalogueOperation(key);
			for (const param of operation.pathParams) expect([key, param.name, pathIdFormat(operation, param)]).toEqual([key, param.name, expect.any(String)]);
		}
	});

	test('contact ids are upper case: the lower-case id of an existing contact is a 404 everywhere', async () => {
		const contact = await newContact();
		const lower = contact.id.toLowerCase();
		expect(lower).not.toBe(contact.id);
		expect((await call('GET', `/targets/${contact.id}`)).status).toBe(200);
		expect((await call('GET', `/targets/${lower}`)).status).toBe(404);
		expect((await call('GET', `/targets/${lower}/subscriptions`)).status).toBe(404);
		expect((await call('DELETE', `/targets/${lower}`)).status).toBe(404);
		expect((await call('POST', `/targets/${lower}/segments/41`, { body: {} })).status).toBe(404);
		expect(simulator().state.contacts.find({ id: contact.id })).toBeDefined();
	});

	test('a lower-case contact id in a body is no contact either', async () => {
		const contact = await newContact();
		const lower = contact.id.toLowerCase();
		const segment = (await call('POST', '/segments', { body: { type: 'static', name: `strict segment ${++counter}` } })).json as { id: number };
		expect((await call('PUT', `/segments/${segment.id}/targets`, { body: [lower] })).json).toBe(0);
		const sent = await call('POST', '/actions/000A01/execution', {
			body: { recipient: { type: 'id', value: lower } },
			headers: { 'content-type': 'application/vnd.np6.cm.email' },
		});
		expect(sent.json).toMatchObject({ type: 'error', value: { type: 'recipient not found' } });
	});

	test('hashes are 32 lower-case hex: upper case or anything else is a 404', async () => {
		const contact = await newContact();
		expect((await call('GET', `/targets?hash=${contact.hash}`)).status).toBe(200);
		for (const hash of [contact.hash.toUpperCase(), contact.hash.slice(1), 'not-a-hash']) {
			expect((await call('GET', `/targets?hash=${hash}`)).status).toBe(404);
			expect((await call('GET', `/targets/subscriptions?hash=${hash}`)).status).toBe(404);
			expect((await call('DELETE', `/targets/subscriptions?hash=${hash}`)).status).toBe(404);
		}
	});

	test.each([
		['action ids are 6 upper-case alphanumerics', '/actions/000A01', ['/actions/000a01', '/actions/000A1', '/actions/000A011/statistics']],
		['int32 ids', '/segments/41', ['/segments/abc', '/segments/-41', '/segments/41.0', '/segments/2147483648']],
		['uuid ids', '/notifications/301', ['/subscriptions/not-a-uuid', '/messages/42', `/notifications/301/versions/${SEEDED_MASTER_VERSION_ID.slice(1)}/render/contact?unicity=x`]],
	])('%s', async (_, valid, invalids) => {
		expect((await call('GET', valid)).status).toBe(200);
		for (const path of invalids) expect([path, (await call('GET', path)).status]).toEqual([path, 404]);
	});

	test('a malformed id is refused before NP6 acts on it: the request log says not handled', async () => {
		simulator().server.log.clear();
		expect((await call('DELETE', '/segments/forty-one')).status).toBe(404);
		expect(simulator().server.log.entries).toEqual([expect.objectContaining({ operation: 'segment.delete', status: 404, handled: false })]);
	});
});
