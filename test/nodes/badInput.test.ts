/** Bad input is refused with a NodeOperationError naming the parameter, before NP6 is asked anything. */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const log = () => simulator().server.log;
const contactNode = (parameters: IDataObject) => ({ type: 'np6Contact', parameters });
const upsert = (value: IDataObject) => contactNode({ resource: 'contact', operation: 'upsert', fields: { mappingMode: 'defineBelow', value } });
/** Requests other than the field list every Create or Update reads first. */
const writes = () => log().entries.filter((e) => e.operation !== 'field.list' && e.operation !== 'valueList.list');

beforeEach(() => {
	log().clear();
	simulator().server.faults.clear();
});

test.each([
	['an email field', { Email: 'nobody-at-example.com' }, /field "Email" is not an email address/],
	['a phone field', { Email: 'phone.check@example.com', Mobile: 'call me' }, /field "Mobile" is not a phone number/],
])('Create or Update: a bad value for %s is refused before any write', async (_, value, message) => {
	const result = await runNode(simulator(), upsert(value));
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toMatch(message);
	expect(writes()).toHaveLength(0);
});

test('Create or Update: a unicity value of spaces is no value', async () => {
	const result = await runNode(simulator(), upsert({ Email: '   ', City: 'Lyon' }));
	expect(result.error?.message).toBe('The parameter "Fields" has no value for Email');
	expect(writes()).toHaveLength(0);
});

test('Get by unicity: a value of spaces is refused', async () => {
	const result = await runNode(simulator(), contactNode({ resource: 'contact', operation: 'get', findBy: 'unicity', unicity: '   ' }));
	expect(result.error?.message).toMatch(/"Unicity Value" is empty/);
	expect(log().entries).toHaveLength(0);
});

test('Get by ID: NP6 IDs are upper case; a lower-case ID is refused', async () => {
	const result = await runNode(simulator(), contactNode({ resource: 'contact', operation: 'get', findBy: 'id', contactId: '000pkxk4' }));
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toMatch(/Contact ID/);
	expect(log().entries).toHaveLength(0);
});

test('Delete Many: an invalid contact ID is refused, nothing is deleted', async () => {
	const result = await runNode(simulator(), contactNode({ resource: 'contact', operation: 'deleteMany', deleteBy: 'id', ids: '000PKXK4, not an id' }));
	expect(result.error?.message).toBe('The parameter "Contact IDs" holds an invalid contact ID: "not an id"');
	expect(log().entries).toHaveLength(0);
});

test('an answer with an empty body gives an item that says it succeeded, never an item without JSON', async () => {
	const id = (await runNode(simulator(), upsert({ Email: 'empty.answer@example.com' }))).items[0].json.id;
	simulator().server.addFault({ kind: 'status', status: 200, operation: 'target.get', times: 1 });
	const result = await runNode(simulator(), contactNode({ resource: 'contact', operation: 'get', findBy: 'id', contactId: id }));
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(1);
	expect(result.items[0].json).toEqual({ success: true });
});

test('an option value from an expression that is not one of the options fails before any request, naming the parameter', async () => {
	const contact = simulator().state.contacts.create({ [String(simulator().state.fields.byName('Email')!.id)]: 'medium@example.com' });
	if (!contact.ok) throw new Error('contact not created');
	log().clear();
	const result = await runNode(simulator(), contactNode({ resource: 'contact', operation: 'addToRedlist', contactId: contact.contact.id, medium: '={{ "mail/../../segments" }}' }));
	expect(result.error?.message).toMatch(/"Medium" is not valid/);
	expect(result.error?.description).toMatch(/one of "mail", "sms"/);
	expect(log().entries).toHaveLength(0);
});
