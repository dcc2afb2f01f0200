import type { PickerSpec } from '../operations/parameterSpec';

/** The pickers several nodes share: the list search that fills them and what their "By ID" mode takes. */
export const PICKERS = {
	action: { searchMethod: 'searchActions', idFormat: 'action', idPlaceholder: 'e.g. 000PE4' },
	application: { searchMethod: 'searchApplications', idFormat: 'uuid', idPlaceholder: 'e.g. 2b22d485-f04e-492b-b364-e14f8506726a' },
	category: { searchMethod: 'searchCategories', idFormat: 'integer', idPlaceholder: 'e.g. 1234' },
	notification: { searchMethod: 'searchNotifications', idFormat: 'integer', idPlaceholder: 'e.g. 12' },
	valueList: { searchMethod: 'searchValueLists', idFormat: 'integer', idPlaceholder: 'e.g. 31' },
} satisfies Record<string, PickerSpec>;
