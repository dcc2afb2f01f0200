/**
 * Bad input catalogue (issue 13): for each node, parameter values a workflow can really produce
 * (expressions, mapped fields, files) that NP6 cannot take. Each is refused with a NodeOperationError
 * naming the parameter (its display name, read from the node's description) and the item, and sends
 * nothing: alone, the bad item makes no request at all; after two good items (which reach the seeded
 * NP6 and succeed, unless the operation checks every item before its first request), the error names the
 * third item.
 *
 * The bad value comes from the item (`{{ $json.value }}`), as in a workflow that maps data: n8n's static
 * check would refuse an empty literal before the node ran, an expression reaches the node's own checks.
 */
import { randomUUID } from 'node:crypto';

import { NodeHelpers, type IDataObject, type INodeExecutionData, type INodeParameters, type INodeType } from 'n8n-workflow';

import { Np6Trigger } from '../../nodes/Np6Trigger/Np6Trigger.node';
import { SEEDED_APPLICATION_ID } from '../../simulator/seed';
import { fileItem, pollTrigger, runNode } from '../harness/engine';
import { actionNodes } from '../harness/everyOperation';
import { useSimulator } from '../harness/simulator';

const VALUE = '={{ $json.value }}';
/** What the good items name that the seed lacks, created before the cases run; every item carries it as `$json.seeded`. */
interface Seeded {
	contacts: string[];
	hashes: string[];
	subscriptions: string[];
	compilables: string[];
	campaign: string;
	messages: string[];
	/** Static segments of one contact each, to delete with their contacts. */
	segments: number[];
	binding: number;
	/** Imports (definitions) to upload files to. */
	imports: number[];
}
const SEEDED = (name: keyof Seeded, index?: number) => `={{ $json.seeded.${name}${index === undefined ? '' : `[${index}]`} }}`;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const LOCATOR = byId(VALUE);

interface BadInput {
	node: string;
	/** What is wrong, as the test title says it. */
	problem: string;
	/** The node's parameters; the item's `value` fills those set to VALUE. */
	parameters: IDataObject;
	/** The parameter the error must name, by name; `collection.option` for an option. */
	parameter: string;
	/** When the error names what the user mapped rather than a node parameter (a field of "Fields"). */
	namedAs?: string;
	/** Values that work (one per good item, taken from the seeded account where they name something), and the bad one. */
	good: [unknown, unknown] | ((seeded: Seeded) => [unknown, unknown]);
	bad: unknown;
	/** Items other than `{ value }`, e.g. files. */
	item?: (value: unknown) => INodeExecutionData;
	/**
	 * Catalogue operations the node may read before it can judge the value, and why; nothing else is
	 * sent. Empty for almost every case.
	 */
	readsFirst?: { operations: string[]; why: string };
}

const FIELDS_FIRST = { operations: ['field.list', 'valueList.list'], why: "a mapped value is checked against the account's own fields and value lists" };
const upsert = (value: IDataObject) => ({ resource: 'contact', operation: 'upsert', fields: { mappingMode: 'defineBelow', value } });
const customRange = (from: string, to: string) => ({ dateRange: 'custom', from, to });
const NOT_CSV = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xb7, 0xac]); // a zip (.xlsx)

