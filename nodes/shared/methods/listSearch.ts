import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { stateName } from '../np6/actions';
import { np6ApiRequest } from '../transport/request';

type Describe = (entry: IDataObject) => INodeListSearchItems;

/** A picker over one NP6 list: NP6 does not filter or paginate, so filtering happens here. */
function listSearch(path: string, describe: Describe, keep: (entry: IDataObject) => boolean = () => true) {
	return async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const { body } = await np6ApiRequest.call(this, { method: 'GET', path });
		const needle = (filter ?? '').toLowerCase();
		const results = (Array.isArray(body) ? (body as IDataObject[]) : [])
			.filter(keep)
			.map(describe)
			.filter((item) => !needle || item.name.toLowerCase().includes(needle) || String(item.value).includes(needle))
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
export const searchActions = listSearch('/actions', (a) => ({
	name: `${String(a.name)} (${String(a.type)}, ${stateName(Number((a.informations as IDataObject | undefined)?.state))})`,
	value: String(a.id),
}));
export const searchNotifications = listSearch('/notifications', (n) => ({
	name: `${String(n.name ?? n.id)} (${n.active === false ? 'inactive' : n.active === true ? 'active' : String(n.type ?? 'push')})`,
	value: String(n.id),
}));
export const searchCategories = listSearch('/categories', (c) => ({ name: String(c.name), value: String(c.id) }));
