/** Browser suite: the n8n editor of `npm start`, driven by playwright-core in Debian's Chromium. */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/ui'],
	testMatch: ['**/*.ui.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	// Starting n8n takes about a minute (longer if .n8n-app/ must be installed first); each case a few seconds to a minute.
	testTimeout: 4 * 60_000,
	slowTestThreshold: 60,
};
