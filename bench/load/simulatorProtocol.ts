/** The messages between the load benchmark and its simulator process (Node's IPC channel). */

export interface ImportCheck {
	/** Contacts of the file not found by their Email afterwards. */
	missing: number;
	/** Contacts found with another FirstName, City or LoyaltyPoints than the file's. */
	wrongValues: number;
	/** Contacts the account gained beyond the file's rows (a row imported twice under another unicity, say). */
	extraContacts: number;
}

export interface SendCheck {
	/** Recipients with no delivery of the action. */
	notDelivered: number;
	/** Deliveries beyond the first to the same recipient. */
	duplicateDeliveries: number;
	/** Deliveries of the action to contacts that were not recipients. */
	deliveriesToOthers: number;
	/** Output items whose messageId names no delivery, or a delivery to another contact than the item's. */
	outputsNotMatchingDelivery: number;
}

export interface RunFigures {
	/** Every request the simulator received, 429s included. */
	requests: number;
	refused429: number;
	/** Requests per catalogue operation. */
	byOperation: Record<string, number>;
	peakRssBytes: number;
	/** CPU time (user + system) the simulator process spent since the run started. */
	cpuSeconds: number;
}

export type Command =
	| { command: 'seedContacts'; prefix: string; count: number }
	| { command: 'actionId'; name: string }
	| { command: 'contactCount' }
	/** Clears the request log, restarts the rate limiter and the RSS measurement; answers the baseline RSS. */
	| { command: 'startRun' }
	| { command: 'finishRun' }
	| { command: 'checkImport'; prefix: string; count: number; contactsBefore: number }
	| { command: 'checkSend'; prefix: string; count: number; actionId: string; messageIds: Array<string | undefined> };

export interface Results {
	seedContacts: number;
	actionId: string;
	contactCount: number;
	startRun: number;
	finishRun: RunFigures;
	checkImport: ImportCheck;
	checkSend: SendCheck;
}

export type Request = Command & { id: number };
export type Reply = { id: number; result: unknown } | { id: number; error: string };
export interface Ready {
	ready: true;
	url: string;
	apiKey: string;
	rateLimit: string;
}
