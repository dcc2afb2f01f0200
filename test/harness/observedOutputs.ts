/**
 * Output schemas (nodes/<Node>/__schema__/v1.0.0/<resource>/<operation>.json, which n8n serves to
 * preview a node's output before it runs) come from what the nodes really output in the engine
 * tests. With NP6_RECORD_OUTPUTS=1 (`npm run docs:schemas`) each successful run of a package node
 * appends samples of its output; otherwise each run's output is checked against the shipped schema,
 * so a schema cannot drift from its node unnoticed.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { departures, mergeSchemas, schemaOf, type JsonSchema } from '../../scripts/jsonSchema';

const ROOT = join(__dirname, '..', '..');
export const OBSERVED_OUTPUTS_DIR = join(ROOT, 'coverage', 'observed-outputs');
/** n8n looks the schema up by the node's version padded to three parts. */
export const SCHEMA_VERSION_DIR = 'v1.0.0';
export interface OutputRun {
	/** Node type name without the package, e.g. "np6Contact". */
	node: string;
	resource: string;
	operation: string;
	items: IDataObject[];
}

/** What one run output, as the schema all its items fit. */
export interface OutputSample extends Omit<OutputRun, 'items'> {
	schema: JsonSchema;
}

export const recordingOutputs = () => process.env.NP6_RECORD_OUTPUTS === '1' && process.env.JEST_WORKER_ID !== undefined;

/** nodes/Np6Contact/__schema__/v1.0.0 for "np6Contact". */
export function schemaFolder(node: string): string {
	return join(ROOT, 'nodes', node.charAt(0).toUpperCase() + node.slice(1), '__schema__', SCHEMA_VERSION_DIR);
}

/** nodes/Np6Contact/__schema__/v1.0.0/contact/upsert.json for ("np6Contact", "contact", "upsert"). */
export function schemaFile(node: string, resource: string, operation: string): string {
	return join(schemaFolder(node), resource, `${operation}.json`);
}

/** The resource and operation a node runs, its description's defaults where the parameters are silent. */
export function resourceAndOperation(properties: INodeProperties[], parameters: IDataObject): { resource: string; operation: string } {
	const resource = String(parameters.resource ?? properties.find((p) => p.name === 'resource')?.default);
	const operationProperty = properties.find((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource));
	return { resource, operation: String(parameters.operation ?? operationProperty?.default) };
}

/** Records the run's output (recording mode) or checks it against the shipped schema (always otherwise). */
export function observeOutput(run: OutputRun): void {
	if (run.items.length === 0) return;
	const { items, ...sample } = run;
	if (recordingOutputs()) {
		const line = JSON.stringify({ ...sample, schema: items.map(schemaOf).reduce(mergeSchemas) });
		mkdirSync(OBSERVED_OUTPUTS_DIR, { recursive: true });
		appendFileSync(join(OBSERVED_OUTPUTS_DIR, `jest-${process.pid}.jsonl`), `${line}\n`);
		return;
	}
	const schema = shippedSchema(sample);
	if (!schema) return; // a missing schema is the catalogue test's to report, not every run's
	const problems = items.flatMap((item) => departures(schema, item));
	if (problems.length > 0) {
		throw new Error(
			`${sample.node} ${sample.resource}/${sample.operation} output departs from its schema ` +
				`(run \`npm run docs:schemas\` if the node changed on purpose):\n${[...new Set(problems)].slice(0, 10).join('\n')}`,
		);
	}
}

const schemas = new Map<string, JsonSchema | undefined>();

function shippedSchema({ node, resource, operation }: Omit<OutputSample, 'schema'>): JsonSchema | undefined {
	const file = schemaFile(node, resource, operation);
	if (!schemas.has(file)) schemas.set(file, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as JsonSchema) : undefined);
	return schemas.get(file);
}

export function readOutputSamples(): OutputSample[] {
	if (!existsSync(OBSERVED_OUTPUTS_DIR)) return [];
	return readdirSync(OBSERVED_OUTPUTS_DIR)
		.filter((name) => name.endsWith('.jsonl'))
		.flatMap((name) => readFileSync(join(OBSERVED_OUTPUTS_DIR, name), 'utf8').split('\n'))
		.filter((line) => line.trim() !== '')
		.map((line) => JSON.parse(line) as OutputSample);
}

export function clearOutputSamples(): void {
	rmSync(OBSERVED_OUTPUTS_DIR, { recursive: true, force: true });
}
