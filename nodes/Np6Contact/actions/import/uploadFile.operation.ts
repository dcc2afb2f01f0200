import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { readParameter, toProperty } from '../../../shared/operations/parameterSpec';
import { DEPRECATED_HINT } from '../../../shared/operations/resource';
import type { ItemResult } from '../../../shared/operations/types';
import { MEDIA_TYPE } from '../../../shared/transport/mediaTypes';
import { np6ApiRequest } from '../../../shared/transport/request';
import { readCsvFile } from './csvFile';
import { importPicker } from './importParameters';

export const catalogue = ['import.uploadSource'];
export const deprecated = true;

export const binaryPropertyProperty = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string' as const,
	default: 'data',
	required: true,
	hint: 'The name of the input binary field holding the CSV file',
};

export const description = updateDisplayOptions({ show: { resource: ['import'], operation: ['uploadFile'] } }, [
	{ displayName: DEPRECATED_HINT, name: 'uploadFileNotice', type: 'notice', default: '' },
	toProperty(importPicker),
	binaryPropertyProperty,
]);

/** PUT /imports/{id}/source with the item's binary file. */
export async function uploadSource(this: IExecuteFunctions, importId: number, itemIndex: number): Promise<IDataObject> {
	const binaryName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = this.helpers.assertBinaryData(itemIndex, binaryName);
	const file = await this.helpers.getBinaryDataBuffer(itemIndex, binaryName);
	return await uploadImportFile.call(this, importId, file, binary.fileName ?? 'contacts.csv', itemIndex);
}

/** PUT /imports/{id}/source with the raw file (application/octet-stream), named in Content-Disposition. */
export async function uploadImportFile(this: IExecuteFunctions, importId: number, file: Buffer, fileName: string, itemIndex: number): Promise<IDataObject> {
	const { body } = await np6ApiRequest.call(this, {
		method: 'PUT',
		path: `/imports/${importId}/source`,
		body: file,
		contentType: MEDIA_TYPE.octetStream,
		accept: MEDIA_TYPE.importModel,
		headers: { 'Content-Disposition': `form-data; filename=${JSON.stringify(fileName)}` },
		meanings: { 404: 'NP6 has no import with this ID' },
		itemIndex,
	});
	return body as IDataObject;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const importId = readParameter.call(this, importPicker, itemIndex) as number;
	await readCsvFile.call(this, itemIndex, binaryPropertyProperty.displayName);
	return await uploadSource.call(this, importId, itemIndex);
}
