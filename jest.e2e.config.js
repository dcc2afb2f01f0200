/** End-to-end suite: a real n8n (installed once into .n8n-app/) against the simulator. */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	// The first run installs n8n (about 5 minutes); each n8n command takes a few seconds.
	testTimeout: 5 * 60_000,
	slowTestThreshold: 60,
};
