import type { IDataObject } from 'n8n-workflow';

import type { Np6Context } from '../transport/request';
import { contactFields, type Np6Field } from './fields';
import { rereadMetadata } from './metadataCache';

/**
 * A contact as the next node should see it. NP6 answers values under `fields`, keyed by field id
 * (`{"728": "…"}`); the output names them (`{"Email": "…"}`), typed as the field is (numbers as
 * numbers, dates as ISO text, multiple choices as arrays), and keeps NP6's own map as `fieldIds`.
 * The field list is read once per node run, or taken from the metadata cache.
 */
export async function readableContact(this: Np6Context, contact: unknown): Promise<unknown> {
	if (contact === null || typeof contact !== 'object' || Array.isArray(contact)) return contact;
	const byId = (contact as IDataObject).fields;
	if (byId === null || typeof byId !== 'object' || Array.isArray(byId)) return contact;
	let fields = await contactFields.call(this);
	// An id the list does not know may be a field added since the list was cached.
	const unknownId = Object.keys(byId as IDataObject).some((id) => !fields.some((f) => String(f.id) === id));
	if (unknownId && (await rereadMetadata(this, ['/fields']))) fields = await contactFields.call(this);
	const named: IDataObject = {};
	for (const [id, value] of Object.entries(byId as IDataObject)) {
		const field = fields.find((f) => String(f.id) === id);
		named[field?.name ?? id] = field ? typed(field, value) : value;
	}
	return { ...(contact as IDataObject), fields: named, fieldIds: byId };
}

/** Each contact of an answer that is one contact or a list of them. */
export async function readableContacts(this: Np6Context, answer: unknown): Promise<unknown> {
	if (!Array.isArray(answer)) return await readableContact.call(this, answer);
	return await Promise.all(answer.map(async (contact) => await readableContact.call(this, contact)));
}

function typed(field: Np6Field, value: unknown): IDataObject[string] {
	if (value === null || value === undefined || value === '') return value as IDataObject[string];
	switch (field.type) {
		case 'numeric': {
			const number = Number(value);
			return Number.isFinite(number) ? number : (value as IDataObject[string]);
		}
		case 'date': {
			const time = Date.parse(String(value));
			return Number.isNaN(time) ? (value as IDataObject[string]) : new Date(time).toISOString();
		}
		case 'multipleSelectList':
			return Array.isArray(value) ? value.map(String) : String(value).split(',').map((v) => v.trim()).filter(Boolean);
		default:
			return value as IDataObject[string];
	}
}
