import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { readParameter, type ParameterSpec } from '../../../shared/operations/parameterSpec';
import type { Np6Operation } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';

/**
 * NP6 answers 409 both for a dynamic segment and for a conflict on a static one (e.g. the contact is
 * already a member). Reading the segment first (one GET) tells them apart: a dynamic segment is
 * refused here with a clear error, before any change is attempted, so a 409 afterwards has one meaning.
 */
export function onlyStaticSegments(operation: Np6Operation, segment: ParameterSpec): Np6Operation {
	const execute = operation.execute;
	if (!execute) return operation;
	return {
		...operation,
		catalogue: [...operation.catalogue, 'segment.get'],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			await assertStaticSegment.call(this, readParameter.call(this, segment, itemIndex) as number, itemIndex);
			return await execute.call(this, itemIndex);
		},
	};
}

async function assertStaticSegment(this: IExecuteFunctions, segmentId: number, itemIndex: number): Promise<void> {
	const { body } = await np6ApiRequest.call(this, {
		method: 'GET',
		path: `/segments/${encodeURIComponent(String(segmentId))}`,
		meanings: { 404: 'NP6 has no segment with this ID' },
		itemIndex,
	});
	const found = (body ?? {}) as IDataObject;
	if (found.type === 'dynamic') {
		throw new NodeOperationError(this.getNode(), `Segment ${segmentId}${found.name ? ` ("${String(found.name)}")` : ''} is a dynamic segment: its contacts cannot be changed`, {
			itemIndex,
			description: 'NP6 computes the members of a dynamic segment from its criteria. Choose a static segment, or change the criteria of this one in NP6.',
		});
	}
}
