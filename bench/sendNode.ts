import type { IDataObject } from 'n8n-workflow';

import type { NodeUnderTest } from '../test/harness/engine';

/** NP6 Action → Send of one action to each item's `email`, with one result per item (Continue On Fail) so a failed item shows. */
export function sendToEachEmail(actionId: string | number, sendOptions: IDataObject = {}): NodeUnderTest {
	return {
		type: 'np6Action',
		continueOnFail: true,
		parameters: {
			resource: 'action',
			operation: 'send',
			action: { __rl: true, mode: 'id', value: actionId },
			recipientBy: 'unicity',
			recipient: '={{ $json.email }}',
			sendOptions,
		},
	};
}
