import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { findContactByUnicity } from '../../../shared/np6/contactByUnicity';
import { readableContact } from '../../../shared/np6/contactOutput';
import { keyedById, keyedByName, type FieldValue } from '../../../shared/np6/contactValues';
import type { Np6Field } from '../../../shared/np6/fields';
import type { ItemResult } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';
import { contactFieldsProperty, mappedFieldValues, requireUnicityValues, withCurrentFieldLists } from './contactFieldsMapping';
import { mostlyNewContacts, recordUpsertOutcome } from './upsertHistory';

export const catalogue = ['target.create', 'target.search', 'target.update', 'target.upsertByUnicity'];

const properties: INodeProperties[] = [
	contactFieldsProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Method',
				name: 'method',
				type: 'options',
				default: 'createThenUpdate',
				options: [
					{
						name: 'Create, Then Update if It Exists',
						value: 'createThenUpdate',
						description: 'POST /targets keyed by field name; on 409 find the contact by unicity and update it (observed live)',
					},
					{
						name: 'Legacy PUT by Unicity',
						value: 'legacyPut',
						description: 'PUT /targets?unicity= keyed by field ID, known from older public NP6 docs only',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['upsert'] } }, properties);

const MEANINGS = {
	400: 'NP6 could not identify the contact: the unicity field is missing, or a field name is unknown',
	404: 'NP6 refused a value: it is not valid for its field (NP6 answers 404 for that)',
};

/**
 * Create or Update: POST /targets with values keyed by field name (1 request for a new contact); 409
 * means the contact exists, so it is looked up by unicity and updated by id. The run learns as it
 * goes: while most contacts it met existed, it looks a contact up first, so an existing contact costs
 * 2 requests, not 3; its first item follows what the node met in its recent executions (upsertHistory).
 * Items naming the same contact are written one after the other, in item order. Outputs the contact
 * as NP6 stores it.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await withCurrentFieldLists(this, async () => await upsert.call(this, itemIndex));
}

async function upsert(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const { fields, values } = await mappedFieldValues.call(this, itemIndex);
	const unicity = requireUnicityValues.call(this, fields, values, itemIndex);
	const unicityValues = unicity.map((f) => String(values[f.name]));
	const unicityQuery = unicityValues.length === 1 ? unicityValues[0] : unicityValues;
	const { method } = this.getNodeParameter('options', itemIndex, {}) as { method?: string };

	if (method === 'legacyPut') {
		const { body } = await np6ApiRequest.call(this, {
			method: 'PUT',
			path: '/targets',
			query: { unicity: unicityQuery },
			body: keyedById(values, fields),
			answers: 'object',
			meanings: MEANINGS,
			itemIndex,
		});
		return (await readableContact.call(this, body)) as IDataObject;
	}

	const run = runOf(this);
	const write = async (): Promise<IDataObject> => {
		const changes = withoutUnicity(values, unicity);
		const update = async (contact: IDataObject) => {
			run.existed++;
			recordUpsertOutcome(this, 'existed');
			return await updateContact.call(this, contact, keyedById(changes, fields), itemIndex);
		};
		if (run.existed >= run.created) {
			const contact = await findContactByUnicity.call(this, unicityQuery, itemIndex);
			if (contact) return await update(contact);
		}
		const created = await np6ApiRequest.call(this, {
			method: 'POST',
			path: '/targets',
			body: keyedByName(values),
			answers: 'object',
			expectedStatuses: [409],
			meanings: MEANINGS,
			itemIndex,
		});
		if (created.status !== 409) {
			run.created++;
			recordUpsertOutcome(this, 'created');
			return created.body as IDataObject;
		}
		const contact = await findContactByUnicity.call(this, unicityQuery, itemIndex);
		if (!contact) {
			throw new NodeOperationError(this.getNode(), `NP6 said the contact ${unicityValues.join(', ')} exists but did not return it`, {
				itemIndex,
			});
		}
		return await update(contact);
	};
	const key = JSON.stringify(unicityValues);
	const previous = run.writing.get(key) ?? Promise.resolve();
	const written = previous.catch(() => undefined).then(write);
	run.writing.set(key, written);
	return (await readableContact.call(this, await written)) as IDataObject;
}

/** What one node run has learnt: how many contacts existed or were new (the first item: as recently), and the write under way per contact. */
interface UpsertRun {
	existed: number;
	created: number;
	writing: Map<string, Promise<unknown>>;
}

const runs = new WeakMap<object, UpsertRun>();

function runOf(context: IExecuteFunctions): UpsertRun {
	let run = runs.get(context);
	if (!run) {
		run = { existed: 0, created: mostlyNewContacts(context) ? 1 : 0, writing: new Map() };
		runs.set(context, run);
	}
	return run;
}

async function updateContact(this: IExecuteFunctions, contact: IDataObject, changes: IDataObject, itemIndex: number): Promise<IDataObject> {
	if (Object.keys(changes).length === 0) return contact;
	const updated = await np6ApiRequest.call(this, {
		method: 'PUT',
		path: `/targets/${encodeURIComponent(String(contact.id))}`,
		body: changes,
		answers: 'object',
		meanings: MEANINGS,
		itemIndex,
	});
	return (updated.body as IDataObject | undefined) ?? contact;
}

function withoutUnicity(values: Record<string, FieldValue>, unicity: Np6Field[]): Record<string, FieldValue> {
	return Object.fromEntries(Object.entries(values).filter(([name]) => !unicity.some((f) => f.name === name)));
}
