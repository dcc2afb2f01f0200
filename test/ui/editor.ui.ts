/**
 * The n8n editor of the `npm start` instance, in headless Chromium: what a user sees of the NP6 nodes.
 * Each case saves the picture that shows its point into docs/ (for the README); a failing case saves
 * one into coverage/ui-failures/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EXAMPLE_CREDENTIAL, listExamples } from '../../scripts/examples';
import { ROOT } from '../../scripts/n8n/app';
import { testPort } from '../../scripts/n8n/ports';
import { Editor, np6Get, type Workflow, type WorkflowNode } from './editor';
import { startNpmStart, type NpmStartInstance } from './npmStart';

const DOCS = join(ROOT, 'docs');
const FAILURES = join(ROOT, 'coverage', 'ui-failures');
const CREDENTIAL = { np6Api: { id: EXAMPLE_CREDENTIAL.id, name: EXAMPLE_CREDENTIAL.name } };

const EXAMPLES = listExamples();
const EXAMPLE_WORKFLOWS = EXAMPLES.flatMap((example) => example.files).map((file) => JSON.parse(readFileSync(file, 'utf8')) as Workflow);

/** The Manual Trigger variant of one example. */
function manualExample(name: string): Workflow {
	const id = EXAMPLES.find((example) => example.name === name)!.manual.id;
	return EXAMPLE_WORKFLOWS.find((workflow) => workflow.id === id)!;
}

const isNp6Node = (node: WorkflowNode) => node.type.startsWith('n8n-nodes-np6.');
const hasResourceMapper = (node: WorkflowNode) =>
	Object.values(node.parameters).some((value) => typeof value === 'object' && value !== null && 'mappingMode' in value);

interface Np6ActionEntry {
	id: string;
	type: string;
	name: string;
	informations?: { state?: number };
}

interface Np6SegmentEntry {
	id: number;
	type: 'static' | 'dynamic';
	name: string;
}

let userFolder: string;
let instance: NpmStartInstance | undefined;
let editor: Editor | undefined;

beforeAll(async () => {
	userFolder = mkdtempSync(join(tmpdir(), 'np6-ui-'));
	instance = await startNpmStart({ n8nPort: testPort(5691), simulatorPort: testPort(5693), userFolder, timeoutMs: 6 * 60_000 });
	editor = await Editor.open(instance.editorUrl);
}, 7 * 60_000);

afterAll(async () => {
	await editor?.close();
	await instance?.stop();
	rmSync(userFolder, { recursive: true, force: true });
}, 2 * 60_000);

