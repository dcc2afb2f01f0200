/**
 * Every fixed port of the end-to-end and browser suites and of `npm run screenshot` goes through
 * testPort: NP6_TEST_PORT_OFFSET (default 0) moves them all, so that two runs (two clones, or a run
 * beside a CI run) can share a machine.
 */
export function testPortOffset(): number {
	const raw = process.env.NP6_TEST_PORT_OFFSET?.trim();
	if (!raw) return 0;
	const offset = Number(raw);
	if (!Number.isInteger(offset) || offset < 0 || offset > 50_000) throw new Error(`NP6_TEST_PORT_OFFSET must be a whole number from 0 to 50000, not "${raw}"`);
	return offset;
}

/**
 * A fixed port moved by NP6_TEST_PORT_OFFSET. `slot` is the index of the n8n release among those a
 * suite runs side by side (N8N_APPS): each takes two ports (n8n's and its task broker's) further on.
 */
export function testPort(port: number, slot = 0): number {
	return port + testPortOffset() + 2 * slot;
}
