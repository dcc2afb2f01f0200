/**
 * Every operation of the contact domain in the project's copy of the catalogue is reachable from
 * the NP6 Contact node and implemented by the simulator (except the one whose method and path are
 * unknown), and the node labels what the catalogue marks deprecated.
 */
import { resources } from '../../nodes/Np6Contact/actions/resources';
import { startSimulator, type Simulator } from '../../simulator';
import { catalogue } from '../../simulator/catalogue';

const DOMAIN = ['contactmanagement', 'field', 'enumeration', 'segment', 'import', 'subscription'];
const UNKNOWN = ['target.fieldOperation'];

const domainOperations = catalogue.sections.filter((s) => DOMAIN.includes(s.docSlug ?? '')).flatMap((s) => s.operations);
const nodeOperations = Object.entries(resources).flatMap(([resource, r]) =>
	Object.entries(r.operations).map(([operation, o]) => ({ resource, operation, ...o })),
);
const exposed = new Set(nodeOperations.flatMap((o) => o.catalogue));

let simulator: Simulator;
beforeAll(async () => {
	simulator = await startSimulator();
});
afterAll(() => simulator.close());

test('the contact domain has the 53 operations the issue names', () => {
	expect(domainOperations).toHaveLength(53);
});

test.each(domainOperations.filter((o) => !UNKNOWN.includes(o.key)).map((o) => [o.key]))('%s is exposed by the node and implemented by the simulator', (key) => {
	expect(exposed.has(key)).toBe(true);
	expect(simulator.server.router.implementedOperations).toContain(key);
});

test('the unknown operation is left out, and the catalogue still does not know its path', () => {
	const unknown = domainOperations.find((o) => o.key === 'target.fieldOperation')!;
	expect(unknown.method).toBeNull();
	expect(exposed.has('target.fieldOperation')).toBe(false);
});

test('every catalogue key the node names exists', () => {
	const known = new Set(catalogue.sections.flatMap((s) => s.operations.map((o) => o.key)));
	expect([...exposed].filter((key) => !known.has(key))).toEqual([]);
});

test('operations that call only deprecated catalogue operations say "(Deprecated)"', () => {
	const byKey = new Map(domainOperations.map((o) => [o.key, o]));
	const shouldBeLabelled = nodeOperations.filter((o) => o.catalogue.length === 1 && byKey.get(o.catalogue[0])?.deprecated === true);
	expect(shouldBeLabelled.length).toBeGreaterThan(20);
	for (const operation of shouldBeLabelled) {
		const dropdown = resources[operation.resource].description.find((p) => p.name === 'operation');
		const option = dropdown?.options?.find((o) => 'value' in o && o.value === operation.operation);
		expect(`${operation.resource}/${operation.operation}: ${option?.name}`).toMatch(/\(Deprecated\)$/);
	}
});
