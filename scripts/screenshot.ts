/**
 * `npm run screenshot`: opens the n8n editor in headless Chromium (Debian's `chromium`, driven by
 * playwright-core), shows the NP6 node of the Sync contacts example with its resource and
 * operation dropdowns, and saves docs/np6-contact-node.png. Rerun it as nodes grow.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import { OWNER, startDemo } from './demo';
import { ROOT } from './n8n/app';

const OUTPUT = join(ROOT, 'docs', 'np6-contact-node.png');

async function main(): Promise<void> {
	const userFolder = mkdtempSync(join(tmpdir(), 'np6-screenshot-'));
	const demo = await startDemo({ n8nPort: 5688, simulatorPort: 5689, userFolder });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
		await page.goto(`${demo.n8n.url}/signin`);
		await page.getByLabel(/email/i).first().fill(OWNER.email);
		await page.getByLabel(/password/i).first().fill(OWNER.password);
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30_000 });

		await page.goto(`${demo.n8n.url}/workflow/np6SyncContactsM`);
		const node = page.locator('[data-test-id="canvas-node"]', { hasText: 'NP6' }).first();
		await node.waitFor({ timeout: 60_000 });
		await node.dblclick();
		await page.getByText('Resource', { exact: true }).first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1500);
		mkdirSync(join(ROOT, 'docs'), { recursive: true });
		await page.screenshot({ path: OUTPUT });
		console.log(`Saved ${OUTPUT}`);
	} finally {
		await browser.close();
		await demo.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
