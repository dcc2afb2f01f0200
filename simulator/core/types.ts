import type { CatalogueOperation } from '../catalogue';

export type Query = Record<string, string | string[]>;

export interface SimRequest {
	requestId: string;
	method: string;
	path: string;
	query: Query;
	params: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON for JSON-like media types, the raw bytes otherwise, undefined without a body. */
	body: unknown;
	operation: CatalogueOperation;
	apiKey: string;
}

export interface SimReply {
	status: number;
	body?: unknown;
	contentType?: string;
	headers?: Record<string, string>;
}

export type Handler = (request: SimRequest) => SimReply | Promise<SimReply>;

/** A section implements catalogue operations, keyed by their catalogue key. */
export type SectionHandlers = Record<string, Handler>;
