/**
 * Every resource/operation of every action node, read from the node classes' descriptions (so a new
 * operation is included without editing a list), each with minimal parameters: the description's
 * defaults, generated values for required parameters left empty, and a few per-operation overrides
 * where a generated value cannot be right (a field mapping, a JSON shape). An operation missing from
 * the overrides still runs with generated values.
 */
import { NodeHelpers, type IDataObject, type INodeParameters, type INodeProperties, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { Np6Action } from '../../nodes/Np6Action/Np6Action.node';
import { Np6Campaign } from '../../nodes/Np6Campaign/Np6Campaign.node';
import { Np6Contact } from '../../nodes/Np6Contact/Np6Contact.node';
import { Np6Event } from '../../nodes/Np6Event/Np6Event.node';
import { Np6Scripting } from '../../nodes/Np6Scripting/Np6Scripting.node';
import { Np6Setting } from '../../nodes/Np6Setting/Np6Setting.node';

/** The action nodes (the trigger has no operations: it polls). */
export const actionNodes: INodeType[] = [new Np6Contact(), new Np6Action(), new Np6Event(), new Np6Scripting(), new Np6Setting(), new Np6Campaign()];

export interface OperationUnderTest {
	/** e.g. "np6Contact contact/upsert" */
	label: string;
	/** Node type name, e.g. "np6Contact". */
	type: string;
	resource: string;
	operation: string;
	parameters: IDataObject;
}

const UUID = '0581e259-9039-487c-a94e-ff8c3944f956';

/** Values the generator cannot guess, by label. Only what differs from the generated values. */
const overrides: Record<string, IDataObject> = {
	'np6Contact contact/upsert': { fields: { mappingMode: 'defineBelow', value: { Email: 'canary.upsert@example.com' } } },
	'np6Contact contact/upsertMany': { fields: { mappingMode: 'defineBelow', value: { Email: 'canary.upsertmany@example.com' } }, options: { pollInterval: 1 } },
	'np6Contact contact/update': { fields: { mappingMode: 'defineBelow', value: { City: 'Lyon' } } },
	'np6Contact valueList/create': { values: 'Red, Green' },
	'np6Contact subscription/get': { subscriptionId: UUID },
	'np6Contact subscription/delete': { subscriptionId: UUID },
	'np6Action statistics/getMessage': { messageId: UUID },
	'np6Action notification/update': { additionalFields: { name: 'Canary' } },
	'np6Scripting webtask/patch': { additionalFields: { name: 'Canary' } },
	'np6Scripting workflow/patch': { additionalFields: { name: 'Canary' } },
	'np6Setting category/update': { additionalFields: { name: 'Canary' } },
	'np6Setting application/update': { additionalFields: { name: 'Canary' } },
	...Object.fromEntries(['duplicate', 'execute', 'getFlaws', 'preview'].map((operation) => [`np6Scripting compilable/${operation}`, { compilableId: UUID }])),
};

/** Candidates for a required text value; the first one an ID locator's regex accepts is taken. */
const CANDIDATES = ['000PKXK4', '000PE4', '42', UUID, 'Europe/Paris', 'news@shop.example.com'];

/** A plausible value for a required text parameter: its placeholder's example, or one fitting its name. */
function textFor(property: INodeProperties): string {
	const name = property.name;
	const example = /^e\.g\. (\S+)$/.exec(property.placeholder ?? '')?.[1];
	if (example) return example;
	if (/^contactId$|^contacts$|^recipient$|^receiver$/.test(name)) return '000PKXK4';
	if (/hash/i.test(name)) return '0123456789abcdef0123456789abcdef';
	if (/unicity/i.test(name)) return 'canary.contact@example.com';
	if (/email/i.test(name)) return 'news@shop.example.com';
	if (/(Id|Ids)$/.test(name) || /^items$/.test(name)) return '42';
	if (/^ids$/.test(name)) return '000PKXK4';
	return `Canary ${name}`;
}

function locatorFor(property: INodeProperties): IDataObject {
	const byId = property.modes?.find((mode) => mode.name === 'id');
	const rule = byId?.validation?.find((v) => typeof v === 'object' && v.type === 'regex') as { properties?: { regex?: string } } | undefined;
	const regex = rule?.properties?.regex ? new RegExp(rule.properties.regex) : undefined;
	const value = regex ? CANDIDATES.find((candidate) => regex.test(candidate)) : '42';
	if (value === undefined) throw new Error(`no candidate ID fits ${property.name}'s pattern ${regex}`);
	return { __rl: true, mode: 'id', value };
}

function generated(property: INodeProperties): unknown {
	switch (property.type) {
		case 'resourceLocator':
			return locatorFor(property);
		case 'json':
			return property.name === 'definition' || property.name === 'arguments' ? '{}' : '[]';
		case 'dateTime':
			return new Date(Date.now() - 3_600_000).toISOString();
		case 'number':
			return 1;
		default:
			return textFor(property);
	}
}

const isEmpty = (value: unknown) =>
	value === undefined ||
	value === null ||
	value === '' ||
	(typeof value === 'object' && !Array.isArray(value) && 'value' in value && ((value as { value: unknown }).value === '' || (value as { value: unknown }).value === null));

/** The node's parameters for one operation: defaults, then generated values for empty required ones, then overrides. */
function parametersFor(description: INodeTypeDescription, base: IDataObject): IDataObject {
	const node = { typeVersion: 1 };
	const parameters: IDataObject = { ...base };
	// Filling a parameter may show another (e.g. a choice), so repeat until nothing changes.
	for (let round = 0; round < 3; round++) {
		const values = NodeHelpers.getNodeParameters(description.properties, parameters as INodeParameters, true, false, node, description) ?? {};
		let changed = false;
		for (const property of description.properties) {
			if (!property.required || property.type === 'notice' || property.name in base) continue;
			if (!NodeHelpers.displayParameter(values, property, node, description)) continue;
			if (!isEmpty(values[property.name]) && !(property.type === 'json' && String(values[property.name]).trim() === '')) continue;
			if (parameters[property.name] !== undefined) continue;
			parameters[property.name] = generated(property) as IDataObject[string];
			changed = true;
		}
		if (!changed) break;
	}
	return parameters;
}

/** Every operation of every action node, with the parameters it runs with. */
export function everyOperation(): OperationUnderTest[] {
	return actionNodes.flatMap(({ description }) => {
		const resources = (description.properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;
		return resources.flatMap(({ value: resource }) =>
			description.properties
				.filter((p) => p.name === 'operation' && ((p.displayOptions?.show?.resource as string[] | undefined) ?? []).includes(resource))
				.flatMap((p) => (p.options ?? []) as Array<{ value: string }>)
				.map(({ value: operation }) => {
					const label = `${description.name} ${resource}/${operation}`;
					const override = overrides[label] ?? {};
					return { label, type: description.name, resource, operation, parameters: { ...parametersFor(description, { resource, operation, ...override }) } };
				}),
		);
	});
}

/** Labels of the overrides, so a test can tell that none of them names an operation that no longer exists. */
export const overriddenOperations = Object.keys(overrides);
