import type { Simulator } from '../../simulator';
import type { Contact } from '../../simulator/state/contacts';
import { httpClient } from './http';

export const EMAIL = 'application/vnd.np6.cm.email';
export const SMS = 'application/vnd.np6.cm.sms';

/** A mailMessage with content (state 20 once created), templating 4.1. */
export const mailMessage = (extra: Record<string, unknown> = {}) => ({
	type: 'mailMessage',
	name: 'Test message',
	settings: { templating: { version: '4.1' } },
	content: {
		headers: { from: { prefix: 'test', domain: 'example.com', label: 'Test' } },
		subject: 'Hello {{FirstName}}',
		html: '<p>Hi {{FirstName}}, <a href="https://example.com/a">a</a> <a href=\'https://example.com/b?x=1\'>b</a></p>',
		text: 'Hi {{FirstName}}',
	},
	...extra,
});

/** Contacts, actions and the state machine, through the simulator's HTTP API and state. */
export function messaging(simulator: () => Simulator) {
	const call = httpClient(simulator);
	let counter = 0;

	const fieldId = (name: string) => simulator().state.fields.byName(name)!.id;

	function newContact(values: Record<string, string> = {}): Contact {
		const n = ++counter;
		const written = simulator().state.contacts.create({
			[fieldId('Email')]: `person.${n}.${Date.now()}@example.com`,
			[fieldId('FirstName')]: `First${n}`,
			...Object.fromEntries(Object.entries(values).map(([name, value]) => [fieldId(name), value])),
		});
		if (!written.ok) throw new Error(`contact not created: ${written.status}`);
		return written.contact;
	}

	async function createAction(body: Record<string, unknown> = mailMessage()) {
		const created = await call('POST', '/actions', { body });
		if (created.status !== 200) throw new Error(`action not created: ${created.status}`);
		return created.json as { id: string; type: string; informations: { state: number } };
	}

	const stateOf = async (id: string): Promise<number> => (await call('GET', `/actions/${id}`)).json.informations.state;

	async function waitForState(id: string, expected: number, timeoutMs = 5000): Promise<void> {
		const until = Date.now() + timeoutMs;
		while ((await stateOf(id)) !== expected) {
			if (Date.now() > until) throw new Error(`action ${id} never reached state ${expected}`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	}

	const testSegmentId = () => simulator().state.segments.byName('Test recipients')!.id;
	const testPhase = (id: string) => call('POST', `/actions/${id}/validation`, { body: { fortest: true, testSegments: [testSegmentId()] } });
	const productionPhase = (id: string) => call('POST', `/actions/${id}/validation`, { body: { fortest: false } });
	const unvalidate = (id: string) => call('DELETE', `/actions/${id}/validation`, { body: {} });

	/** Both validation phases: the action ends in state 50. */
	async function validate(id: string): Promise<void> {
		expect((await testPhase(id)).status).toBe(204);
		await waitForState(id, 38);
		expect((await productionPhase(id)).status).toBe(204);
	}

	/** A validated action (state 50) made from `body`. */
	async function validatedAction(body: Record<string, unknown> = mailMessage()) {
		const action = await createAction(body);
		await validate(action.id);
		return action;
	}

	const send = (id: string, body: unknown, mediaType = EMAIL) =>
		call('POST', `/actions/${id}/execution`, { body, headers: { 'content-type': mediaType } });
	const sendMany = (id: string, body: unknown, mediaType = EMAIL) =>
		call('POST', `/actions/${id}/executions`, { body, headers: { 'content-type': mediaType } });

	const byId = (contact: Contact) => ({ type: 'id', value: contact.id });

	return {
		call,
		fieldId,
		newContact,
		createAction,
		stateOf,
		waitForState,
		testSegmentId,
		testPhase,
		productionPhase,
		unvalidate,
		validate,
		validatedAction,
		send,
		sendMany,
		byId,
	};
}
