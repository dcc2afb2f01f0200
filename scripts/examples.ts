import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EXAMPLE_CRM_URL } from './demoCrm';
import { ROOT } from './n8n/app';

export const EXAMPLES_DIR = join(ROOT, 'examples');

export interface Example {
	/** Folder name, e.g. "sync-contacts". */
	name: string;
	/** Every workflow file of the example (manual and trigger variants). */
	files: string[];
	/** The Manual Trigger variant, which `n8n execute` can run. */
	manual: { file: string; id: string; name: string };
}

/** Every example folder under examples/, each with a manual.json variant. */
export function listExamples(): Example[] {
	return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => {
			const folder = join(EXAMPLES_DIR, entry.name);
			const files = readdirSync(folder)
				.filter((f) => f.endsWith('.json'))
				.map((f) => join(folder, f));
			const manualFile = join(folder, 'manual.json');
			if (!existsSync(manualFile)) throw new Error(`examples/${entry.name} has no manual.json (Manual Trigger variant)`);
			const workflow = JSON.parse(readFileSync(manualFile, 'utf8')) as { id: string; name: string };
			return { name: entry.name, files, manual: { file: manualFile, id: workflow.id, name: workflow.name } };
		});
}

/** The credential id every example refers to. */
export const EXAMPLE_CREDENTIAL = { id: 'np6SimulatorCred', name: 'NP6 (simulator)', type: 'np6Api' };

/**
 * An example workflow as it is imported: the demo CRM's address in the examples (EXAMPLE_CRM_URL,
 * where `npm start` runs it by default) replaced by the address of the CRM actually running.
 */
export function exampleWorkflow(file: string, crmUrl: string): Record<string, unknown> {
	return JSON.parse(readFileSync(file, 'utf8').replaceAll(EXAMPLE_CRM_URL, crmUrl)) as Record<string, unknown>;
}
