/**
 * Every operation of a node's domain in the project's copy of the catalogue is reachable from that
 * node and implemented by the simulator (except operations whose method and path no source shows),
 * and the node labels what the catalogue marks deprecated.
 */
import { resources as actionResources } from '../../nodes/Np6Action/actions/resources';
import { resources as contactResources } from '../../nodes/Np6Contact/actions/resources';
import type { Np6Resource } from '../../nodes/shared/operations/types';
import { startSimulator, type Simulator } from '../../simulator';
import { catalogue } from '../../simulator/catalogue';

interface Domain {
	node: string;
	resources: Record<string, Np6Resource>;
	/** Sections by docSlug, or by name for the legacy sections without one. */
	sections: string[];
	size: number;
	/** Operations the catalogue cannot route (method/path unknown), listed in the README. */
	unknown: string[];
}

const domains: Domain[] = [
	{
		node: 'NP6 Contact',
		resources: contactResources,
		sections: ['contactmanagement', 'field', 'enumeration', 'segment', 'import', 'subscription'],
		size: 53,
		unknown: ['target.fieldOperation'],
	},
	{
		node: 'NP6 Action',
		resources: actionResources,
		sections: ['actionmanagement', 'notificationmanagement', 'actionarchives', 'Statistics', 'Conversations'],
		size: 48,
		unknown: ['notification.testMaster', 'notification.testVersion', 'notification.duplicate', 'notification.activate', 'notification.deactivate'],
	},
];

const known = new Set(catalogue.sections.flatMap((s) => s.operations.map((o) => o.key)));
let simulator: Simulator;
beforeAll(async () => {
	simulator = await startSimulator();
});
afterAll(() => simulator.close());

describe.each(domains.map((d) => [d.node, d] as const))('%s', (_, domain) => {
	const operations = catalogue.sections.filter((s) => domain.sections.includes(s.docSlug ?? s.section)).flatMap((s) => s.operations);
	const nodeOperations = Object.entries(domain.resources).flatMap(([resource, r]) =>
		Object.entries(r.operations).map(([operation, o]) => ({ resource, operation, ...o })),
	);
	const exposed = new Set(nodeOperations.flatMap((o) => o.catalogue));

	test(`its domain has the ${domain.size} operations the issue names`, () => {
		expect(operations).toHaveLength(domain.size);
	});

	test.each(operations.filter((o) => !domain.unknown.includes(o.key)).map((o) => [o.key]))('%s is exposed by the node and implemented by the simulator', (key) => {
		expect(exposed.has(key)).toBe(true);
		expect(simulator.server.router.implementedOperations).toContain(key);
	});

	test('the unknown operations are left out, and the catalogue still does not know their paths', () => {
		for (const key of domain.unknown) {
			expect(operations.find((o) => o.key === key)?.method ?? null).toBeNull();
			expect(exposed.has(key)).toBe(false);
		}
	});

	test('every catalogue key the node names exists', () => {
		expect([...exposed].filter((key) => !known.has(key))).toEqual([]);
	});

	test('operations that call only a deprecated catalogue operation say "(Deprecated)"', () => {
		const byKey = new Map(operations.map((o) => [o.key, o]));
		for (const operation of nodeOperations.filter((o) => o.catalogue.length === 1 && byKey.get(o.catalogue[0])?.deprecated === true)) {
			const dropdown = domain.resources[operation.resource].description.find((p) => p.name === 'operation');
			const option = dropdown?.options?.find((o) => 'value' in o && o.value === operation.operation);
			expect(`${operation.resource}/${operation.operation}: ${option?.name}`).toMatch(/\(Deprecated\)$/);
		}
	});
});