const catalogue: BadInput[] = [
	// NP6 Contact
	{ node: 'np6Contact', problem: 'a contact ID in lower case', parameters: { resource: 'contact', operation: 'get', findBy: 'id', contactId: VALUE }, parameter: 'contactId', good: (s) => [s.contacts[0], s.contacts[1]], bad: '000pkxk4' },
	{ node: 'np6Contact', problem: 'a unicity value of spaces', parameters: { resource: 'contact', operation: 'get', findBy: 'unicity', unicity: VALUE }, parameter: 'unicity', good: ['catalogue.0@example.com', 'catalogue.1@example.com'], bad: '   ' },
	{ node: 'np6Contact', problem: 'a hash that is not 32 hexadecimal characters', parameters: { resource: 'contact', operation: 'get', findBy: 'hash', hash: VALUE }, parameter: 'hash', good: (s) => [s.hashes[0], s.hashes[1]], bad: 'abc123' },
	{ node: 'np6Contact', problem: 'an empty contact ID', parameters: { resource: 'contact', operation: 'getSegments', contactId: VALUE }, parameter: 'contactId', good: (s) => [s.contacts[0], s.contacts[1]], bad: '' },
	{ node: 'np6Contact', problem: 'an invalid ID among the contact IDs', parameters: { resource: 'contact', operation: 'deleteMany', deleteBy: 'id', ids: VALUE }, parameter: 'ids', good: (s) => [s.contacts[2], `${s.contacts[3]}, ${s.contacts[4]}`], bad: '000PKXK7, not an id' },
	{ node: 'np6Contact', problem: 'a segment ID that is not a number', parameters: { resource: 'contact', operation: 'addToSegment', contactId: SEEDED('contacts', 0), segment: LOCATOR }, parameter: 'segment', good: ['41', '42'], bad: 'Newsletter' },
	{ node: 'np6Contact', problem: 'a medium not among the options', parameters: { resource: 'contact', operation: 'getRedlisted', medium: VALUE }, parameter: 'medium', good: ['mail', 'sms'], bad: 'fax' },
	{ node: 'np6Contact', problem: 'deleting a whole segment without its confirmation (conflicting options)', parameters: { resource: 'contact', operation: 'deleteMany', deleteBy: 'segment', segment: byId('={{ $json.seeded.segments[$itemIndex % 2] }}'), confirmSegmentDeletion: VALUE }, parameter: 'confirmSegmentDeletion', good: [true, true], bad: false },
	{ node: 'np6Contact', problem: 'a value not in the value list of a list field', parameters: upsert({ Email: 'list.value@example.com', Language: VALUE }), parameter: 'fields', namedAs: 'Language', good: ['French', 'german'], bad: 'Klingon', readsFirst: FIELDS_FIRST },
	{ node: 'np6Contact', problem: 'a date field value that does not parse', parameters: upsert({ Email: 'date.value@example.com', BirthDate: VALUE }), parameter: 'fields', namedAs: 'BirthDate', good: ['1990-04-01', '2001-12-31T10:00:00Z'], bad: '31/31/1990', readsFirst: FIELDS_FIRST },
	{ node: 'np6Contact', problem: 'text for a numeric field', parameters: upsert({ Email: 'number.value@example.com', LoyaltyPoints: VALUE }), parameter: 'fields', namedAs: 'LoyaltyPoints', good: [10, '25'], bad: 'lots', readsFirst: FIELDS_FIRST },
	{ node: 'np6Contact', problem: 'text for a numeric field, in a bulk import', parameters: { ...upsert({ Email: '={{ "bulk." + $itemIndex + "@example.com" }}', LoyaltyPoints: VALUE }), operation: 'upsertMany', options: { pollInterval: 1 } }, parameter: 'fields', namedAs: 'LoyaltyPoints', good: [10, '25'], bad: 'lots', readsFirst: FIELDS_FIRST },
	{ node: 'np6Contact', problem: 'an empty field name', parameters: { resource: 'field', operation: 'create', name: VALUE, type: 'textField' }, parameter: 'name', good: ['Nickname', 'Hobby'], bad: '' },
	{ node: 'np6Contact', problem: 'a field ID that is not a number', parameters: { resource: 'field', operation: 'get', field: LOCATOR }, parameter: 'field', good: ['728', '729'], bad: 'Email' },
	{ node: 'np6Contact', problem: 'a value list without values', parameters: { resource: 'valueList', operation: 'create', name: '={{ "Sizes " + $itemIndex }}', values: VALUE }, parameter: 'values', good: ['S, M', 'L, XL'], bad: ' , ' },
	{ node: 'np6Contact', problem: 'an empty segment name', parameters: { resource: 'segment', operation: 'create', type: 'static', name: VALUE }, parameter: 'name', good: ['VIP', 'Churned'], bad: '  ' },
	{ node: 'np6Contact', problem: 'a contact ID to add that is not one', parameters: { resource: 'segment', operation: 'addContacts', segment: byId('41'), identifyBy: 'id', contacts: VALUE, combineItems: false }, parameter: 'contacts', good: (s) => [s.contacts[0], s.contacts[1]], bad: 'someone' },
	{ node: 'np6Contact', problem: 'malformed JSON for the binds', parameters: { resource: 'import', operation: 'createBinding', name: '={{ "Binding " + $itemIndex }}', separator: 59, startAt: 1, binds: VALUE }, parameter: 'binds', good: ['[{ "columnIndex": 0, "fieldId": 728 }]', '[{ "columnIndex": 1, "fieldId": 728 }]'], bad: '[{ "columnIndex": 0, ' },
	{ node: 'np6Contact', problem: 'column bindings given as one object, not an array', parameters: { resource: 'import', operation: 'createBinding', name: '={{ "Object binding " + $itemIndex }}', separator: 59, startAt: 1, binds: VALUE }, parameter: 'binds', good: ['[{ "columnIndex": 0, "fieldId": 728 }]', '[{ "columnIndex": 1, "fieldId": 728 }]'], bad: '{ "columnIndex": 0, "fieldId": 728 }' },
	{ node: 'np6Contact', problem: 'an import definition that is an array, not an object', parameters: { resource: 'import', operation: 'create', definition: VALUE }, parameter: 'definition', good: (s) => ['A', 'B'].map((name) => JSON.stringify({ name: `Import ${name}`, binding: s.binding, features: [{ type: 'database', updateExisting: true, crushData: false }] })) as [string, string], bad: '[{ "name": "Import C" }]' },
	{ node: 'np6Contact', problem: 'a binding ID that is not a whole number', parameters: { resource: 'import', operation: 'getBinding', bindingId: VALUE }, parameter: 'bindingId', good: (s) => [s.binding, String(s.binding)], bad: '4.5' },
	{
		node: 'np6Contact',
		problem: 'a file that is not CSV',
		parameters: { resource: 'import', operation: 'importFromFile', binaryPropertyName: 'data', options: { pollInterval: 1 } },
		parameter: 'binaryPropertyName',
		good: ['Email;City\nfile.one@example.com;Lyon\n', 'Email;City\nfile.two@example.com;Paris\n'],
		bad: NOT_CSV,
		item: (value) => (Buffer.isBuffer(value) ? { json: {}, binary: { data: { data: value.toString('base64'), mimeType: 'application/octet-stream', fileName: 'contacts.xlsx' } } } : fileItem(String(value))),
	},
	{
		node: 'np6Contact',
		problem: 'a PDF to upload',
		parameters: { resource: 'import', operation: 'uploadFile', import: byId('={{ $json.seeded.imports[$itemIndex % 2] }}'), binaryPropertyName: 'data' },
		parameter: 'binaryPropertyName',
		good: ['Email\nupload.one@example.com\n', 'Email\nupload.two@example.com\n'],
		bad: '%PDF-1.7\nnot contacts\n',
		item: (value) => fileItem(String(value), String(value).startsWith('%PDF') ? 'contacts.pdf' : 'contacts.csv', String(value).startsWith('%PDF') ? 'application/pdf' : 'text/csv'),
	},
	{ node: 'np6Contact', problem: 'a poll interval of 0 seconds', parameters: { resource: 'import', operation: 'importFromFile', binaryPropertyName: 'data', options: { pollInterval: VALUE } }, parameter: 'options.pollInterval', good: [1, '1'], bad: 0, item: (value) => ({ ...fileItem('Email\ninterval@example.com\n'), json: { value } as IDataObject }) },
	{ node: 'np6Contact', problem: 'a Limit of 0 (out of range)', parameters: { resource: 'field', operation: 'getAll', returnAll: false, limit: VALUE }, parameter: 'limit', good: [1, '5'], bad: 0 },
	{ node: 'np6Contact', problem: 'a Limit that is a fraction', parameters: { resource: 'contact', operation: 'getSegments', contactId: SEEDED('contacts', 0), returnAll: false, limit: VALUE }, parameter: 'limit', good: [1, 10], bad: 2.5 },
	{ node: 'np6Contact', problem: 'a subscription ID that is not a UUID', parameters: { resource: 'subscription', operation: 'get', subscriptionId: VALUE }, parameter: 'subscriptionId', good: (s) => [s.subscriptions[0], s.subscriptions[1]], bad: '0581e259' },

	// NP6 Action
	{ node: 'np6Action', problem: 'an action ID of the wrong form', parameters: { resource: 'action', operation: 'get', action: LOCATOR }, parameter: 'action', good: ['000A01', '000A02'], bad: '000a01' },
	{ node: 'np6Action', problem: 'a sender email that is not an address', parameters: { resource: 'action', operation: 'create', type: 'mailMessage', name: '={{ "Promo " + $itemIndex }}', senderEmail: VALUE, senderLabel: 'Shop', subject: 'Hello' }, parameter: 'senderEmail', good: ['news@shop.example.com', 'deals@shop.example.com'], bad: 'news-at-shop' },
	{ node: 'np6Action', problem: 'an empty recipient', parameters: { resource: 'action', operation: 'render', action: byId('000A01'), recipientBy: 'id', recipient: VALUE }, parameter: 'recipient', good: (s) => [s.contacts[0], s.contacts[1]], bad: '' },
	{ node: 'np6Action', problem: 'a list to export not among the options', parameters: { resource: 'action', operation: 'export', action: byId('000A01'), list: VALUE }, parameter: 'list', good: ['recipients', 'recipients'], bad: '../segments' },
	{ node: 'np6Action', problem: 'malformed JSON for the legacy targets', parameters: { resource: 'action', operation: 'sendBulkLegacy', action: byId('000A01'), targets: VALUE }, parameter: 'targets', good: (s) => [0, 1].map((i) => JSON.stringify([{ recipient: { type: 'id', value: s.contacts[i] } }])) as [string, string], bad: '[{ recipient: 000PKXK4 }]' },
	{ node: 'np6Action', problem: 'legacy targets given as one object, not an array', parameters: { resource: 'action', operation: 'sendBulkLegacy', action: byId('000A01'), targets: VALUE }, parameter: 'targets', good: (s) => [0, 1].map((i) => JSON.stringify([{ recipient: { type: 'id', value: s.contacts[i] } }])) as [string, string], bad: '{ "recipient": { "type": "id", "value": "000PKXK4" } }' },
	{ node: 'np6Action', problem: 'a notification ID that is not a number', parameters: { resource: 'notification', operation: 'get', notification: LOCATOR }, parameter: 'notification', good: ['301', '301'], bad: 'Flash sale' },
	{ node: 'np6Action', problem: 'a message ID that is not a UUID', parameters: { resource: 'statistics', operation: 'getMessage', messageId: VALUE }, parameter: 'messageId', good: (s) => [s.messages[0], s.messages[1]], bad: 'message-1' },
	{ node: 'np6Action', problem: 'a contact ID of the wrong form for the archive', parameters: { resource: 'archive', operation: 'getForContact', action: byId('000A01'), contactId: VALUE }, parameter: 'contactId', good: (s) => [s.contacts[0], s.contacts[1]], bad: '12345' },

	// NP6 Event
	{ node: 'np6Event', problem: 'a From date that does not parse', parameters: { resource: 'emailEvent', operation: 'getAll', ...customRange(VALUE, '') }, parameter: 'from', good: ['2026-11-01T00:00:00Z', '2026-11-02'], bad: 'last tuesday' },
	{ node: 'np6Event', problem: 'a To date before From (conflicting options)', parameters: { resource: 'notificationReactivity', operation: 'getAll', ...customRange('2026-11-10T00:00:00Z', VALUE) }, parameter: 'to', good: ['2026-11-11T00:00:00Z', '2026-11-12T00:00:00Z'], bad: '2026-11-09T00:00:00Z' },
	{ node: 'np6Event', problem: 'a negative Limit', parameters: { resource: 'emailEvent', operation: 'getAll', returnAll: false, limit: VALUE }, parameter: 'limit', good: [1, 3], bad: -1 },
	{ node: 'np6Event', problem: 'a contact hash of the wrong length', parameters: { resource: 'contactEvent', operation: 'getAll', findBy: 'hash', hash: VALUE }, parameter: 'hash', good: (s) => [s.hashes[0], s.hashes[1]], bad: '0123456789abcdef' },
	{ node: 'np6Event', problem: 'an action ID of the wrong form for one action', parameters: { resource: 'emailReactivity', operation: 'getAll', scope: 'one', action: LOCATOR }, parameter: 'action', good: ['000A01', '000A03'], bad: 'A01' },
	{ node: 'np6Event', problem: 'a campaign ID that is not a UUID', parameters: { resource: 'campaignEvent', operation: 'getAll', campaignId: VALUE, items: '000A01' }, parameter: 'campaignId', good: (s) => [s.campaign, s.campaign], bad: 'spring-campaign' },
	{ node: 'np6Event', problem: 'an empty display content ID', parameters: { resource: 'displayEvent', operation: 'getAll', scope: 'one', contentId: VALUE }, parameter: 'contentId', good: ['catalogue-content-a', 'catalogue-content-b'], bad: ' ' },

	// NP6 Scripting
	{ node: 'np6Scripting', problem: 'malformed JSON arguments', parameters: { resource: 'compilable', operation: 'execute', compilableId: SEEDED('compilables', 0), arguments: VALUE }, parameter: 'arguments', good: ['{}', '{ "a": 1 }'], bad: '{ "a": }' },
	{ node: 'np6Scripting', problem: 'a compilable ID that is not a UUID', parameters: { resource: 'compilable', operation: 'getFlaws', compilableId: VALUE }, parameter: 'compilableId', good: (s) => [s.compilables[0], s.compilables[1]], bad: '42' },
	{ node: 'np6Scripting', problem: 'nodes given as a JSON object, not an array', parameters: { resource: 'workflow', operation: 'replaceNodes', workflow: byId('701'), nodes: VALUE }, parameter: 'nodes', good: ['[]', '[]'], bad: '{ "nodes": [] }' },
	{ node: 'np6Scripting', problem: 'a webtask ID that is not a whole number', parameters: { resource: 'webtask', operation: 'patch', webtaskId: VALUE, additionalFields: { description: 'Patched' } }, parameter: 'webtaskId', good: ['501', 501], bad: 'webtask-501' },
	{ node: 'np6Scripting', problem: 'an execution receiver that is not a contact ID', parameters: { resource: 'workflow', operation: 'execute', workflow: byId('701'), define: 'fields', receiver: VALUE, combineItems: false }, parameter: 'receiver', good: (s) => [s.contacts[0], s.contacts[1]], bad: 'someone@example.com' },

	// NP6 Setting
	{ node: 'np6Setting', problem: 'an empty category name', parameters: { resource: 'category', operation: 'create', name: VALUE }, parameter: 'name', good: ['Seasonal', 'Alerts'], bad: '' },
	{ node: 'np6Setting', problem: 'a group ID that is not a number', parameters: { resource: 'group', operation: 'get', group: LOCATOR }, parameter: 'group', good: ['501', '502'], bad: 'Administrators' },
	{ node: 'np6Setting', problem: 'a time zone ID of spaces', parameters: { resource: 'timeZone', operation: 'get', timeZone: LOCATOR }, parameter: 'timeZone', good: ['Europe/Paris', 'Asia/Tokyo'], bad: '   ' },
	{ node: 'np6Setting', problem: 'an application type not among the options', parameters: { resource: 'application', operation: 'create', type: VALUE, name: '={{ "App " + $itemIndex }}' }, parameter: 'type', good: ['native', 'native'], bad: 'desktop' },

	// NP6 Campaign
	{ node: 'np6Campaign', problem: 'an empty campaign name', parameters: { resource: 'campaign', operation: 'create', name: VALUE }, parameter: 'name', good: ['Spring', 'Summer'], bad: '' },
	{ node: 'np6Campaign', problem: 'a campaign ID that is not a UUID', parameters: { resource: 'campaign', operation: 'getEvents', campaignId: VALUE, items: '000A01' }, parameter: 'campaignId', good: (s) => [s.campaign, s.campaign], bad: '0581e259-9039' },
	{ node: 'np6Campaign', problem: 'a From date that does not parse', parameters: { resource: 'campaign', operation: 'getEvents', campaignId: SEEDED('campaign'), items: '000A01', ...customRange(VALUE, '') }, parameter: 'from', good: ['2026-11-01', '2026-11-02'], bad: '2026-13-45' },
];

