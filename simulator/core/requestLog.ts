export interface LoggedRequest {
	requestId: string;
	at: number;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	/** Catalogue key of the operation the request reached, if any. */
	operation?: string;
	status?: number;
	/** The parsed request body (JSON) or its byte length (binary). Never the API key. */
	body?: unknown;
	/** True when NP6 carried the request out (its handler ran), whatever the client got back. */
	handled: boolean;
	/** What else happened to it: "rateLimited", or the injected fault's kind. */
	interference?: string;
}

/** What reached the server, so tests can assert e.g. exactly one send. */
export class RequestLog {
	readonly entries: LoggedRequest[] = [];

	add(entry: LoggedRequest): LoggedRequest {
		this.entries.push(entry);
		return entry;
	}

	clear(): void {
		this.entries.length = 0;
	}

	/** Requests that reached an operation's handler (not refused by auth, limiter or faults). */
	handled(operation?: string): LoggedRequest[] {
		return this.entries.filter((e) => e.handled && (!operation || e.operation === operation));
	}

	count(predicate: (entry: LoggedRequest) => boolean): number {
		return this.entries.filter(predicate).length;
	}
}
