import type { ParameterSpec } from '../../../shared/operations/parameterSpec';

export const importPicker: ParameterSpec = {
	name: 'import',
	label: 'Import',
	in: 'path',
	key: 'id',
	picker: { searchMethod: 'searchImports', idFormat: 'integer', idPlaceholder: 'e.g. 23' },
};

/** What NP6's execution states mean. */
export const IMPORT_STATES: Record<number, string> = { 0: 'processing', 1: 'completed', 2: 'error' };
