import type { INodeExecutionData } from 'n8n-workflow';
import { request } from 'undici';

import { PACKAGE, runChain, type ChainNode } from '../../test/harness/engine';
import type { Simulator } from '../../simulator';
import type { WriteOutcome } from './figures';
import { HTTP_REQUEST_TYPE, HTTP_REQUEST_VERSION, httpRequestCreateParameters } from './httpRequestNode';
import type { Person } from './people';

/** One way of writing contacts to NP6, measured the same way as the others. */
export type Contender = (simulator: Simulator, people: Person[]) => Promise<WriteOutcome>;

const np6CreateOrUpdateNode: ChainNode = {
	name: 'NP6 Create or Update',
	type: `${PACKAGE}.np6Contact`,
	continueOnFail: true,
	parameters: {
		resource: 'contact',
		operation: 'upsert',
		fields: { mappingMode: 'defineBelow', value: { Email: '={{ $json.email }}', City: '={{ $json.city }}' } },
	},
};

/** NP6 Contact → Create or Update, as in test/acceptance/rateLimitedUpserts.test.ts. */
export const np6CreateOrUpdate: Contender = async (simulator, people) => await runOneNode(simulator, people, np6CreateOrUpdateNode);

/**
 * The same node in another workflow, one that re-syncs existing contacts: Create or Update follows
 * what each node met in its earlier executions, so the new-contact runs must not teach this one.
 */
export const np6ReSync: Contender = async (simulator, people) => await runOneNode(simulator, people, { ...np6CreateOrUpdateNode, id: 're-sync' });

/** n8n's HTTP Request node hand-crafted to POST /targets, as users do without the NP6 node. */
export const httpRequestNode: Contender = async (simulator, people) =>
	await runOneNode(simulator, people, {
		name: 'HTTP Request',
		type: HTTP_REQUEST_TYPE,
		typeVersion: HTTP_REQUEST_VERSION,
		continueOnFail: true,
		parameters: httpRequestCreateParameters(simulator),
	});

/** The floor: POST /targets straight from undici, 8 requests in flight at a time. */
export function undiciLoop(workers = 8): Contender {
	return async (simulator, people) => {
		let next = 0;
		let failedItems = 0;
		const worker = async () => {
			while (next < people.length) {
				const person = people[next++];
				const { statusCode, body } = await request(`${simulator.url}/targets`, {
					method: 'POST',
					headers: { 'X-Key': simulator.apiKey, 'Content-Type': 'application/json' },
					body: JSON.stringify({ Email: person.email, City: person.city }),
				});
				await body.dump();
				if (statusCode < 200 || statusCode >= 300) failedItems++;
			}
		};
		const started = performance.now();
		await Promise.all(Array.from({ length: workers }, worker));
		return { seconds: (performance.now() - started) / 1000, failedItems };
	};
}

/** Runs Start → node over the people; the node's time is n8n's own `executionTime` for it. */
async function runOneNode(simulator: Simulator, people: Person[], node: ChainNode): Promise<WriteOutcome> {
	const result = await runChain(simulator, [node], people);
	const run = result.nodes[node.name];
	if (!run || run.error) return { seconds: (run?.executionTime ?? 0) / 1000, failedItems: people.length };
	return { seconds: run.executionTime / 1000, failedItems: people.length - run.items.filter(succeeded).length };
}

const succeeded = (item: INodeExecutionData) => item.json.error === undefined;
