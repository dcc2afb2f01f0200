import { createHash } from 'crypto';

import { np6ApiRequest, type Np6Context } from '../transport/request';
import { runContextOf } from '../transport/runContext';

/**
 * The account's lists that every item of a contact write needs (fields, value lists), kept in this
 * process for "Request Options → Metadata Cache" seconds per credential, base URL and API key, so a
 * triggered one-item execution does not read them again. A node run always works with one version of
 * a list; a failure that a stale list could explain re-reads it once (`retryWithFreshMetadata`).
 * Action states are deliberately not cached: a send must see the action as NP6 has it now.
 */
export type MetadataPath = '/fields' | '/valueLists';

interface Entry {
	list: Promise<unknown[]>;
	/** When the read started: the list is at least this old. */
	readAt: number;
}

/** What one node run uses: the entry, and whether the run read it itself (then re-reading cannot help). */
interface RunView {
	entry: Entry;
	readByThisRun: boolean;
}

/** Several credentials × 2 lists; the oldest entries go first. */
const MAX_ENTRIES = 200;
const shared = new Map<string, Entry>();
const perRun = new WeakMap<object, Map<MetadataPath, RunView>>();

/** The cache's clock; tests move it instead of waiting. */
export const metadataClock = { now: (): number => Date.now() };

/** The list at `path` as this node run sees it: from this run, from the process cache, or read now. */
export async function metadataList<T>(context: Np6Context, path: MetadataPath): Promise<T[]> {
	const views = viewsOf(context);
	let view = views.get(path);
	if (!view) {
		view = await cachedOrRead(context, path);
		views.set(path, view);
	}
	const seen = view;
	const list = seen.entry.list.catch(async (error: unknown) => {
		// A failed read is not remembered: the next item tries again.
		if (views.get(path) === seen) views.delete(path);
		// Another run's read failed: its error names that run's node, so this run reads for itself.
		if (seen.readByThisRun) throw error;
		return await metadataList<T>(context, path);
	});
	return (await list) as T[];
}

/**
 * Runs `attempt`; if it fails in a way a stale list could explain (`mayBeStale`) and this run took any
 * of `paths` from the process cache, those lists are read again (one read shared with every run that
 * needs it at the same time) and `attempt` runs once more. Only for attempts that NP6 refused or
 * that failed before any write: repeating them cannot write twice.
 */
export async function retryWithFreshMetadata<T>(
	context: Np6Context,
	paths: MetadataPath[],
	mayBeStale: (error: unknown) => boolean,
	attempt: () => Promise<T>,
): Promise<T> {
	let failure: unknown;
	try {
		return await attempt();
	} catch (error) {
		failure = error;
	}
	if (!mayBeStale(failure) || !(await rereadMetadata(context, paths))) throw failure;
	return await attempt();
}

/** Forgets the lists of this node's credential, e.g. after the node changed a field or a value list. */
export async function forgetMetadata(context: Np6Context, paths: MetadataPath[]): Promise<void> {
	const views = viewsOf(context);
	for (const path of paths) {
		shared.delete(await keyOf(context, path));
		views.delete(path);
	}
}

async function cachedOrRead(context: Np6Context, path: MetadataPath): Promise<RunView> {
	const key = await keyOf(context, path);
	const ttlMs = (await runContextOf(context)).settings.metadataCacheMs;
	const cached = shared.get(key);
	// A negative age (the clock was set back) is not trusted as fresh. The editor always reads (its
	// "refresh" must show NP6's fields), and its read refreshes the cache.
	const age = cached ? metadataClock.now() - cached.readAt : -1;
	if (cached && !isEditor(context) && age >= 0 && age < ttlMs) return { entry: cached, readByThisRun: false };
	return { entry: read(context, path, key, ttlMs), readByThisRun: true };
}

/** Re-reads the lists this run took from the cache; false when there was none (nothing could be fresher). */
export async function rereadMetadata(context: Np6Context, paths: MetadataPath[]): Promise<boolean> {
	const views = viewsOf(context);
	let reread = false;
	for (const path of paths) {
		const view = views.get(path);
		if (!view || view.readByThisRun) continue;
		const key = await keyOf(context, path);
		const current = shared.get(key);
		// Another run already replaced the stale entry with a newer read: share it.
		const entry =
			current && current !== view.entry && current.readAt >= view.entry.readAt
				? current
				: read(context, path, key, (await runContextOf(context)).settings.metadataCacheMs);
		views.set(path, { entry, readByThisRun: true });
		reread = true;
	}
	return reread;
}

/** Starts a read, shared through the cache with every run that needs the list while it is under way. */
function read(context: Np6Context, path: MetadataPath, key: string, ttlMs: number): Entry {
	const entry: Entry = {
		list: np6ApiRequest.call(context, { method: 'GET', path }).then(({ body }) => (Array.isArray(body) ? (body as unknown[]) : [])),
		readAt: metadataClock.now(),
	};
	if (ttlMs > 0) {
		shared.delete(key);
		shared.set(key, entry);
		while (shared.size > MAX_ENTRIES) shared.delete(shared.keys().next().value!);
		entry.list.catch(() => {
			if (shared.get(key) === entry) shared.delete(key);
		});
	}
	return entry;
}

function viewsOf(context: Np6Context): Map<MetadataPath, RunView> {
	let views = perRun.get(context);
	if (!views) {
		views = new Map();
		perRun.set(context, views);
	}
	return views;
}

/** Credential id, base URL and API key, hashed: two credentials or accounts never share, and no key is kept. */
async function keyOf(context: Np6Context, path: MetadataPath): Promise<string> {
	const { credentials, baseUrl } = await runContextOf(context);
	const scope = createHash('sha256').update(JSON.stringify([credentials.id, baseUrl, String(credentials.data?.apiKey ?? '')])).digest('hex');
	return `${scope} ${path}`;
}

/** Load-options calls: the editor's pickers and field mapping. */
const isEditor = (context: Np6Context) => 'getCurrentNodeParameters' in context;
