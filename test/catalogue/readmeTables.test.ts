import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { documentedNodes, readmeWithTables } from '../../scripts/operationsTable';

test("the README's operation tables match the nodes (run `npm run docs:operations` after changing a node)", async () => {
	const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
	expect(readmeWithTables(readme, await documentedNodes())).toBe(readme);
});
