/**
 * `npm run docs:schemas`: runs the engine tests with NP6_RECORD_OUTPUTS=1, then writes one output
 * schema per node operation from what the nodes output there (nodes/<Node>/__schema__/v1.0.0/…),
 * which n8n serves to preview a node's output before it runs. The same engine tests, run normally,
 * fail when an output departs from its schema (test/harness/observedOutputs.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

import type { INodePropertyOptions } from 'n8n-workflow';

import { mergeSchemas, type JsonSchema } from './jsonSchema';
import { documentedNodes } from './operationsTable';
import { readOutputSamples, schemaFile, schemaFolder } from '../test/harness/observedOutputs';

const ROOT = join(__dirname, '..');

async function main(): Promise<void> {
	const learnt = new Map<string, JsonSchema>();
	for (const sample of readOutputSamples()) {
		const file = schemaFile(sample.node, sample.resource, sample.operation);
		const known = learnt.get(file);
		learnt.set(file, known ? mergeSchemas(known, sample.schema) : sample.schema);
	}
	if (learnt.size === 0) throw new Error('No output samples: run the engine tests with NP6_RECORD_OUTPUTS=1 first');

	const missing: string[] = [];
	for (const node of await documentedNodes()) {
		rmSync(schemaFolder(node.name), { recursive: true, force: true });
		for (const resourceOption of node.resourceChoice.options as INodePropertyOptions[]) {
			const resource = String(resourceOption.value);
			const dropdown = node.resources[resource].description.find((p) => p.name === 'operation')!;
			for (const option of dropdown.options as INodePropertyOptions[]) {
				const file = schemaFile(node.name, resource, String(option.value));
				const schema = learnt.get(file);
				if (!schema) {
					missing.push(`${node.name} ${resource}/${String(option.value)}`);
					continue;
				}
				mkdirSync(dirname(file), { recursive: true });
				writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
				learnt.delete(file);
			}
		}
	}
	for (const file of learnt.keys()) console.warn(`Samples for an operation no node offers: ${relative(ROOT, file)}`);
	console.log(`Output schemas written; operations without a successful engine-test output: ${missing.length ? missing.join(', ') : 'none'}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
