import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

import { OWNER } from '../../scripts/demo';

/** Flags Debian's Chromium needs on this machine (as in scripts/screenshot.ts). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
}

export interface Workflow {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, Record<string, Array<Array<{ node: string; type: string; index: number }>>>>;
}

/** The n8n editor in headless Chromium, logged in as the demo owner. */
export class Editor {
	private constructor(
		private readonly browser: Browser,
		readonly page: Page,
		readonly url: string,
		/** n8n binds its session cookie to this id: REST calls must send it as the browser-id header. */
		private readonly browserId: string,
	) {}

	static async open(url: string): Promise<Editor> {
		const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
		try {
			const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
			page.setDefaultTimeout(30_000);
			await page.goto(`${url}/signin`);
			await page.getByLabel(/email/i).first().fill(OWNER.email);
			await page.getByLabel(/password/i).first().fill(OWNER.password);
			await page.getByRole('button', { name: /sign in/i }).click();
			await page.waitForURL((address) => !address.pathname.includes('signin'));
			const browserId = await page.evaluate<string | null>('localStorage.getItem("n8n-browserId")');
			if (!browserId) throw new Error('the editor stored no n8n-browserId after signing in');
			return new Editor(browser, page, url, browserId);
		} catch (error) {
			await browser.close();
			throw error;
		}
	}

	/**
	 * Headers of REST calls made with the browser's session. A connection each: Node closes a keep-alive
	 * connection after 5 idle seconds, and reusing one just then fails with ECONNRESET.
	 */
	private get restHeaders(): Record<string, string> {
		return { 'browser-id': this.browserId, connection: 'close' };
	}

	async close(): Promise<void> {
		await this.browser.close();
	}

	async screenshot(file: string): Promise<void> {
		mkdirSync(dirname(file), { recursive: true });
		await this.page.screenshot({ path: file });
	}

	/** Creates a workflow through n8n's REST API with the browser's session; returns its id. */
	async createWorkflow(workflow: Omit<Workflow, 'id'>): Promise<string> {
		const response = await this.page.request.post(`${this.url}/rest/workflows`, {
			headers: this.restHeaders,
			data: { ...workflow, settings: { executionOrder: 'v1' } },
		});
		if (!response.ok()) throw new Error(`POST /rest/workflows: ${response.status()} ${await response.text()}`);
		return ((await response.json()) as { data: { id: string } }).data.id;
	}

	async getWorkflow(id: string): Promise<Workflow> {
		const response = await this.page.request.get(`${this.url}/rest/workflows/${id}`, { headers: this.restHeaders });
		if (!response.ok()) throw new Error(`GET /rest/workflows/${id}: ${response.status()} ${await response.text()}`);
		return ((await response.json()) as { data: Workflow }).data;
	}

	/**
	 * Opens a workflow from Overview's list, as a user does. Staying in the single-page app, this takes a
	 * few seconds where loading /workflow/<id> (or using the command palette, which does) takes 10 to 15.
	 */
	async openWorkflow(workflow: { id: string; name: string }, someNode: string): Promise<void> {
		if (!new URL(this.page.url()).pathname.startsWith('/home/workflows')) await this.page.getByRole('menuitem', { name: 'Overview' }).click();
		// A search asks n8n for the list anew, so it holds workflows created since the page loaded.
		await this.page.locator('[data-test-id="resources-list-search"]').fill(workflow.name);
		await this.page.locator(`[data-test-id="resources-list-item-workflow"][data-resourceid="${workflow.id}"] [data-test-id="workflow-card-name"]`).click();
		await this.canvasNode(someNode).waitFor({ timeout: 60_000 });
	}

	/** Back to a freshly loaded Overview, whatever panel or dialog a failed case left open. */
	async reset(): Promise<void> {
		await this.page.goto(`${this.url}/home/workflows`);
	}

	canvasNode(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	/** The node details view (parameter panel with its input and output panes). */
	get ndv(): Locator {
		return this.page.locator('[data-test-id="ndv"]');
	}

	async openNode(name: string): Promise<void> {
		await this.canvasNode(name).dblclick();
		await this.ndv.locator('[data-test-id="node-parameters"]').waitFor();
	}

	async closeNode(): Promise<void> {
		await this.ndv.locator('[data-test-id="ndv-close-button"]').click();
		await this.ndv.waitFor({ state: 'hidden' });
	}

	/** Opens the "From list" dropdown of a resource-locator parameter and returns its entries once loaded. */
	async pickerEntries(parameter: string): Promise<string[]> {
		const loaded = this.page.waitForResponse((response) => response.url().endsWith('/rest/dynamic-node-parameters/resource-locator-results'));
		await this.ndv.locator(`[data-test-id="resource-locator-${parameter}"] [data-test-id="rlc-input"]`).click();
		await loaded;
		// The dropdown is teleported out of the panel; only one is open at a time.
		const items = this.page.locator('[data-test-id="rlc-item"]');
		await items.first().waitFor();
		return await items.allInnerTexts();
	}
}

/** GET on the NP6 simulator's HTTP API, as NP6 clients call it. */
export async function np6Get<T>(simulator: { url: string; apiKey: string }, path: string): Promise<T> {
	const response = await fetch(`${simulator.url}${path}`, { headers: { 'X-Key': simulator.apiKey, Accept: 'application/json' } });
	if (!response.ok) throw new Error(`GET ${path} on the simulator: ${response.status}`);
	return (await response.json()) as T;
}
