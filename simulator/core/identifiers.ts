import type { CatalogueOperation, CatalogueParam } from '../catalogue';
import type { Query } from './types';

const INT32_MAX = 2 ** 31 - 1;

/** The catalogue's `conventions.idFormats`, as checks of the text a path or query carries. */
export const ID_FORMATS = {
	/** "6 upper-case alphanumerics ('000PE4')" */
	action: (text: string) => /^[0-9A-Z]{6}$/.test(text),
	/** "8 upper-case alphanumerics ('000PKXK4')" */
	contact: (text: string) => /^[0-9A-Z]{8}$/.test(text),
	/** "32 hex", the MD5 of the unicity in lower-case hex */
	contactHash: (text: string) => /^[0-9a-f]{32}$/.test(text),
	/** segment, field, value list, category, import, workflow, webtask, notification */
	int32: (text: string) => /^\d{1,10}$/.test(text) && Number(text) <= INT32_MAX,
	/** campaign, notification version, application, subscription, message... */
	uuid: (text: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text),
	/** "displayCampaign/displayContent": "string" and the legacy time zone id "string", so any path segment */
	string: (text: string) => text !== '',
};

export type IdFormat = keyof typeof ID_FORMATS;

/** What a path's first segment holds when its `{id}` is a plain string. */
const STRING_IDS_BY_RESOURCE: Record<string, IdFormat> = { targets: 'contact', actions: 'action', display: 'string', common: 'string' };
const CONTACT_PARAMS = ['targetId', 'target', 'contact'];

/**
 * The id format of a path parameter, from its catalogue type, description and place; undefined when
 * the catalogue gives none.
 */
export function pathIdFormat(operation: CatalogueOperation, param: CatalogueParam): IdFormat | undefined {
	if (param.type.startsWith('integer')) return 'int32';
	if (/\buuid\b/i.test(`${param.type} ${param.description ?? ''}`)) return 'uuid';
	if (CONTACT_PARAMS.includes(param.name)) return 'contact';
	if (param.name === 'id') return STRING_IDS_BY_RESOURCE[(operation.path ?? '').split('/')[1]];
	return undefined;
}

/** Query keys that name a contact ("Addressing a contact" in the catalogue README); unicity is free text. */
const QUERY_ID_FORMATS: Record<string, IdFormat> = { hash: 'contactHash', id: 'contact' };

/**
 * Whether every id in the path and in the contact-addressing query keys has the catalogue's format.
 * NP6 answers 404 for an unknown id "and misleadingly for an invalid value of a valid field", so a
 * malformed id names nothing: "000pkxk4" (lower case) is no contact id, "abc" no segment id.
 */
export function idsWellFormed(operation: CatalogueOperation, params: Record<string, string>, query: Query): boolean {
	const pathOk = operation.pathParams.every((param) => {
		const format = pathIdFormat(operation, param);
		return !format || params[param.name] === undefined || ID_FORMATS[format](params[param.name]);
	});
	const queryOk = operation.queryParams.every((param) => {
		const format = QUERY_ID_FORMATS[param.name];
		const values = query[param.name];
		return !format || values === undefined || [values].flat().every(ID_FORMATS[format]);
	});
	return pathOk && queryOk;
}
