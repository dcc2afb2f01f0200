/**
 * Catalogue coverage from what the engine tests really called, not from what the nodes declare:
 * every routable operation of a node's domain must have been reached (method and path matched) by
 * at least one engine test of a node operation. Reads what the last jest run recorded, so
 * `npm test` runs it right after jest; exits 1 when an operation was not called or nothing was recorded.
 */
import { catalogue, type CatalogueOperation } from '../simulator/catalogue';
import { OBSERVED_OPERATIONS_DIR, readObservedOperations, type ObservedOperation } from '../test/harness/observedOperations';

export interface NodeDomain {
	node: string;
	/** Catalogue sections by docSlug, or by name for the legacy sections without one. */
	sections: string[];
}

export const nodeDomains: NodeDomain[] = [
	{ node: 'NP6 Contact', sections: ['contactmanagement', 'field', 'enumeration', 'segment', 'import', 'subscription'] },
	{ node: 'NP6 Action', sections: ['actionmanagement', 'notificationmanagement', 'actionarchives', 'Statistics', 'Conversations'] },
	{
		node: 'NP6 Event',
		sections: ['actionevent', 'notificationevent', 'displayevent', 'actionreactivity', 'notificationreactivity', 'contactevent', 'campaignevent'],
	},
	{ node: 'NP6 Setting', sections: ['notifiable-application', 'Category', 'marketing-pressure', 'Groups', 'Common'] },
	{ node: 'NP6 Campaign', sections: ['campaignmanagement', 'campaignevent'] },
	{ node: 'NP6 Scripting', sections: ['workflowmanagement', 'scriptingwebtask', 'scriptingcompilable'] },
];

export function domainOperations(domain: NodeDomain): CatalogueOperation[] {
	return catalogue.sections.filter((s) => domain.sections.includes(s.docSlug ?? s.section)).flatMap((s) => s.operations);
}

/** A request can only match an operation whose method and path the catalogue knows. */
export const isRoutable = (operation: CatalogueOperation): boolean => operation.method !== null && operation.path !== null;

export interface DomainCoverage {
	node: string;
	routable: CatalogueOperation[];
	uncalled: CatalogueOperation[];
}

export function observedCoverage(domains: NodeDomain[], observed: ObservedOperation[]): DomainCoverage[] {
	const called = new Set(observed.map(({ method, operation }) => `${method} ${operation}`));
	return domains.map((domain) => {
		const routable = domainOperations(domain).filter(isRoutable);
		return { node: domain.node, routable, uncalled: routable.filter((o) => !called.has(`${o.method} ${o.key}`)) };
	});
}

export function coverageReport(coverage: DomainCoverage[]): string {
	return coverage
		.flatMap(({ node, routable, uncalled }) => [
			`${node}: called ${routable.length - uncalled.length} of ${routable.length} routable operations, ${uncalled.length} uncalled`,
			...uncalled.map((o) => `  not called: ${o.key}  ${o.method} ${o.path}`),
		])
		.join('\n');
}

if (require.main === module) {
	const observed = readObservedOperations();
	if (!observed) {
		console.error(`No observed operations in ${OBSERVED_OPERATIONS_DIR}: run jest first (\`npm test\` does).`);
		process.exit(1);
	}
	const coverage = observedCoverage(nodeDomains, observed);
	console.log(coverageReport(coverage));
	if (coverage.some((domain) => domain.uncalled.length > 0)) process.exit(1);
}