/** A case that leaves a picture of the page in coverage/ui-failures/<slug>.png when it fails. */
function uiTest(name: string, slug: string, body: (editor: Editor, instance: NpmStartInstance) => Promise<void>): void {
	test(name, async () => {
		if (!editor || !instance) throw new Error('the editor did not start');
		try {
			await body(editor, instance);
		} catch (error) {
			await editor.screenshot(join(FAILURES, `${slug}.png`)).catch(() => undefined);
			await editor.reset().catch(() => undefined);
			throw error;
		}
	});
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = await probe();
		if (found !== undefined) return found;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

uiTest('every NP6 node of every example opens its parameters without "Fields are outdated"', 'examples', async (editor) => {
	const { page, ndv } = editor;
	let mappersChecked = 0;
	for (const workflow of EXAMPLE_WORKFLOWS) {
		const nodes = workflow.nodes.filter(isNp6Node);
		expect({ workflow: workflow.name, hasNp6Nodes: nodes.length > 0 }).toEqual({ workflow: workflow.name, hasNp6Nodes: true });
		await editor.openWorkflow(workflow, nodes[0].name);
		for (const node of nodes) {
			const where = `${workflow.name} → ${node.name}`;
			const mapper = hasResourceMapper(node);
			// n8n compares the stored field schema with a fresh field list: a warning can only show after it.
			const fieldsLoaded = mapper
				? page.waitForResponse((response) => response.url().endsWith('/rest/dynamic-node-parameters/resource-mapper-fields'))
				: Promise.resolve(undefined);
			await Promise.all([fieldsLoaded, editor.openNode(node.name)]);
			// The panel rendered the node's parameters (a node n8n cannot load shows none), with its credential.
			await ndv.locator('[data-test-id="parameter-item"]').first().waitFor();
			const credential = await ndv.locator('[data-test-id="node-credentials-select"] input').inputValue();
			expect({ where, credential }).toEqual({ where, credential: node.credentials?.np6Api?.name });
			const resourceMappers = await ndv.locator('[data-test-id="resource-mapper-container"]').count();
			expect({ where, resourceMappers }).toEqual({ where, resourceMappers: mapper ? 1 : 0 });
			if (mapper) {
				await ndv.locator('[data-test-id="mapping-fields-container"]').waitFor();
				// Lets the editor render what the field list it just received implies.
				await page.waitForTimeout(500);
				mappersChecked++;
			}
			// A stale schema shows a warning icon beside the mapper's label (its options container is named
			// "columns" whatever the parameter), whose tooltip reads "Fields are outdated. Refresh to see the changes."
			const staleWarnings = await ndv.locator('[data-test-id="columns-parameter-input-options-container"] [data-icon="triangle-alert"]').count();
			const outdatedTexts = await page.getByText(/outdated/i).count();
			expect({ where, staleWarnings, outdatedTexts }).toEqual({ where, staleWarnings: 0, outdatedTexts: 0 });
			if (mapper && mappersChecked === 1) await editor.screenshot(join(DOCS, 'ui-examples.png'));
			await editor.closeNode();
		}
	}
	expect(mappersChecked).toBeGreaterThan(0);
});

/** Picker labels read "<name> — <readable type>, <state>" (nodes/shared/np6/actions.ts). */
const READABLE_TYPES: Record<string, string> = { mailMessage: 'Email message', smsMessage: 'SMS message' };
const VALIDATED = 50;

uiTest('Send offers only validated email and SMS messages, with readable types', 'send-picker', async (editor, { simulator }) => {
	const actions = await np6Get<Np6ActionEntry[]>(simulator, '/actions');
	const sendable = actions.filter((action) => action.type in READABLE_TYPES && action.informations?.state === VALIDATED);
	const notSendable = actions.filter((action) => !sendable.includes(action));
	expect(sendable.length).toBeGreaterThan(0);
	expect(notSendable.length).toBeGreaterThan(0);

	const workflow = manualExample('triggered-send');
	const send = workflow.nodes.find((node) => node.type === 'n8n-nodes-np6.np6Action' && node.parameters.resource === 'action' && node.parameters.operation === 'send')!;
	await editor.openWorkflow(workflow, send.name);
	await editor.openNode(send.name);
	const entries = await editor.pickerEntries('action');
	await editor.screenshot(join(DOCS, 'ui-send-picker.png'));
	await editor.closeNode();

	const listed = entries.map((entry) => {
		const parts = /^(.+) — ([^,]+), /.exec(entry);
		return { name: parts?.[1] ?? entry, type: parts?.[2] };
	});
	const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
	expect(listed.sort(byName)).toEqual(sendable.map((action) => ({ name: action.name, type: READABLE_TYPES[action.type] })).sort(byName));
	for (const entry of entries) expect(entry).not.toMatch(/mailMessage|smsMessage|mailCampaign|smsCampaign/);
	const names = listed.map((entry) => entry.name);
	for (const action of notSendable) expect(names).not.toContain(action.name);
});

uiTest('Contact → Add to Segment offers only static segments', 'static-segments', async (editor, { simulator }) => {
	const segments = await np6Get<Np6SegmentEntry[]>(simulator, '/segments');
	const staticNames = segments.filter((segment) => segment.type === 'static').map((segment) => segment.name);
	const dynamicNames = segments.filter((segment) => segment.type === 'dynamic').map((segment) => segment.name);
	expect(staticNames.length).toBeGreaterThan(0);
	expect(dynamicNames.length).toBeGreaterThan(0);

	const node = 'NP6: Add to Segment';
	const name = 'UI test: Add to Segment';
	const id = await editor.createWorkflow({
		name,
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ name: node, type: 'n8n-nodes-np6.np6Contact', typeVersion: 1, position: [260, 0], parameters: { resource: 'contact', operation: 'addToSegment' }, credentials: CREDENTIAL },
		],
		connections: { Start: { main: [[{ node, type: 'main', index: 0 }]] } },
	});
	await editor.openWorkflow({ id, name }, node);
	await editor.openNode(node);
	const entries = await editor.pickerEntries('segment');
	await editor.screenshot(join(DOCS, 'ui-static-segments.png'));
	await editor.closeNode();

	// Segment labels read "<name> (<type>[, test], <n> contacts)" (nodes/shared/methods/listSearch.ts).
	const listed = entries.map((entry) => {
		const parts = /^(.+) \((static|dynamic)\b/.exec(entry);
		return { name: parts?.[1] ?? entry, type: parts?.[2] };
	});
	expect(listed.map((entry) => entry.name).sort()).toEqual([...staticNames].sort());
	for (const entry of listed) expect(entry.type).toBe('static');
	for (const name of dynamicNames) expect(listed.map((entry) => entry.name)).not.toContain(name);
});

