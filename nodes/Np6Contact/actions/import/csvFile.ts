import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** Bytes no CSV text holds: the control characters but tab, line feed, vertical tab, form feed and carriage return. */
const isBinaryByte = (byte: number) => byte < 0x09 || (byte > 0x0d && byte < 0x20);

/**
 * The item's file from the input binary field, refused before any request when it cannot be CSV text
 * (empty, a PDF, or binary data such as a spreadsheet or an image), since NP6 would take it and fail the
 * import later. The text's encoding is not checked: a CSV file saved as Latin-1 is text too.
 */
export async function readCsvFile(this: IExecuteFunctions, itemIndex: number, label: string): Promise<Buffer> {
	const binaryName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = this.helpers.assertBinaryData(itemIndex, binaryName);
	const file = await this.helpers.getBinaryDataBuffer(itemIndex, binaryName);
	const problem =
		file.length === 0
			? 'it is empty'
			: file.subarray(0, 5).toString('latin1') === '%PDF-'
				? 'it is a PDF'
				: file.some(isBinaryByte)
					? 'it holds binary data'
					: undefined;
	if (problem) {
		throw new NodeOperationError(this.getNode(), `The parameter "${label}" does not hold a CSV file: ${JSON.stringify(binary.fileName ?? binaryName)} (${binary.mimeType}): ${problem}`, {
			itemIndex,
			description: `NP6 imports contacts from CSV text: a header line, then one contact per line. Nothing was sent to NP6 for item ${itemIndex + 1}.`,
		});
	}
	return file;
}
