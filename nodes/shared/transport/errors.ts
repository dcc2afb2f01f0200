import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

/** NP6's meaning of each status (catalogue README, "Status codes and error bodies"). */
export const STATUS_MEANINGS: Record<number, string> = {
	400: 'NP6 could not read the request (malformed JSON or wrong shape)',
	401: 'NP6 refused the API key: it is missing or wrong',
	403: 'The API key may not do this',
	404: 'NP6 knows no such item (NP6 also answers 404 for an invalid value of a valid field)',
	405: 'NP6 does not allow this method here',
	409: "The item's state does not allow this, it already exists, or the API key's user lacks the right",
	410: 'The item is gone',
	411: 'NP6 requires a Content-Length header',
	415: 'NP6 does not accept this media type for the operation',
	429: 'NP6 rate limit reached',
	500: 'NP6 had an internal error',
	502: 'NP6 is unreachable behind its gateway',
	503: 'NP6 is unavailable',
	504: 'NP6 did not answer in time (gateway timeout)',
};

export interface Np6ErrorDetails {
	status?: number;
	requestId?: string;
	method: string;
	path: string;
	/** What NP6 means by this status for this operation, when it differs from the general meaning. */
	meaning?: string;
	/** Anything more that helps the user act. */
	hint?: string;
	itemIndex?: number;
}

/**
 * A NodeApiError built only from what is safe to show: never the request options, so the API key
 * cannot leak through an error, its cause, or the execution log.
 */
export function np6ApiError(node: INode, details: Np6ErrorDetails): NodeApiError {
	const { status, requestId, method, path } = details;
	const meaning = details.meaning ?? (status ? STATUS_MEANINGS[status] : undefined) ?? 'NP6 answered with an error';
	const where = `${method} ${path}`;
	const message = status ? `NP6 ${status}: ${meaning}` : `NP6 request failed: ${meaning}`;
	const description = [
		details.hint,
		`Request: ${where}.`,
		requestId ? `NP6 request id (x-request-id, for NP6 support): ${requestId}.` : 'NP6 sent no request id.',
	]
		.filter(Boolean)
		.join(' ');
	const response: JsonObject = { message, description, method, path, ...(requestId ? { requestId } : {}) };
	if (status) response.httpCode = String(status);
	return new NodeApiError(node, response, {
		message,
		description,
		httpCode: status ? String(status) : undefined,
		itemIndex: details.itemIndex,
	});
}
