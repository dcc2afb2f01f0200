import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CatalogueParam {
	name: string;
	type: string;
	required?: boolean | null;
	description?: string;
}

export interface CatalogueOperation {
	key: string;
	title: string;
	deprecated: boolean | null;
	method: string | null;
	path: string | null;
	pathParams: CatalogueParam[];
	queryParams: CatalogueParam[];
	requestContentType: string | null;
	responses: Array<{ status: number | null; contentType: string | null; description: string }>;
	confidence: 'high' | 'medium' | 'low';
	source: string;
	notes: string | null;
}

export interface CatalogueSection {
	section: string;
	docSlug: string | null;
	operations: CatalogueOperation[];
}

interface Catalogue {
	sections: CatalogueSection[];
}

/** The project's copy of the NP6 catalogue: the single source of truth for routes and media types. */
export const catalogue: Catalogue = JSON.parse(
	readFileSync(join(__dirname, '..', 'catalogue', 'operations.json'), 'utf8'),
) as Catalogue;

export const catalogueOperations: CatalogueOperation[] = catalogue.sections.flatMap((s) => s.operations);

export function catalogueOperation(key: string): CatalogueOperation {
	const operation = catalogueOperations.find((o) => o.key === key);
	if (!operation) throw new Error(`Unknown catalogue operation "${key}"`);
	return operation;
}
