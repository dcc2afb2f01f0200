import type { ParameterSpec } from '../../../shared/operations/parameterSpec';

const pickerListing = (searchMethod: string, description?: string): ParameterSpec => ({
	name: 'action',
	label: 'Action',
	in: 'path',
	key: 'id',
	picker: { searchMethod, idFormat: 'action', idPlaceholder: 'e.g. 000PE4' },
	description,
});

/** Any action. */
export const actionPicker = pickerListing('searchActions');

/** The list offers only email/SMS messages validated for sending (state 50). */
export const sendableActionPicker = pickerListing('searchSendableActions', 'An email or SMS message validated for sending (state 50)');

/** The list offers only messages the chosen validation phases can start from. */
export const validatableActionPicker = pickerListing(
	'searchValidatableActions',
	'An email or SMS message not yet validated: draft or created (10/20) for the test phase, test passed (38) for production',
);

/** The list offers only actions with content (state 20 and beyond). */
export const renderableActionPicker = pickerListing('searchRenderableActions', 'An action with content (state 20 or later)');
