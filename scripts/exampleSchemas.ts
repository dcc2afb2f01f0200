/**
 * `npm run docs:examples`: writes into every example the full field schema its NP6 Contact nodes'
 * "Fields" mapper loads on the simulator's demo account (the one `npm start` serves), so an example
 * opens without n8n's "Fields are outdated" warning. test/catalogue/exampleSchemas.test.ts checks it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

import type { IDataObject, ResourceMapperField } from 'n8n-workflow';

import { getContactFields } from '../nodes/Np6Contact/methods/resourceMapping';
import { startSimulator } from '../simulator';
import { loadOptions } from '../test/harness/engine';
import { listExamples } from './examples';

interface WorkflowNode {
	type: string;
	parameters: IDataObject;
}

/** The fields the mapper loads on the demo account, as n8n stores them in a workflow. */
export async function demoFieldSchema(): Promise<Array<ResourceMapperField & { removed: boolean }>> {
	const simulator = await startSimulator({ seed: 'demo', contacts: 0 });
	try {
		const { fields } = await loadOptions(simulator, { type: 'np6Contact', parameters: { resource: 'contact', operation: 'upsert' } }, getContactFields);
		return fields.map((field) => ({ ...field, removed: false }));
	} finally {
		await simulator.close();
	}
}

/** The "Fields" mapper of every NP6 Contact node in an example workflow. */
export function contactMappers(workflow: { nodes: WorkflowNode[] }): IDataObject[] {
	return workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-np6.np6Contact' && (node.parameters.fields as IDataObject | undefined)?.mappingMode)
		.map((node) => node.parameters.fields as IDataObject);
}

export const exampleFiles = (): string[] => listExamples().flatMap((example) => example.files);

if (require.main === module) {
	void (async () => {
		const schema = await demoFieldSchema();
		let written = 0;
		for (const file of exampleFiles()) {
			const workflow = JSON.parse(readFileSync(file, 'utf8')) as { nodes: WorkflowNode[] };
			const mappers = contactMappers(workflow);
			if (mappers.length === 0) continue;
			for (const mapper of mappers) mapper.schema = schema as unknown as IDataObject[];
			writeFileSync(file, `${JSON.stringify(workflow, null, 2)}\n`);
			written++;
		}
		console.log(`Wrote the ${schema.length}-field schema into ${written} example file(s).`);
	})();
}
