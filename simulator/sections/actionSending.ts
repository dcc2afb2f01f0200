import { fail, noContent, ok } from '../core/replies';
import type { Handler, SectionHandlers, SimReply, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import { addressOf, renderAction, type MessageOverrides } from '../state/actionRender';
import { ActionState, channelOf, hasTemplating41, isMessageKind, type Action } from '../state/actions';
import type { Stamp } from '../state/deliveries';
import { linksOf, personalise } from '../state/templates';
import { isHeaders } from './action';
import { sendMessage, type Addressee, type SendPlan } from './messages';
import { accepts, asObject, mediaType, recipientReference } from './requestValues';

/** Sends and renders take the media type of the action's channel; the other vendor type is a 415. */
const CHANNEL_MEDIA_TYPES = { email: 'application/vnd.np6.cm.email', sms: 'application/vnd.np6.cm.sms' };
/** Older docs: with this Accept header, "Send a message" answers the conversation (message) id. */
const MESSAGE_ID = 'application/vnd.mperf.v8.message.id';

/** One message of a send or render body. */
interface MessageRequest {
	addressee: Addressee;
	overrides: MessageOverrides;
	data?: Record<string, unknown>;
	variables?: unknown[];
	attachments: string[];
	stamp?: Partial<Stamp>;
}

/**
 * Catalogue section "Email & SMS" (docSlug actionmanagement), sending half. Message kinds (mailMessage,
 * smsMessage) are sent per contact, only in state 50: any other state answers 409 with an empty body
 * (observed live in 38). SIMULATOR CHOICE: campaign kinds refuse executions (409), they follow their
 * scheduler. Each resolved recipient gets exactly one delivery (see `DeliveryLog`).
 */
export function actionSendingSection(state: Np6State): SectionHandlers {
	const { actions, contacts, fields } = state;
	const byPathId = (request: SimRequest) => actions.byId.get(request.params.id);
	const goneOrMissing = (request: SimRequest) => fail(actions.wasDeleted(request.params.id) ? 410 : 404);
	const sendable = (action: Action) => actions.isSendable(action) && isMessageKind(action.type);

	const planFor = (action: Action, message: Omit<MessageRequest, 'addressee'>): SendPlan => {
		const channel = channelOf(action.type);
		return {
			redlist: channel === 'sms' ? 'sms' : 'mail',
			origin: { actionId: action.id },
			delivery: (contact) => ({
				channel,
				actionId: action.id,
				contact,
				address: addressOf(action, contact),
				overrides: { ...message.overrides },
				data: message.data,
				variables: message.variables,
				attachments: message.attachments,
				stamp: message.stamp,
				rendered: renderAction(action, contact, fields, message.overrides, message.data),
				archive: channel === 'email' && action.settings?.archive === true,
			}),
		};
	};

	/**
	 * What sends and renders check before any recipient, in this order: the action (404, or 410 once
	 * deleted for sends), the channel's media type (415), the body (400), the action's state (409), and
	 * content overrides, which need templating 4.1 (409).
	 */
	const messagesFor = (request: SimRequest, kind: 'send' | 'render', many: boolean): { action: Action; messages: MessageRequest[] } | SimReply => {
		const sending = kind === 'send';
		const action = byPathId(request);
		if (!action) return sending ? goneOrMissing(request) : fail(404);
		if (mediaType(request) !== CHANNEL_MEDIA_TYPES[channelOf(action.type)]) return fail(415);
		const items = many ? request.body : [request.body];
		if (!Array.isArray(items) || items.length === 0) return fail(400);
		const messages = items.map((item) => parseMessage(item, sending ? 'recipient' : 'receiver'));
		if (!messages.every((m): m is MessageRequest => m !== undefined)) return fail(400);
		// A render is a preview, allowed once the action has content (state 20 and beyond).
		if (sending ? !sendable(action) : action.informations.state < ActionState.created) return fail(409);
		if (messages.some((m) => m.overrides.content) && !hasTemplating41(action)) return fail(409);
		return { action, messages };
	};

	const execute =
		(many: boolean): Handler =>
		(request) => {
			const checked = messagesFor(request, 'send', many);
			if ('status' in checked) return checked;
			const { action, messages } = checked;
			const results = messages.map((message) => sendMessage(state, message.addressee, planFor(action, message)));
			return ok(many ? state.answerOrder.shuffle(results) : results[0]);
		};

	// Never a delivery. An unknown receiver is a 404 for one render, an error entry in a batch.
	const render =
		(many: boolean): Handler =>
		(request) => {
			const checked = messagesFor(request, 'render', many);
			if ('status' in checked) return checked;
			const { action, messages } = checked;
			const results = messages.map((message) => {
				const contact = contacts.find(message.addressee.reference);
				return contact
					? renderAction(action, contact, fields, message.overrides, message.data)
					: { type: 'error', value: { type: 'recipient not found', recipient: message.addressee.sent } };
			});
			if (many) return ok(state.answerOrder.shuffle(results));
			return results[0].type === 'success' ? ok(results[0]) : fail(404);
		};

	return {
		'action.execute': execute(false),
		'action.executeMany': execute(true),
		'action.render': render(false),
		'action.renderMany': render(true),

		// `{type:"success", links}`: the links of the action's HTML, personalised for `receiver` when given.
		'action.renderLinks': (request) => {
			const action = byPathId(request);
			if (!action) return fail(404);
			const body = asObject(request.body);
			if (!body) return fail(400);
			let html = typeof action.content?.html === 'string' ? action.content.html : '';
			if (body.receiver !== undefined) {
				const reference = recipientReference(body.receiver);
				if (!reference) return fail(400);
				const contact = contacts.find(reference);
				if (!contact) return fail(404);
				html = personalise(html, fields, contact, asObject(body.data));
			}
			return ok({ type: 'success', links: linksOf(html) });
		},

		/**
		 * Older docs' single send, JSON body `{views?, data?}`: 204, or with Accept
		 * application/vnd.mperf.v8.message.id the message id as a JSON string. The contact is in the path:
		 * unknown, 404; redlisted, 409 (SIMULATOR CHOICE: there is no per-recipient answer to carry it).
		 */
		'action.sendToTarget': (request) => {
			const action = byPathId(request);
			if (!action) return goneOrMissing(request);
			const body = request.body === undefined ? {} : asObject(request.body);
			const views = body?.views === undefined ? {} : asObject(body.views);
			if (!body || !views || (body.data !== undefined && !asObject(body.data))) return fail(400);
			if (!sendable(action)) return fail(409);
			const targetId = request.params.targetId;
			const addressee = { sent: { type: 'id', value: targetId }, reference: { id: targetId } };
			const message = { overrides: viewsAsOverrides(views), data: asObject(body.data), attachments: [] };
			const result = sendMessage(state, addressee, planFor(action, message));
			if (result.type === 'error') return fail(result.value.type === 'recipient not found' ? 404 : 409);
			return accepts(request, MESSAGE_ID) ? ok(result.id) : noContent();
		},

		/**
		 * Older docs' bulk send (media type application/vnd.np6.cm.email-v4, so email actions only: an SMS
		 * action answers 415): an array of message ids, one per recipient. SIMULATOR CHOICE: null for a
		 * recipient that got no message (unknown or redlisted).
		 */
		'action.sendBulkLegacy': (request) => {
			const action = byPathId(request);
			if (!action) return goneOrMissing(request);
			if (channelOf(action.type) !== 'email') return fail(415);
			const items = request.body;
			if (!Array.isArray(items) || items.length === 0) return fail(400);
			const addressees = items.map((item) => {
				const sent = asObject(item)?.recipient;
				const reference = recipientReference(sent);
				return reference && { sent, reference };
			});
			if (!addressees.every((a): a is Addressee => a !== undefined)) return fail(400);
			if (!sendable(action)) return fail(409);
			const plan = planFor(action, { overrides: {}, attachments: [] });
			return ok(addressees.map((addressee) => {
				const result = sendMessage(state, addressee, plan);
				return result.type === 'success' ? result.id : null;
			}));
		},
	};
}

/**
 * One send or render body: the contact (`recipient` or `receiver`, catalogue model `Recipient`) and
 * optional overrides. Undefined (400) for a wrong shape: a unicity value that is not an array, a
 * string `headers.from`, attachments without a name.
 */
function parseMessage(value: unknown, recipientKey: 'recipient' | 'receiver'): MessageRequest | undefined {
	const body = asObject(value);
	const reference = recipientReference(body?.[recipientKey]);
	if (!body || !reference) return undefined;
	const { headers, subject, content, data, variables, attachments, stamp } = body;
	if (headers !== undefined && !isHeaders(headers)) return undefined;
	if (subject !== undefined && typeof subject !== 'string') return undefined;
	if ([content, data, stamp].some((part) => part !== undefined && !asObject(part))) return undefined;
	if (variables !== undefined && !Array.isArray(variables)) return undefined;
	const names = attachments === undefined ? [] : Array.isArray(attachments) ? attachments.map((a) => asObject(a)?.name) : [undefined];
	if (!names.every((name): name is string => typeof name === 'string')) return undefined;
	const { from, reply } = (headers ?? {}) as { from?: MessageOverrides['from'] | null; reply?: string | null };
	return {
		addressee: { sent: body[recipientKey], reference },
		overrides: defined({ subject, from: from ?? undefined, reply: reply ?? undefined, content: content as MessageOverrides['content'] }),
		data: data as Record<string, unknown> | undefined,
		variables,
		attachments: names,
		stamp: stamp as Partial<Stamp> | undefined,
	};
}

/** The older docs' `views` overrides in today's terms. */
function viewsAsOverrides(views: Record<string, unknown>): MessageOverrides {
	const text = (key: string) => (typeof views[key] === 'string' ? (views[key] as string) : undefined);
	const from = defined({ label: text('fromLabel'), prefix: text('fromPrefix') });
	const content = defined({ html: text('html'), text: text('text') });
	return defined({
		subject: text('subject'),
		reply: text('replyTo'),
		from: Object.keys(from).length > 0 ? from : undefined,
		content: Object.keys(content).length > 0 ? content : undefined,
	});
}

/** The object without its undefined properties. */
function defined<T extends Record<string, unknown>>(object: T): T {
	return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}
