/** Segment member changes with "Combine All Items": items are gathered per segment, not all into item 0's segment. */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { useSimulator } from '../harness/simulator';

const simulator = useSimulator();
const state = () => simulator().state;
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const run = (operation: string, parameters: Record<string, unknown>, input: IDataObject[]) =>
	runNode(simulator(), { type: 'np6Contact', parameters: { resource: 'segment', operation, ...parameters } }, input);

function staticSegment(name: string): number {
	return (state().segments.create({ name, type: 'static' }) as { id: number }).id;
}

function contact(email: string): string {
	const created = state().contacts.create({ [state().fields.byName('Email')!.id]: email });
	if (!created.ok) throw new Error(`could not create ${email}`);
	return created.contact.id;
}

const members = (segmentId: number) => state().segments.memberIds(state().segments.get(segmentId)!).sort();

test('Add Contacts, items naming two segments: each contact goes to its own segment, one output item per segment', async () => {
	const [north, south] = [staticSegment('North'), staticSegment('South')];
	const input = [
		{ segment: north, id: contact('n1@example.com') },
		{ segment: south, id: contact('s1@example.com') },
		{ segment: north, id: contact('n2@example.com') },
	];
	const result = await run('addContacts', { segment: byId('={{ $json.segment }}'), identifyBy: 'id', contacts: '={{ $json.id }}' }, input);

	expect(result.error).toBeUndefined();
	expect(members(north)).toEqual([input[0].id, input[2].id].sort());
	expect(members(south)).toEqual([input[1].id]);
	expect(result.items.map((item) => [item.json.segmentId, item.json.added, item.pairedItem])).toEqual([
		[north, 2, [{ item: 0 }, { item: 2 }]],
		[south, 1, { item: 1 }],
	]);
});

test('Remove Contacts, items naming two segments: each contact leaves its own segment only', async () => {
	const [east, west] = [staticSegment('East'), staticSegment('West')];
	const both = contact('both@example.com');
	const eastOnly = contact('east.only@example.com');
	const segments = state().segments;
	[both, eastOnly].forEach((id) => segments.add(segments.get(east)!, id));
	segments.add(segments.get(west)!, both);

	const result = await run('removeContacts', { segment: byId('={{ $json.segment }}'), identifyBy: 'id', contacts: '={{ $json.id }}' }, [
		{ segment: east, id: eastOnly },
		{ segment: west, id: both },
	]);

	expect(result.error).toBeUndefined();
	expect(members(east)).toEqual([both]);
	expect(members(west)).toEqual([]);
	expect(result.items.map((item) => item.json.segmentId)).toEqual([east, west]);
});
