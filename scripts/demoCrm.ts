/**
 * The "CRM side" of the bounce-feedback and engagement-sync examples: a small in-memory JSON store
 * on loopback that n8n's HTTP Request node writes to. `npm start` runs one beside the simulator; the
 * end-to-end tests run their own and read what it received. A real workflow points the HTTP Request
 * node at the CRM's own API instead.
 *
 * - `POST /<list>`: appends the JSON body as a new record (201);
 * - `PUT /<list>/<key>`: creates or replaces the record with that key (200), so re-sending never duplicates;
 * - `GET /<list>`: the records of a list; `GET /`: the names of the lists.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where the examples' HTTP Request nodes send to; the import puts the running CRM's URL in its place. */
export const EXAMPLE_CRM_URL = 'http://127.0.0.1:5681';

export interface CrmRecord {
	/** Set by PUT; records appended by POST have none. */
	key?: string;
	body: unknown;
	/** How many requests wrote this record: always 1 for POST, one more per PUT of the same key. */
	writes: number;
	/** Epoch ms of the first and the last write. */
	createdAt: number;
	updatedAt: number;
}

export interface DemoCrm {
	url: string;
	/** The records of a list, in the order they were created. */
	records(list: string): CrmRecord[];
	close(): Promise<void>;
}

const LIST = /^\/([A-Za-z0-9_-]+)(?:\/([^/]+))?\/?$/;

export async function startDemoCrm(options: { port?: number; host?: string } = {}): Promise<DemoCrm> {
	const lists = new Map<string, CrmRecord[]>();
	const listNamed = (name: string) => lists.get(name) ?? lists.set(name, []).get(name)!;

	const server = createServer((req, res) => {
		handle(req, res).catch(() => {
			if (!res.headersSent) reply(res, 500, { error: 'unexpected error' });
		});
	});

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const path = new URL(req.url ?? '/', 'http://crm').pathname;
		const method = req.method ?? 'GET';
		if (method === 'GET' && path === '/') return reply(res, 200, { lists: [...lists.keys()] });
		const match = LIST.exec(path);
		if (!match) return reply(res, 404, { error: 'expected /<list> or /<list>/<key>' });
		const [, name, rawKey] = match;
		const key = rawKey === undefined ? undefined : decodeURIComponent(rawKey);
		if (method === 'GET' && key === undefined) return reply(res, 200, lists.get(name) ?? []);
		if ((method === 'POST' && key === undefined) || (method === 'PUT' && key !== undefined)) {
			const body = await readJson(req);
			if (body === undefined) return reply(res, 400, { error: 'the body must be JSON' });
			const now = Date.now();
			const records = listNamed(name);
			const existing = key === undefined ? undefined : records.find((record) => record.key === key);
			if (existing) {
				Object.assign(existing, { body, writes: existing.writes + 1, updatedAt: now });
				return reply(res, 200, existing);
			}
			const record: CrmRecord = { ...(key === undefined ? {} : { key }), body, writes: 1, createdAt: now, updatedAt: now };
			records.push(record);
			return reply(res, 201, record);
		}
		return reply(res, 405, { error: 'POST /<list>, PUT /<list>/<key> or GET /<list>' });
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const address = server.address() as AddressInfo;
	return {
		url: `http://${address.address}:${address.port}`,
		records: (list) => [...(lists.get(list) ?? [])],
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

function reply(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
}
