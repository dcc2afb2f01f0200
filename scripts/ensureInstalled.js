#!/usr/bin/env node
/**
 * First step of `npm start` and `npm test`: installs the dependencies when they are missing or older
 * than package-lock.json (a fresh clone, or a pull that changed them), and says nothing otherwise.
 * Plain JavaScript with Node's own modules only: it runs before anything is installed.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');

const stale = !existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs;
if (stale) {
	console.log('Installing the dependencies (npm ci; once, about a minute)…');
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
