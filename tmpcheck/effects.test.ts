import { readFileSync } from 'node:fs';
import { runChain } from '../test/harness/engine';
import { startSimulator } from '../simulator';

test('log shapes', async () => {
	const sim = await startSimulator({ seed: 'demo', contacts: 50, rateLimit: { limit: 10, windowMs: 1000, resetFormat: 'epochMs' } });
	const wf = JSON.parse(readFileSync('examples/triggered-send/webhook.json', 'utf8'));
	const nodes = wf.nodes.filter((n: any) => n.type.startsWith('n8n-nodes-np6.'));
	const email = 'probe@example.com';
	const chain = nodes.map((n: any) => ({ name: n.name, type: n.type, parameters: JSON.parse(JSON.stringify(n.parameters).replaceAll("$('Order placed').item.json.body", '$("Start").item.json.body')) }));
	const res = await runChain(sim, chain, [{ body: { orderId: 'O1', email, firstName: 'A', lastName: 'B', total: 12 } }]);
	console.log(JSON.stringify(res.error), JSON.stringify(res.nodes[nodes[1].name].items[0].json));
	console.log(JSON.stringify(sim.server.log.entries.map((e) => ({ op: e.operation, m: e.method, p: e.path, q: e.query, b: e.body, h: e.handled, s: e.status })), null, 1));
	await sim.close();
});
