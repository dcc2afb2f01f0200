import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { Np6Operation } from '../../shared/operations/types';

/**
 * A partial update (PATCH) that sends only the fields given under "Additional Fields": without any,
 * the item fails before a request is made, as there is nothing to change.
 */
export function requireChanges(operation: Np6Operation): Np6Operation {
	return {
		...operation,
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const given = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			if (!Object.values(given).some((value) => value !== undefined && value !== null && value !== '')) {
				throw new NodeOperationError(this.getNode(), 'No field to change', {
					itemIndex,
					description: 'Add at least one field under "Additional Fields": only the fields given are sent.',
				});
			}
			return await operation.execute!.call(this, itemIndex);
		},
	};
}
