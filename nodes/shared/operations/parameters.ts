import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

/** Return All + Limit, as every list in n8n offers them. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/**
 * The item's Limit, checked before any request (an expression may give 0, a negative or a fraction);
 * undefined with Return All. NP6 lists are never paginated: the whole array comes back and the limit is
 * applied here.
 */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const raw = this.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = Number(raw);
	if (raw === '' || raw === null || typeof raw === 'boolean' || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(this.getNode(), `The parameter "Limit" is not valid: ${JSON.stringify(raw)}`, {
			itemIndex,
			description: '"Limit" must be a whole number, at least 1 (or turn on "Return All").',
		});
	}
	return limit;
}

export function applyLimit<T>(list: T[], limit: number | undefined): T[] {
	return limit === undefined ? list : list.slice(0, limit);
}

/** Reads a required text parameter; a clear error names it before any request is made. */
export function requiredString(
	this: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
	pattern?: { test: RegExp; expected: string },
): string {
	const raw = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), `The parameter "${displayName}" is empty`, {
			itemIndex,
			description: `Give "${displayName}" a value (or an expression that yields one) for item ${itemIndex + 1}.`,
		});
	}
	if (pattern && !pattern.test.test(value)) {
		throw new NodeOperationError(this.getNode(), `The parameter "${displayName}" is not valid: "${value}"`, {
			itemIndex,
			description: `"${displayName}" must be ${pattern.expected}.`,
		});
	}
	return value;
}

export const ID_PATTERNS = {
	contact: { test: /^[A-Z0-9]{8}$/, expected: 'an NP6 contact ID: 8 capital letters or digits, such as 000PKXK4' },
	hash: { test: /^[0-9a-fA-F]{32}$/, expected: 'a contact hash: 32 hexadecimal characters' },
	integer: { test: /^\d+$/, expected: 'a whole number' },
	action: { test: /^[A-Z0-9]{6}$/, expected: 'an NP6 action ID: 6 capital letters or digits, such as 000PE4' },
	phone: { test: /^\+?[0-9][0-9 ().-]{4,20}$/, expected: 'a phone number, such as +33612345678' },
	email: { test: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, expected: 'an email address, such as news@shop.example.com' },
	/** NP6 documents no format for time zone IDs: anything but blanks. */
	timeZone: { test: /\s*\S.*/, expected: 'a time zone ID, as Time Zone → Get Many lists them' },
	uuid: { test: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, expected: 'a UUID, such as 0581e259-9039-487c-a94e-ff8c3944f956' },
};
