import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { actionLabel, actionState, isMessageAction, VALIDATED, type Np6Action } from '../np6/actions';
import { np6ApiRequest } from '../transport/request';
import { hasCredential } from '../transport/runContext';

type Describe = (entry: IDataObject) => INodeListSearchItems;

type Keep = (this: ILoadOptionsFunctions, entry: IDataObject) => boolean;

/**
 * A picker over one NP6 list: NP6 does not filter or paginate, so filtering happens here. The search
 * text matches the entry's name (case-insensitive) or its ID. Without a credential the list is empty.
 */
function listSearch(path: string, describe: Describe, keep: Keep = () => true) {
	return async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		if (!(await hasCredential(this))) return { results: [] };
		const { body } = await np6ApiRequest.call(this, { method: 'GET', path });
		const needle = (filter ?? '').toLowerCase();
		const matches = (entry: IDataObject) =>
			!needle || String(entry.name ?? entry.label ?? '').toLowerCase().includes(needle) || String(entry.id).toLowerCase().includes(needle);
		const results = (Array.isArray(body) ? (body as IDataObject[]) : [])
			.filter((entry) => keep.call(this, entry) && matches(entry))
			.map(describe)
			.sort((a, b) => a.name.localeCompare(b.name));
		return { results };
	};
}

const segment: Describe = (s) => ({
	name: `${String(s.name)} (${String(s.type)}${s.isTest ? ', test' : ''}${s.targetsCount !== undefined && s.targetsCount !== null ? `, ${String(s.targetsCount)} contacts` : ''})`,
	value: String(s.id),
});

export const searchSegments = listSearch('/segments', segment);
export const searchStaticSegments = listSearch('/segments', segment, (s) => s.type === 'static');
export const searchTestSegments = listSearch('/segments', segment, (s) => s.type === 'static' && s.isTest === true);
export const searchFields = listSearch('/fields', (f) => ({
	name: `${String(f.name)} (${String(f.type)}${f.isUnicity ? ', unicity' : ''})`,
	value: String(f.id),
}));
export const searchValueLists = listSearch('/valueLists', (v) => ({ name: String(v.name), value: String(v.id) }));
export const searchImports = listSearch('/imports', (i) => ({ name: String(i.name), value: String(i.id) }));
export const searchApplications = listSearch('/parameters/applications', (a) => ({
	name: String(a.name ?? a.label ?? a.id),
	value: String(a.id),
}));
const action: Describe = (a) => ({ name: actionLabel(a as unknown as Np6Action), value: String(a.id) });
const asAction = (entry: IDataObject) => entry as unknown as Np6Action;

/** Any action: for the operations that take every action (Get, Update, Delete, Duplicate, Export...). */
export const searchActions = listSearch('/actions', action);

/** Send takes only email/SMS messages validated for sending. */
export const searchSendableActions = listSearch('/actions', action, (a) => isMessageAction(asAction(a)) && actionState(asAction(a)) === VALIDATED);

/** The test phase starts from 10/20, the production phase from 38 (test passed). */
const VALIDATION_START_STATES = { test: [10, 20], production: [38] };

/** Validate for Sending takes messages not yet validated, in a state the chosen phases start from. */
export const searchValidatableActions = listSearch('/actions', action, function (a) {
	const phases = this.getCurrentNodeParameter('phases') as string | undefined;
	const states =
		phases === 'production'
			? VALIDATION_START_STATES.production
			: phases === 'test' || phases === 'both'
				? VALIDATION_START_STATES.test
				: [...VALIDATION_START_STATES.test, ...VALIDATION_START_STATES.production];
	return isMessageAction(asAction(a)) && states.includes(actionState(asAction(a)));
});

/** Render needs content: state 20 (created) and beyond. */
export const searchRenderableActions = listSearch('/actions', action, (a) => actionState(asAction(a)) >= 20);

export const searchNotifications = listSearch('/notifications', (n) => ({
	name: `${String(n.name ?? n.id)} (${n.active === false ? 'inactive' : n.active === true ? 'active' : String(n.type ?? 'push')})`,
	value: String(n.id),
}));
export const searchCategories = listSearch('/categories', (c) => ({ name: String(c.name), value: String(c.id) }));
/** Legacy: NP6's older docs show no answer for these two lists, so a missing name falls back to the ID. */
export const searchGroups = listSearch('/groups', (g) => ({ name: String(g.name ?? g.id), value: String(g.id) }));
export const searchTimeZones = listSearch('/common/timezones', (t) => ({ name: String(t.name ?? t.label ?? t.id), value: String(t.id) }));
export const searchWorkflows = listSearch('/scripting/workflows', (w) => ({ name: String(w.name ?? w.id), value: String(w.id) }));
