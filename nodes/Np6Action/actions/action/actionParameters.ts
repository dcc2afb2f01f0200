import type { ParameterSpec } from '../../../shared/operations/parameterSpec';

export const actionPicker: ParameterSpec = {
	name: 'action',
	label: 'Action',
	in: 'path',
	key: 'id',
	picker: { searchMethod: 'searchActions', idFormat: 'action', idPlaceholder: 'e.g. 000PE4' },
};
