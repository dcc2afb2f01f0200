/**
 * `npm start`: n8n 2.41 on Node 24 with this package, the NP6 credential and the examples, on the
 * NP6 simulator (or the real NP6 with NP6_API_KEY and optionally NP6_BASE_URL). Ctrl-C stops both.
 */
import { OWNER, startDemo } from './demo';

async function main(): Promise<void> {
	console.log('Starting the NP6 simulator and n8n (the first start also installs n8n)…');
	const demo = await startDemo({
		n8nPort: Number(process.env.N8N_PORT ?? 5678),
		simulatorPort: Number(process.env.NP6_SIMULATOR_PORT ?? 5680),
	});
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the NP6 simulator…');
		void demo.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	const { backend } = demo;
	console.log(`
  n8n editor:   ${demo.n8n.url}
  log in as:    ${OWNER.email} / ${OWNER.password}
  NP6 backend:  ${backend.real ? `${backend.url} (real NP6, key from NP6_API_KEY)` : `${backend.url} (simulator with demo data, X-Key ${backend.apiKey})`}
  credential:   "${demo.credentialName}", already set up
  examples:     ${demo.examples.join(', ')} (in Overview)

  Ctrl-C stops everything.
`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
