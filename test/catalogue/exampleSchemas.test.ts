/**
 * Every example opens without n8n's "Fields are outdated" warning: each NP6 Contact "Fields" mapper
 * holds exactly the fields the mapper loads on the demo account `npm start` serves
 * (`npm run docs:examples` writes them).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

import { contactMappers, demoFieldSchema, exampleFiles } from '../../scripts/exampleSchemas';

test('every NP6 Contact field mapper of every example holds the demo account\'s full field schema', async () => {
	const schema = await demoFieldSchema();
	expect(schema.length).toBeGreaterThanOrEqual(8);
	const mappers = exampleFiles().flatMap((file) => contactMappers(JSON.parse(readFileSync(file, 'utf8'))).map((mapper) => ({ file, mapper })));
	expect(mappers.length).toBeGreaterThan(0);
	for (const { file, mapper } of mappers) {
		expect({ file: relative(process.cwd(), file), schema: mapper.schema }).toEqual({ file: relative(process.cwd(), file), schema });
	}
});
