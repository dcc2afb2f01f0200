import { channelOf, type Action } from './actions';
import type { Contact } from './contacts';
import type { FieldStore } from './fields';
import { personalise } from './templates';

/** What one send or render may change in an action's message. */
export interface MessageOverrides {
	subject?: string;
	from?: { prefix?: string; domain?: string; label?: string };
	reply?: string;
	/** Replaces the action's content as is: NP6 neither personalises nor tracks it. */
	content?: { html?: string; text?: string; textContent?: string };
}

/**
 * Where an action's message goes: the contact's value of the field `settings.field` names (email
 * address, phone number). SIMULATOR CHOICE: the unicity value when that field is not set or empty.
 */
export function addressOf(action: Action, contact: Contact): string {
	const field = action.settings?.field;
	const value = field === undefined || field === null ? undefined : contact.fields[String(field)];
	return value === undefined || value === null || value === '' ? contact.unicity : String(value);
}

/**
 * The message an action makes for a contact: the catalogue's `RenderMailResult` for email; for SMS (whose
 * render shape is undocumented) `{type, recipient, text}`.
 */
export function renderAction(
	action: Action,
	contact: Contact,
	fields: FieldStore,
	overrides: MessageOverrides = {},
	data: Record<string, unknown> = {},
): Record<string, unknown> {
	const content = action.content ?? {};
	const fill = (template: unknown) => personalise(typeof template === 'string' ? template : '', fields, contact, data);
	const verbatim = overrides.content;
	const recipient = addressOf(action, contact);
	if (channelOf(action.type) === 'sms') {
		const text = verbatim ? (verbatim.textContent ?? verbatim.text ?? '') : fill(content.textContent ?? content.text);
		return { type: 'success', recipient, text };
	}
	const headers = (content.headers ?? {}) as { from?: MessageOverrides['from']; reply?: string };
	const from = { ...headers.from, ...overrides.from };
	return {
		type: 'success',
		recipient,
		sender: {
			bounce: `bounce@${from.domain ?? ''}`,
			label: from.label ?? '',
			reply: overrides.reply ?? headers.reply ?? '',
			value: `${from.prefix ?? ''}@${from.domain ?? ''}`,
		},
		subject: fill(overrides.subject ?? content.subject),
		html: verbatim ? (verbatim.html ?? '') : fill(content.html),
		text: verbatim ? (verbatim.text ?? '') : fill(content.text),
		amp: '',
		headers: {},
	};
}
