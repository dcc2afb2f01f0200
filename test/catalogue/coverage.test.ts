/**
 * The shape of each node's domain in the project's copy of the catalogue: its size, the operations
 * no source gives a method and path for (left out, listed in the README), the simulator implementing
 * every other one, and the node labelling what the catalogue marks deprecated.
 *
 * Whether the node really calls each routable operation is not claimed here from the node's own
 * `catalogue` keys: `npm run coverage:observed` checks it after jest, from the requests the engine
 * tests made (a test file cannot see what the other files, run in parallel, called).
 */
import { resources as actionResources } from '../../nodes/Np6Action/actions/resources';
import { resources as campaignResources } from '../../nodes/Np6Campaign/actions/resources';
import { resources as contactResources } from '../../nodes/Np6Contact/actions/resources';
import { resources as eventResources } from '../../nodes/Np6Event/actions/resources';
import { resources as settingResources } from '../../nodes/Np6Setting/actions/resources';
import { resources as scriptingResources } from '../../nodes/Np6Scripting/actions/resources';
import { DEPRECATED_HINT } from '../../nodes/shared/operations/resource';
import type { Np6Resource } from '../../nodes/shared/operations/types';
import { coverageReport, domainOperations, isRoutable, nodeDomains, observedCoverage, type NodeDomain } from '../../scripts/observedCoverage';
import { startSimulator, type Simulator } from '../../simulator';
import { catalogue, type CatalogueOperation } from '../../simulator/catalogue';

interface Domain extends NodeDomain {
	resources: Record<string, Np6Resource>;
	size: number;
	/** Operations the catalogue cannot route (method/path unknown), listed in the README. */
	unknown: string[];
}

const [contactDomain, actionDomain, eventDomain] = nodeDomains;
const scriptingDomain = nodeDomains.find((d) => d.node === 'NP6 Scripting')!;
const domainOf = (node: string) => nodeDomains.find((d) => d.node === node)!;
const domains: Domain[] = [
	{ ...contactDomain, resources: contactResources, size: 53, unknown: ['target.fieldOperation'] },
	{
		...actionDomain,
		resources: actionResources,
		size: 48,
		unknown: ['notification.testMaster', 'notification.testVersion', 'notification.duplicate', 'notification.activate', 'notification.deactivate'],
	},
	{ ...eventDomain, resources: eventResources, size: 50, unknown: ['actionEvent.listStopsForAction', 'displayEvent.listActivationsForCampaign'] },
	{ ...scriptingDomain, resources: scriptingResources, size: 22, unknown: [] },
	{ ...domainOf('NP6 Setting'), resources: settingResources, size: 20, unknown: [] },
	{ ...domainOf('NP6 Campaign'), resources: campaignResources, size: 2, unknown: [] },
];

const known = new Set(catalogue.sections.flatMap((s) => s.operations.map((o) => o.key)));
let simulator: Simulator;
beforeAll(async () => {
	simulator = await startSimulator();
});
afterAll(() => simulator.close());

describe.each(domains.map((d) => [d.node, d] as const))('%s', (_, domain) => {
	const operations = domainOperations(domain);
	const nodeOperations = Object.entries(domain.resources).flatMap(([resource, r]) =>
		Object.entries(r.operations).map(([operation, o]) => ({ resource, operation, ...o })),
	);
	const named = new Set(nodeOperations.flatMap((o) => o.catalogue));

	test(`its domain has the ${domain.size} operations the issue names`, () => {
		expect(operations).toHaveLength(domain.size);
	});

	test.each(operations.filter((o) => !domain.unknown.includes(o.key)).map((o) => [o.key]))('%s is implemented by the simulator', (key) => {
		expect(simulator.server.router.implementedOperations).toContain(key);
	});

	test('the unknown operations are left out, and the catalogue still does not know their paths', () => {
		for (const key of domain.unknown) {
			expect([key, isRoutable(operations.find((o) => o.key === key)!)]).toEqual([key, false]);
			expect(named.has(key)).toBe(false);
		}
		expect(operations.filter((o) => !isRoutable(o)).map((o) => o.key).sort()).toEqual([...domain.unknown].sort());
	});

	test('every catalogue key the node names exists', () => {
		expect([...named].filter((key) => !known.has(key))).toEqual([]);
	});

	test('the observed report counts the routable operations and names the ones no engine test called', () => {
		const [missed, ...called] = operations.filter(isRoutable);
		const observation = (o: CatalogueOperation, method = o.method!) => ({ operation: o.key, method, test: 'test/nodes/example.test.ts' });
		const observed = called.map((o) => observation(o));
		// The same key under another method is not a call of the operation.
		const [coverage] = observedCoverage([domain], [...observed, observation(missed, 'OPTIONS')]);
		expect(coverage.routable).toHaveLength(domain.size - domain.unknown.length);
		expect(coverage.uncalled).toEqual([missed]);
		expect(coverageReport([coverage])).toContain(`not called: ${missed.key}  ${missed.method} ${missed.path}`);
		expect(observedCoverage([domain], [...observed, observation(missed)])[0].uncalled).toEqual([]);
	});

	test('operations that call only a deprecated catalogue operation say "(Deprecated)" only where NP6 names a replacement', () => {
		const byKey = new Map(operations.map((o) => [o.key, o]));
		// The catalogue's notes name a replacement as "Current replacement: POST /actions/{id}/execution."
		const namesReplacement = (o: CatalogueOperation) => /\breplacement: /i.test(o.notes ?? '');
		for (const operation of nodeOperations.filter((o) => o.catalogue.length === 1 && byKey.get(o.catalogue[0])?.deprecated === true)) {
			const label = `${operation.resource}/${operation.operation}`;
			const dropdown = domain.resources[operation.resource].description.find((p) => p.name === 'operation');
			const option = dropdown?.options?.find((o) => 'value' in o && o.value === operation.operation);
			const notice = operation.description.find((p) => p.type === 'notice')?.displayName ?? '';
			if (namesReplacement(byKey.get(operation.catalogue[0])!)) {
				expect(`${label}: ${option?.name}`).toMatch(/\(Deprecated\)$/);
				expect(operation.replacedBy).toBeTruthy();
				expect(`${label}: ${notice}`).toContain(`names ${operation.replacedBy} as its replacement`);
			} else {
				expect(`${label}: ${option?.name}`).not.toMatch(/Deprecated/);
				expect(operation.replacedBy).toBeUndefined();
				expect(`${label}: ${notice}`).toContain(DEPRECATED_HINT);
			}
		}
	});
});