/** The trigger polls without items: its bad input is refused before the poll's first request. */
interface BadTriggerInput {
	problem: string;
	parameters: IDataObject;
	parameter: string;
}

const triggerCatalogue: BadTriggerInput[] = [
	{ problem: 'an action ID of the wrong form', parameters: { feed: 'opened', scope: 'one', action: byId('000a01') }, parameter: 'action' },
	{ problem: 'an empty notification ID', parameters: { feed: 'pushTapped', scope: 'one', notification: byId('={{ "" }}') }, parameter: 'notification' },
	{ problem: 'a Catch-Up Window of 0 hours (out of range)', parameters: { feed: 'bounced', pollOptions: { maxWindowHours: '={{ 0 }}' } }, parameter: 'pollOptions.maxWindowHours' },
	{ problem: 'a negative Lag (out of range)', parameters: { feed: 'clicked', pollOptions: { lagSeconds: '={{ -60 }}' } }, parameter: 'pollOptions.lagSeconds' },
	{ problem: 'a Look Back that is not a number', parameters: { feed: 'sent', pollOptions: { lookBackHours: '={{ "a day" }}' } }, parameter: 'pollOptions.lookBackHours' },
];

const simulator = useSimulator();
const log = () => simulator().server.log;
const nodeTypes = new Map<string, INodeType>([...actionNodes, new Np6Trigger()].map((node) => [node.description.name, node]));

