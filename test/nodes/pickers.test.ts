/** The editor-side methods of NP6 Contact: pickers, the field list of the resource mapper, options. */
import { Np6Contact } from '../../nodes/Np6Contact/Np6Contact.node';
import { loadOptions } from '../harness/engine';
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
