/** The editor-side methods of NP6 Contact: pickers, the field list of the resource mapper, options. */
import type { INodeListSearchResult } from 'n8n-workflow';

import { Np6Action } from '../../nodes/Np6Action/Np6Action.node';
import { Np6Contact } from '../../nodes/Np6Contact/Np6Contact.node';
import { loadOptions, runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator({ seed: 'demo', contacts: 10 });
const node = { type: 'np6Contact', parameters: { resource: 'segment', operation: 'addContacts' } };
const { listSearch, resourceMapping, loadOptions: options } = new Np6Contact().methods;

test('segment pickers: all segments, only static ones, filtered by name', async () => {
	const all = await loadOptions(simulator(), node, listSearch.searchSegments);
	const onlyStatic = await loadOptions(simulator(), node, listSearch.searchStaticSegments);
	const filtered = await loadOptions(simulator(), node, listSearch.searchSegments, 'news');
	expect(all.results.map((r) => r.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^Lyon \(dynamic/), expect.stringMatching(/^Newsletter \(static/)]));
	expect(onlyStatic.results.some((r) => /dynamic/.test(r.name))).toBe(false);
	expect(onlyStatic.results.find((r) => r.name.startsWith('Test recipients'))?.name).toMatch(/test/);
	expect(filtered.results.map((r) => r.name)).toEqual([expect.stringMatching(/^Newsletter/)]);
	expect(filtered.results[0].value).toBe(String(simulator().state.segments.byName('Newsletter')!.id));
});

test('field, value list and import pickers', async () => {
	const fields = await loadOptions(simulator(), node, listSearch.searchFields);
	expect(fields.results.find((r) => r.name.startsWith('Email'))?.name).toBe('Email (email, unicity)');
	const lists = await loadOptions(simulator(), node, listSearch.searchValueLists);
	expect(lists.results.map((r) => r.name)).toContain('Languages');
	const imports = await loadOptions(simulator(), node, listSearch.searchImports);
	expect(imports.results).toEqual([]);
	const fieldOptions = await loadOptions(simulator(), node, options.getFieldOptions);
	expect(fieldOptions.map((o) => o.name)).toContain('Email (unicity)');
});

test('the resource mapper lists the fields, marks the unicity field and offers list values', async () => {
	const { fields } = await loadOptions(simulator(), node, resourceMapping.getContactFields);
	expect(fields.find((f) => f.id === 'Email')).toMatchObject({ displayName: 'Email (unicity)', required: true, defaultMatch: true });
	expect(fields.find((f) => f.id === 'LoyaltyPoints')?.type).toBe('number');
	expect(fields.find((f) => f.id === 'BirthDate')?.type).toBe('dateTime');
	expect(fields.find((f) => f.id === 'Language')).toMatchObject({ type: 'options', options: expect.arrayContaining([{ name: 'French', value: 'French' }]) });
});

describe('action pickers list what their operation accepts', () => {
	const actionNode = (operation: string, parameters: Record<string, unknown> = {}) => ({ type: 'np6Action', parameters: { resource: 'action', operation, ...parameters } });
	const actionMethods = new Np6Action().methods.listSearch;
	const names = (result: INodeListSearchResult) => result.results.map((r) => r.name);

	test('Send: only email/SMS messages validated for sending, with readable labels', async () => {
		const sendable = await loadOptions(simulator(), actionNode('send'), actionMethods.searchSendableActions);
		expect(names(sendable)).toEqual(['Delivery update — SMS message, validated (50)', 'Order confirmation — Email message, validated (50)']);
		expect(sendable.results.find((r) => r.name.startsWith('Order'))?.value).toBe('000A01');
	});

	test('Validate for Sending: messages the chosen phases can start from', async () => {
		const both = await loadOptions(simulator(), actionNode('validate', { phases: 'both' }), actionMethods.searchValidatableActions);
		expect(names(both)).toEqual(['Welcome — Email message, created (20)']);
		const welcome = simulator().state.actions.byId.get('000A02')!;
		welcome.informations.state = 38;
		const production = await loadOptions(simulator(), actionNode('validate', { phases: 'production' }), actionMethods.searchValidatableActions);
		welcome.informations.state = 20;
		expect(names(production)).toEqual(['Welcome — Email message, test passed (38)']);
	});

	test('Render: actions with content; other operations: every action', async () => {
		const renderable = await loadOptions(simulator(), actionNode('render'), actionMethods.searchRenderableActions);
		expect(names(renderable)).toContain('Spring newsletter — Email campaign, created (20)');
		const all = await loadOptions(simulator(), actionNode('get'), actionMethods.searchActions);
		expect(all.results.map((r) => r.value).sort()).toEqual(['000A01', '000A02', '000A03', '000A04']);
	});

	test('the search box filters by name, case-insensitively, not by type or state', async () => {
		const byName = await loadOptions(simulator(), actionNode('get'), actionMethods.searchActions, 'ORDER');
		expect(names(byName)).toEqual(['Order confirmation — Email message, validated (50)']);
		const byType = await loadOptions(simulator(), actionNode('get'), actionMethods.searchActions, 'email message');
		expect(byType.results).toEqual([]);
	});
});

describe('segment operations take only static segments', () => {
	const contactNode = (resource: string, operation: string, parameters: Record<string, unknown>) => ({ type: 'np6Contact', parameters: { resource, operation, ...parameters } });
	const byId = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });
	const segmentPickerOf = (operation: string) =>
		new Np6Contact().description.properties.find((p) => p.name === 'segment' && p.displayOptions?.show?.operation?.includes(operation));

	test('Add to Segment, Remove From Segment and Remove All Contacts offer the static-segment picker', () => {
		for (const operation of ['addToSegment', 'removeFromSegment', 'empty']) {
			const modes = segmentPickerOf(operation)?.modes ?? [];
			expect(modes.find((m) => m.name === 'list')?.typeOptions?.searchListMethod).toBe('searchStaticSegments');
		}
	});

	test('a dynamic segment is refused by name and type before any change is sent', async () => {
		const lyon = simulator().state.segments.byName('Lyon')!;
		const contactId = [...simulator().state.contacts.byId.keys()][0];
		simulator().server.log.clear();
		const added = await runNode(simulator(), contactNode('contact', 'addToSegment', { contactId, segment: byId(lyon.id) }));
		expect(added.error?.message).toBe(`Segment ${lyon.id} ("Lyon") is a dynamic segment: its contacts cannot be changed`);
		const emptied = await runNode(simulator(), contactNode('segment', 'empty', { segment: byId(lyon.id) }));
		expect(emptied.error?.message).toMatch(/is a dynamic segment/);
		expect(simulator().server.log.handled().map((e) => e.operation)).toEqual(['segment.get', 'segment.get']);
	});

	test('on a static segment, a 409 means the contact is already a member', async () => {
		const newsletter = simulator().state.segments.byName('Newsletter')!;
		const member = simulator().state.segments.memberIds(newsletter)[0];
		const again = await runNode(simulator(), contactNode('contact', 'addToSegment', { contactId: member, segment: byId(newsletter.id) }));
		expect(again.error?.httpCode).toBe('409');
		expect(`${again.error?.message} ${again.error?.description ?? ''}`).toMatch(/already in the segment/);
	});
});

describe('without a credential (e.g. a node just added as an AI Agent tool)', () => {
	const noCredential = { ...node, credentials: false };

	test('pickers, options and the resource mapper answer empty, without a request or an error', async () => {
		simulator().server.log.clear();
		expect(await loadOptions(simulator(), noCredential, listSearch.searchSegments)).toEqual({ results: [] });
		expect(await loadOptions(simulator(), { type: 'np6Action', parameters: { resource: 'action', operation: 'send' }, credentials: false }, new Np6Action().methods.listSearch.searchSendableActions)).toEqual({ results: [] });
		expect(await loadOptions(simulator(), noCredential, options.getFieldOptions)).toEqual([]);
		expect(await loadOptions(simulator(), noCredential, resourceMapping.getContactFields)).toEqual({
			fields: [],
			emptyFieldsNotice: expect.stringMatching(/credential/),
		});
		expect(simulator().server.log.entries).toEqual([]);
	});
});