/** The display name of a parameter as the node shows it for these parameters (an option's, inside its collection). */
function displayNameOf(type: string, parameters: IDataObject, path: string): string {
	const description = nodeTypes.get(type)!.description;
	const values = NodeHelpers.getNodeParameters(description.properties, parameters as INodeParameters, true, false, { typeVersion: 1 }, description) ?? {};
	const [name, option] = path.split('.');
	const property = description.properties.find((p) => p.name === name && NodeHelpers.displayParameter(values, p, { typeVersion: 1 }, description));
	if (!property) throw new Error(`${type} shows no parameter ${name} for ${JSON.stringify(parameters)}`);
	if (!option) return property.displayName;
	const member = (property.options as Array<{ name: string; displayName?: string }> | undefined)?.find((o) => o.name === option);
	if (!member?.displayName) throw new Error(`${type} ${name} has no option ${option}`);
	return member.displayName;
}

const seeded = {} as Seeded;
const itemOf = (entry: BadInput, value: unknown): INodeExecutionData => {
	const item = entry.item?.(value) ?? { json: { value } as IDataObject };
	return { ...item, json: { ...item.json, seeded: seeded as unknown as IDataObject } };
};
const goodValues = (entry: BadInput) => (typeof entry.good === 'function' ? entry.good(seeded) : entry.good);

