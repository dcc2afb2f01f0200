/**
 * `npm run screenshot`: opens the n8n editor in headless Chromium (Debian's `chromium`, driven by
 * playwright-core), opens NP6 nodes of the examples with their resource and operation dropdowns,
 * and saves one picture per entry of SHOTS in docs/. Rerun it as nodes grow.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import { OWNER, startDemo } from './demo';
import { ROOT } from './n8n/app';
import { testPort } from './n8n/ports';

/** Each picture: an example workflow and the NP6 node to open in it. */
const SHOTS = [
	{ workflow: 'np6SyncContactsM', node: 'NP6: Create or Update Contact', file: 'np6-contact-node.png' },
	{ workflow: 'np6TriggeredSend', node: 'NP6: Send Order Confirmation', file: 'np6-action-send.png' },
	{ workflow: 'np6BounceFbTrigr', node: 'NP6: Hard Bounces', file: 'np6-trigger.png' },
	{ workflow: 'np6EngagementSyn', node: 'NP6: Opens', file: 'np6-event.png' },
	{ workflow: 'np6NewsWelcomeMn', node: 'NP6: Start Welcome Journey', file: 'np6-scripting.png' },
];

async function main(): Promise<void> {
	const userFolder = mkdtempSync(join(tmpdir(), 'np6-screenshot-'));
	const demo = await startDemo({ n8nPort: testPort(5688), simulatorPort: testPort(5685), userFolder });
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

		for (const shot of SHOTS) {
			await page.goto(`${demo.n8n.url}/workflow/${shot.workflow}`);
			const node = page.locator('[data-test-id="canvas-node"]', { hasText: shot.node }).first();
			await node.waitFor({ timeout: 60_000 });
			await node.dblclick();
			await page.locator('[data-test-id="parameter-item"]').first().waitFor({ timeout: 30_000 });
			await page.waitForTimeout(1500);
			mkdirSync(join(ROOT, 'docs'), { recursive: true });
			await page.screenshot({ path: join(ROOT, 'docs', shot.file) });
			console.log(`Saved docs/${shot.file}`);
		}
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
