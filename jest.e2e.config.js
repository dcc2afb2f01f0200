/** End-to-end suite: real n8n releases (each installed once, into .n8n-app/ and .n8n-app-<version>/) against the simulator. */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	// The first run installs the n8n releases, side by side (about 5 minutes); each n8n command takes a few seconds.
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	testTimeout: 5 * 60_000,
	slowTestThreshold: 60,
};