/** Contacts (with a subscription and a delivery each), compilables, a campaign, display contents and a binding. */
beforeAll(async () => {
	const { state } = simulator();
	const email = String(state.fields.byName('Email')!.id);
	const contacts = Array.from({ length: 7 }, (_, i) => {
		const written = state.contacts.create({ [email]: `catalogue.${i}@example.com` });
		if (!written.ok) throw new Error('contact not created');
		return written.contact;
	});
	Object.assign(seeded, {
		contacts: contacts.map((c) => c.id),
		hashes: contacts.map((c) => c.hash),
		subscriptions: contacts.slice(0, 2).map((contact) => state.subscriptions.upsert({ id: randomUUID(), application: SEEDED_APPLICATION_ID, provider: { type: 'firebase', token: `token-${contact.id}` }, contactId: contact.id }).id),
		compilables: ['First', 'Second'].map((name) => state.compilables.create({ name, value: { type: 'template', source: 'Hello' } }).id),
		campaign: state.campaigns.create({ name: 'Catalogue campaign', actionIds: ['000A01'] }).id,
		messages: contacts.slice(0, 2).map((contact) => state.deliveries.record({ channel: 'email', actionId: '000A01', contact, address: `catalogue.${contact.id}@example.com`, rendered: {} }).messageId),
	});
	seeded.segments = contacts.slice(5).map((contact) => {
		const segment = state.segments.create({ type: 'static', name: `Catalogue ${contact.id}` })!;
		state.segments.add(segment, contact.id);
		return segment.id;
	});
	for (const id of ['catalogue-content-a', 'catalogue-content-b']) state.display.addContent({ id, name: 'Banner', campaign: 'catalogue-display' });
	const binding = await runNode(simulator(), { type: 'np6Contact', parameters: { resource: 'import', operation: 'createBinding', name: 'Catalogue binding', separator: 59, startAt: 1, binds: '[{ "columnIndex": 0, "fieldId": 728 }]' } });
	seeded.binding = Number(((binding.items[0]?.json.identifier ?? {}) as IDataObject).guid ?? binding.items[0]?.json.id);
	if (!Number.isInteger(seeded.binding)) throw new Error(`no binding created: ${JSON.stringify(binding.items[0]?.json ?? binding.error)}`);
	seeded.imports = [];
	for (const name of ['Upload A', 'Upload B']) {
		const definition = JSON.stringify({ name, binding: seeded.binding, features: [{ type: 'database', updateExisting: true, crushData: false }] });
		const created = await runNode(simulator(), { type: 'np6Contact', parameters: { resource: 'import', operation: 'create', definition } });
		seeded.imports.push(Number(created.items[0]?.json.id));
	}
	if (!seeded.imports.every(Number.isInteger)) throw new Error('no import created');
});
const operationOf = (entry: BadInput) => `${entry.parameters.resource}/${entry.parameters.operation}`;

