/**
 * `npm run bench:profile`: where the time of 1,000 Create or Update writes goes (no rate limit,
 * simulator in the same process). Samples the CPU with the inspector while the node runs and sorts
 * each sample by the code on its stack.
 */
import { Session, type Profiler } from 'node:inspector';

import { PACKAGE, runChain } from '../test/harness/engine';
import { startSimulator } from '../simulator';
import { people } from './throughput/people';

const WRITES = 1000;

/** The first matching label, tested from the sample's own frame outwards. */
const CATEGORIES: Array<[string, (frame: Profiler.ProfileNode['callFrame']) => boolean]> = [
	['NP6 simulator (same process)', (f) => f.url.includes('/simulator/')],
	["credential's authenticate block (n8n expression)", (f) => f.functionName === 'authenticate' && f.url.includes('/test/harness/')],
	['node parameters (n8n expressions)', (f) => f.functionName.includes('getNodeParameter')],
	["n8n's HTTP client (axios)", (f) => /axios|follow-redirects|backend-network/.test(f.url)],
	['NP6 node code (nodes/)', (f) => f.url.includes('/nodes/')],
	['n8n engine', (f) => /n8n-core|n8n-workflow/.test(f.url)],
];

void (async () => {
	const simulator = await startSimulator({ seed: 'fields', rateLimit: false });
	const node = {
		name: 'NP6',
		type: `${PACKAGE}.np6Contact`,
		parameters: {
			resource: 'contact',
			operation: 'upsert',
			fields: { mappingMode: 'defineBelow', value: { Email: '={{ $json.email }}', City: '={{ $json.city }}' } },
		},
	};
	// A warm-up run loads every module, so the profile holds only the work.
	await runChain(simulator, [node], people(20, 'warmup'));
	simulator.server.log.clear();

	const session = new Session();
	session.connect();
	const post = <T>(method: string, params?: object) =>
		new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 200 });
	await post('Profiler.start');
	const started = Date.now();
	const run = await runChain(simulator, [node], people(WRITES, 'profile'));
	const seconds = (Date.now() - started) / 1000;
	const { profile } = await post<{ profile: Profiler.Profile }>('Profiler.stop');
	session.disconnect();
	await simulator.close();

	const failed = run.nodes.NP6?.items.filter((item) => item.json.error).length ?? WRITES;
	console.log(`${WRITES} new contacts through NP6 Create or Update: ${seconds.toFixed(2)} s, ${simulator.server.log.entries.length} requests, ${failed} failed`);
	console.log(`CPU samples by the code on their stack (${(seconds * 1000 / WRITES).toFixed(2)} ms per write in all):\n`);
	for (const [label, share] of shares(profile)) console.log(`  ${(share * 100).toFixed(1).padStart(5)} %  ${label}`);
})();

function shares(profile: Profiler.Profile): Array<[string, number]> {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parentOf = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
	const totals = new Map<string, number>();
	const deltas = profile.timeDeltas ?? [];
	let all = 0;
	(profile.samples ?? []).forEach((id, i) => {
		const label = categoryOf(id, byId, parentOf);
		const delta = deltas[i] ?? 0;
		totals.set(label, (totals.get(label) ?? 0) + delta);
		all += delta;
	});
	return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([label, time]) => [label, time / all]);
}

function categoryOf(id: number, byId: Map<number, Profiler.ProfileNode>, parentOf: Map<number, number>): string {
	const own = byId.get(id)!.callFrame;
	if (own.functionName === '(idle)') return 'idle (waiting for the network)';
	if (own.functionName === '(garbage collector)') return 'garbage collection';
	for (const [label, matches] of CATEGORIES) {
		for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
			if (matches(byId.get(at)!.callFrame)) return label;
		}
	}
	return own.url.startsWith('node:') || own.url === '' ? 'Node.js runtime (http, net, timers)' : 'other';
}
