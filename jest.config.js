/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 60_000,
	// Empties coverage/observed-operations/, which `npm run coverage:observed` reads after the run.
	globalSetup: '<rootDir>/test/harness/globalSetup.ts',
};