interface NodeError {
	name?: string;
	message: string;
	description?: string | null;
	context?: { itemIndex?: number };
}

beforeEach(() => {
	log().clear();
	simulator().server.faults.clear();
});

/** Operations whose good items sent nothing either: every item was checked before the first request. */
const checkedBeforeAnyRequest: string[] = [];

afterAll(() => {
	const perNode = [...nodeTypes.keys()].map((type) => `${type} ${type === 'np6Trigger' ? triggerCatalogue.length : catalogue.filter((c) => c.node === type).length}`);
	const readingFirst = catalogue.filter((c) => c.readsFirst).map((c) => `${c.node} ${operationOf(c)}: ${c.problem} (${c.readsFirst!.operations.join(', ')}: ${c.readsFirst!.why})`);
	console.log(
		[
			`bad input catalogue: ${catalogue.length + triggerCatalogue.length} cases (${perNode.join(', ')})`,
			`reading metadata first: ${readingFirst.join('; ')}`,
			`whole run refused before any request: ${[...new Set(checkedBeforeAnyRequest)].join(', ') || 'none'}`,
		].join('\n'),
	);
});

test('the catalogue has at least 40 cases and covers all 7 nodes', () => {
	expect(catalogue.length + triggerCatalogue.length).toBeGreaterThanOrEqual(40);
	expect(new Set([...catalogue.map((c) => c.node), 'np6Trigger'])).toEqual(new Set(nodeTypes.keys()));
	expect(triggerCatalogue.length).toBeGreaterThan(0);
});