uiTest('NP6 Contact Tool added to an AI Agent loads the contact fields', 'contact-tool', async (editor, { simulator }) => {
	const { page, ndv } = editor;
	const fields = await np6Get<Array<{ name: string }>>(simulator, '/fields');
	expect(fields.length).toBeGreaterThan(0);

	const agent = 'AI Agent';
	const name = 'UI test: NP6 Contact Tool';
	const id = await editor.createWorkflow({
		name,
		nodes: [
			{ name: 'Chat', type: '@n8n/n8n-nodes-langchain.chatTrigger', typeVersion: 1.4, position: [0, 0], parameters: {}, webhookId: '6f1f8f5e-5b1c-4d6e-9a51-3f0c2b7d9e11' },
			{ name: agent, type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3.1, position: [260, 0], parameters: {} },
		],
		connections: { Chat: { main: [[{ node: agent, type: 'main', index: 0 }]] } },
	});
	await editor.openWorkflow({ id, name }, agent);
	// The "+" below the agent's Tool input, as a user adds a tool.
	const plus = page.locator(`[data-test-id="canvas-node-input-handle"][data-connection-type="ai_tool"][data-node-name="${agent}"] [data-test-id="canvas-handle-plus"]`);
	const creator = page.locator('[data-test-id="node-creator"]');
	const toolsView = creator.locator('[data-test-id="nodes-list-header"]', { hasText: 'Tools' });
	// n8n 2.41 sometimes opens its node creator on "Other AI Nodes" rather than the Tools view the "+"
	// asks for (it switches views a tick after opening, which a slow mount undoes): close it, click again.
	await until('the node creator to open on its Tools view', async () => {
		await plus.click();
		if (await toolsView.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return true;
		await page.keyboard.press('Escape');
		await creator.waitFor({ state: 'hidden' });
		return undefined;
	}, 60_000);
	await creator.locator('[data-test-id="node-creator-search-bar"]').fill('NP6');
	// n8n 2.41 adds a tool with its default action (here Contact → Create or Update) without listing actions.
	await creator.locator('[data-test-id="node-creator-node-item"]', { hasText: 'NP6 Contact Tool' }).click();

	const mapper = ndv.locator('[data-test-id="mapping-fields-container"]');
	// Each mapper field's input is named after the field's id, which is the NP6 field's name.
	await mapper.locator(`[data-test-id="parameter-input-${fields[0].name}"]`).waitFor();
	await editor.screenshot(join(DOCS, 'ui-contact-tool.png'));
	expect(await ndv.locator('[data-test-id="parameter-input-resource"] input').inputValue()).toBe('Contact');
	expect(await ndv.locator('[data-test-id="parameter-input-operation"] input').inputValue()).toBe('Create or Update');
	for (const field of fields) expect({ field: field.name, shown: await mapper.locator(`[data-test-id="parameter-input-${field.name}"]`).isVisible() }).toEqual({ field: field.name, shown: true });
	expect(await mapper.getByText(/^Email\b/).count()).toBeGreaterThan(0);
	expect(await ndv.getByText(/No fields found/i).count()).toBe(0);
	expect(await ndv.locator('[data-test-id="empty-fields-notice"]').count()).toBe(0);

	await editor.closeNode();
	await page.keyboard.press('Control+s');
	const saved = await until('the saved workflow to hold the tool, connected to the agent', async () => {
		const workflow = await editor.getWorkflow(id);
		const tool = workflow.nodes.find((node) => node.type === 'n8n-nodes-np6.np6ContactTool');
		return tool && workflow.connections[tool.name]?.ai_tool ? { workflow, tool } : undefined;
	}, 30_000);
	expect(saved.tool.credentials).toEqual(CREDENTIAL);
	expect(saved.workflow.connections[saved.tool.name].ai_tool).toEqual([[{ node: agent, type: 'ai_tool', index: 0 }]]);
});

uiTest('Executing "Sync contacts" shows fields.Email in the Create or Update output', 'sync-output', async (editor) => {
	const { page, ndv } = editor;
	const workflow = manualExample('sync-contacts');
	const sample = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.set')!;
	const people = (JSON.parse(String(sample.parameters.jsonOutput)) as { people: Array<{ email: string }> }).people;
	const upsert = workflow.nodes.find((node) => node.type === 'n8n-nodes-np6.np6Contact' && node.parameters.operation === 'upsert')!;

	await editor.openWorkflow(workflow, upsert.name);
	await page.locator('[data-test-id="execute-workflow-button"]').click();
	await editor.openNode(upsert.name);
	const output = ndv.locator('[data-test-id="output-panel"]');
	await output.locator('[data-test-id="node-run-status-success"]').waitFor({ timeout: 60_000 });
	await output.locator('[data-test-id="radio-button-json"]').click();
	// n8n marks each value of the JSON view with its path for drag-and-drop mapping: the key "Email"
	// carries data-name "Email", its value data-name "fields.Email".
	const email = output.locator('[data-path="[0].fields.Email"][data-name="fields.Email"]');
	await email.waitFor();
	await editor.screenshot(join(DOCS, 'ui-sync-output.png'));
	expect(JSON.parse(await email.innerText())).toBe(people[0].email);
	expect(await output.locator('[data-test-id="ndv-items-count"]').innerText()).toMatch(new RegExp(`\\b${people.length} items\\b`));
	await editor.closeNode();
});
