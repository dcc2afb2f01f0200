import type { Np6Context } from '../transport/request';
import { metadataList } from './metadataCache';

export interface Np6Field {
	id: number;
	name: string;
	type: string;
	isUnicity?: boolean;
	isMandatory?: boolean;
	valueListId?: number;
}

export interface Np6ValueList {
	id: number;
	name: string;
	values: Array<{ index: number; value: string }>;
}

/** The account's contact fields (GET /fields): one version per node run, cached across runs (see metadataCache). */
export function contactFields(this: Np6Context): Promise<Np6Field[]> {
	return metadataList<Np6Field>(this, '/fields');
}

/** The account's value lists (GET /valueLists): one version per node run, cached across runs (see metadataCache). */
export function valueLists(this: Np6Context): Promise<Np6ValueList[]> {
	return metadataList<Np6ValueList>(this, '/valueLists');
}

export function unicityFields(fields: Np6Field[]): Np6Field[] {
	return fields.filter((f) => f.isUnicity);
}

export const isListField = (field: Np6Field) => field.type === 'singleSelectList' || field.type === 'multipleSelectList';