describe.each(catalogue.map((entry) => [`${entry.node} ${operationOf(entry)}: ${entry.problem}`, entry] as const))('%s', (_, entry) => {
	const named = () => entry.namedAs ?? displayNameOf(entry.node, entry.parameters, entry.parameter);

	test('alone: a NodeOperationError naming the parameter and item 1, and no request', async () => {
		const result = await runNode(simulator(), { type: entry.node, parameters: entry.parameters }, [itemOf(entry, entry.bad)]);
		const error = result.error as NodeError | undefined;
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(`"${named()}"`);
		expect(error?.context?.itemIndex).toBe(0);
		const allowed = new Set(entry.readsFirst?.operations ?? []);
		expect(log().entries.filter((request) => !allowed.has(request.operation ?? '')).map((request) => `${request.method} ${request.path}`)).toEqual([]);
	});

	test('after two good items: the error names the third item', async () => {
		const items = [...goodValues(entry), entry.bad].map((value) => itemOf(entry, value));
		const result = await runNode(simulator(), { type: entry.node, parameters: entry.parameters }, items);
		const error = result.error as NodeError | undefined;
		expect([error?.name, error?.message]).toEqual(['NodeOperationError', expect.stringContaining(`"${named()}"`)]);
		expect(error?.context?.itemIndex).toBe(2);
		if (log().entries.length === 0) checkedBeforeAnyRequest.push(`${entry.node} ${operationOf(entry)}`);
	});
});

describe.each(triggerCatalogue.map((entry) => [`np6Trigger: ${entry.problem}`, entry] as const))('%s', (_, entry) => {
	test.each(['manual', 'trigger'] as const)('poll (%s): a NodeOperationError naming the parameter, and no request', async (mode) => {
		const parameters = { ...entry.parameters, pollOptions: { lookBackHours: 1, ...(entry.parameters.pollOptions as IDataObject | undefined) } };
		const poll = pollTrigger(simulator(), { type: 'np6Trigger', parameters }, {}, mode);
		await expect(poll).rejects.toMatchObject({ name: 'NodeOperationError', message: expect.stringContaining(`"${displayNameOf('np6Trigger', entry.parameters, entry.parameter)}"`) });
		expect(log().entries).toEqual([]);
	});
});
