import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { ID_PATTERNS } from '../../../shared/operations/parameters';
import { toList } from '../../../shared/operations/parameterSpec';

/** Per-message overrides of a send; what is not given comes from the action. */
export const messageOverridesProperty: INodeProperties = {
	displayName: 'Message Overrides',
	name: 'overrides',
	type: 'collection',
	placeholder: 'Add Override',
	default: {},
	description: 'Replace parts of the message for these recipients. Overriding the content sends it verbatim (no personalisation, no tracking) and needs templating version 4.1.',
	options: [
		{ displayName: 'Attachments (Binary Fields)', name: 'attachments', type: 'string', default: '', placeholder: 'data, invoice', description: 'Input binary fields to attach, comma-separated' },
		{ displayName: 'Data (JSON)', name: 'data', type: 'json', default: '{}', description: 'Data made available to the template' },
		{ displayName: 'HTML Content', name: 'html', type: 'string', typeOptions: { rows: 4 }, default: '' },
		{ displayName: 'Important', name: 'important', type: 'boolean', default: false, description: 'Whether to flag the message as important' },
		{ displayName: 'Reply-To', name: 'replyTo', type: 'string', default: '', placeholder: 'support@shop.example.com' },
		{ displayName: 'Sender Email', name: 'senderEmail', type: 'string', default: '', placeholder: 'orders@shop.example.com', description: 'Sent to NP6 as prefix and domain' },
		{ displayName: 'Sender Name', name: 'senderLabel', type: 'string', default: '', placeholder: 'Example Shop' },
		{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
		{ displayName: 'Text Content', name: 'text', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'Plain text version, or the SMS text' },
		{ displayName: 'Urgent', name: 'urgent', type: 'boolean', default: false, description: 'Whether NP6 sends the message ahead of others' },
		{ displayName: 'Variables (JSON)', name: 'variables', type: 'json', default: '{}', description: 'Template variables' },
	],
};

interface Overrides {
	attachments?: string;
	data?: string | IDataObject;
	html?: string;
	important?: boolean;
	replyTo?: string;
	senderEmail?: string;
	senderLabel?: string;
	subject?: string;
	text?: string;
	urgent?: boolean;
	variables?: string | IDataObject;
}

/** The overrides of one item in NP6's message shape, checked before anything is sent. */
export async function readMessageOverrides(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const o = this.getNodeParameter('overrides', itemIndex, {}) as Overrides;
	const invalid = (name: string, expected: string) =>
		new NodeOperationError(this.getNode(), `The override "${name}" is not ${expected}`, { itemIndex });
	const message: IDataObject = {};
	if (o.senderEmail || o.senderLabel) {
		const from: IDataObject = {};
		if (o.senderEmail) {
			if (!ID_PATTERNS.email.test.test(o.senderEmail.trim())) throw invalid('Sender Email', 'an email address');
			const [prefix, domain] = o.senderEmail.trim().split('@');
			Object.assign(from, { prefix, domain });
		}
		if (o.senderLabel) from.label = o.senderLabel;
		message.headers = { from };
	}
	if (o.replyTo) {
		if (!ID_PATTERNS.email.test.test(o.replyTo.trim())) throw invalid('Reply-To', 'an email address');
		message.headers = { ...(message.headers as IDataObject), reply: o.replyTo.trim() };
	}
	if (o.subject) message.subject = o.subject;
	if (o.html || o.text) message.content = { ...(o.html ? { html: o.html } : {}), ...(o.text ? { text: o.text } : {}) };
	for (const key of ['data', 'variables'] as const) {
		const value = o[key];
		if (value === undefined || value === '' || value === '{}') continue;
		try {
			message[key] = typeof value === 'string' ? (JSON.parse(value) as IDataObject) : value;
		} catch {
			throw invalid(key === 'data' ? 'Data (JSON)' : 'Variables (JSON)', 'valid JSON');
		}
	}
	if (o.urgent) message.urgent = true;
	if (o.important) message.important = true;
	if (o.attachments) {
		message.attachments = await Promise.all(
			toList(o.attachments).map(async (field) => {
				const binary = this.helpers.assertBinaryData(itemIndex, field);
				const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, field);
				return { name: binary.fileName ?? field, mime: binary.mimeType, data: bytes.toString('base64') };
			}),
		);
	}
	return message;
}
