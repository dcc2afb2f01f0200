/**
 * Every operation ships the output schema n8n previews before a run, and no schema outlives its
 * operation. That each schema matches what its node outputs is checked on every engine-test run
 * (test/harness/observedOutputs.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import type { INodePropertyOptions } from 'n8n-workflow';

import type { JsonSchema } from '../../scripts/jsonSchema';
import { documentedNodes } from '../../scripts/operationsTable';
import { schemaFile, schemaFolder } from '../harness/observedOutputs';

const filesUnder = (folder: string): string[] =>
	existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json')).map((name) => join(folder, name)) : [];

test('every operation of every node has an output schema, and every schema file belongs to an operation', async () => {
	const expected: string[] = [];
	const shipped: string[] = [];
	for (const node of await documentedNodes()) {
		shipped.push(...filesUnder(schemaFolder(node.name)));
		for (const resourceOption of node.resourceChoice.options as INodePropertyOptions[]) {
			const resource = String(resourceOption.value);
			const dropdown = node.resources[resource].description.find((p) => p.name === 'operation')!;
			for (const option of dropdown.options as INodePropertyOptions[]) expected.push(schemaFile(node.name, resource, String(option.value)));
		}
	}
	const root = join(__dirname, '..', '..');
	expect(shipped.map((file) => relative(root, file)).sort()).toEqual(expected.map((file) => relative(root, file)).sort());
	for (const file of shipped) {
		const schema = JSON.parse(readFileSync(file, 'utf8')) as JsonSchema;
		expect([file, schema.type]).toEqual([file, 'object']);
		expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
	}
});
