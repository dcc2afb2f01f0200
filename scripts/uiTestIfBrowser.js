/**
 * `npm test`'s last step: the browser suite (`npm run test:ui`) when a Chromium is installed
 * (Debian's `chromium`, or CHROMIUM_PATH); otherwise it says how to get one. CI installs it.
 */
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
	console.log(`Browser suite not run: no Chromium at ${chromium}. Install Debian's "chromium" package (or set CHROMIUM_PATH) to run it.`);
	process.exit(0);
}
const result = spawnSync('npm', ['run', 'test:ui'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
