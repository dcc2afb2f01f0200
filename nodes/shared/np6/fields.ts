import { np6ApiRequest, type Np6Context } from '../transport/request';

export interface Np6Field {
	id: number;
	name: string;
	type: string;
	isUnicity?: boolean;
	isMandatory?: boolean;
	valueListId?: number;
}

const perRun = new WeakMap<object, Promise<Np6Field[]>>();

/** The account's contact fields (GET /fields), fetched once per node run. */
export function contactFields(this: Np6Context): Promise<Np6Field[]> {
	let fields = perRun.get(this);
	if (!fields) {
		fields = np6ApiRequest
			.call(this, { method: 'GET', path: '/fields' })
			.then(({ body }) => (Array.isArray(body) ? (body as Np6Field[]) : []));
		perRun.set(this, fields);
		fields.catch(() => perRun.delete(this));
	}
	return fields;
}

export function unicityFields(fields: Np6Field[]): Np6Field[] {
	return fields.filter((f) => f.isUnicity);
}
