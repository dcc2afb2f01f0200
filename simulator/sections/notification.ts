import { fail, noContent, ok } from '../core/replies';
import type { Handler, SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import type { Stamp } from '../state/deliveries';
import { PUSH_TEXTS, renderNotification, type Notification, type NotificationDocument, type NotificationVersion, type PushOverrides } from '../state/notifications';
import { sendMessage, type Addressee } from './messages';
import { asObject, notificationContact, pathInteger, queryUnicity, queryValue, type ContactReference } from './requestValues';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One message of an execution body. */
interface PushRequest {
	addressee: Addressee;
	overrides: PushOverrides;
	/** Other overrides, kept in the delivery: redirection, channel, urgent. */
	extra: Record<string, unknown>;
	data?: Record<string, unknown>;
	variables?: unknown[];
	stamp?: Partial<Stamp>;
}

/**
 * Catalogue section "Notification" (docSlug notificationmanagement): push notifications, their render
 * (master or a given version, for a contact named in the body, by id in the path, or by ?unicity= or
 * ?hash= on a shared path) and executions. The test, duplicate, activate and deactivate operations have
 * no known path and are left out.
 *
 * SIMULATOR CHOICES (responses undocumented): executions answer like action executions, one
 * `{type:"success", id, recipient}` or `{type:"error", value:{type:"recipient not found", recipient}}` per
 * recipient; a contact need not be subscribed to be sent a push; an inactive notification refuses
 * executions (409).
 */
export function notificationSection(state: Np6State): SectionHandlers {
	const { notifications, contacts } = state;
	const byPathId = (request: SimRequest) => {
		const id = pathInteger(request, 'id');
		return id === undefined ? undefined : notifications.byId.get(id);
	};

	const render =
		(version: 'master' | 'path', contactOf: (request: SimRequest) => ContactReference | undefined): Handler =>
		(request) => {
			const notification = byPathId(request);
			if (!notification) return fail(404);
			const rendered = version === 'master' ? notifications.master(notification) : notifications.version(notification, request.params.version);
			if (!rendered) return fail(404);
			const reference = contactOf(request);
			if (!reference) return fail(400);
			const contact = contacts.find(reference);
			return contact ? ok(renderNotification(notification, rendered, contact, state)) : fail(404);
		};
	const inBody = (request: SimRequest) => notificationContact(asObject(request.body)?.receiver);
	const inPath = (request: SimRequest) => ({ id: request.params.contact });
	const byUnicity = (request: SimRequest) => ({ unicity: queryUnicity(request) });
	const byHash = (request: SimRequest) => ({ hash: queryValue(request, 'hash') });

	const send = (notification: Notification, version: NotificationVersion, push: PushRequest) =>
		sendMessage(state, push.addressee, {
			origin: { notificationId: notification.id },
			delivery: (contact) => {
				const rendered = renderNotification(notification, version, contact, state, push.overrides, push.data);
				return {
					channel: 'push',
					notificationId: notification.id,
					versionId: version.id,
					contact,
					address: contact.unicity,
					overrides: { ...push.overrides, ...push.extra },
					data: push.data,
					variables: push.variables,
					stamp: push.stamp,
					rendered: { redirection: rendered.redirection, ...rendered.render },
				};
			},
		});

	const execute =
		(many: boolean): Handler =>
		(request) => {
			const notification = byPathId(request);
			if (!notification) return fail(404);
			const items = many ? request.body : [request.body];
			if (!Array.isArray(items) || items.length === 0) return fail(400);
			const pushes = items.map(parsePush);
			if (!pushes.every((p): p is PushRequest => p !== undefined)) return fail(400);
			if (!notification.active) return fail(409);
			const master = notifications.master(notification);
			const results = pushes.map((push) => send(notification, master, push));
			return ok(many ? state.answerOrder.shuffle(results) : results[0]);
		};

	return {
		'notification.list': () => ok([...notifications.byId.values()]),

		'notification.create': (request) => {
			const document = parseNotification(state, request.body);
			return typeof document === 'number' ? fail(document) : ok(notifications.create(document));
		},

		'notification.get': (request) => {
			const notification = byPathId(request);
			return notification ? ok(notification) : fail(404);
		},

		'notification.update': (request) => {
			const notification = byPathId(request);
			if (!notification) return fail(404);
			const document = parseNotification(state, request.body);
			return typeof document === 'number' ? fail(document) : ok(notifications.replace(notification, document));
		},

		'notification.delete': (request) => {
			const notification = byPathId(request);
			if (!notification) return fail(404);
			notifications.delete(notification.id);
			return noContent();
		},

		'notification.renderMaster': render('master', inBody),
		'notification.renderMasterForContactId': render('master', inPath),
		'notification.renderMasterForContactUnicity': render('master', byUnicity),
		'notification.renderMasterForContactHash': render('master', byHash),
		'notification.renderVersion': render('path', inBody),
		'notification.renderVersionForContactId': render('path', inPath),
		'notification.renderVersionForContactUnicity': render('path', byUnicity),
		'notification.renderVersionForContactHash': render('path', byHash),

		'notification.execute': execute(false),
		'notification.executeMany': execute(true),
	};
}

/**
 * A notification body: `type` "push-app" (the only documented kind), a `name`; the server fills id and
 * stamp. 400 for a wrong shape, 404 for an `application` the account does not have.
 */
function parseNotification(state: Np6State, value: unknown): NotificationDocument | 400 | 404 {
	const body = asObject(value);
	if (!body || body.type !== 'push-app' || typeof body.name !== 'string' || !body.name.trim()) return 400;
	const { active, settings, application, versions } = body;
	if (active !== undefined && typeof active !== 'boolean') return 400;
	if (settings !== undefined && !asObject(settings)) return 400;
	if (versions !== undefined && !(Array.isArray(versions) && versions.every(isVersion))) return 400;
	if (application !== undefined && (typeof application !== 'string' || !UUID.test(application))) return 400;
	if (application !== undefined && !state.applications.byId.has(application)) return 404;
	const { id: _id, stamp: _stamp, ...document } = body;
	return document as NotificationDocument;
}

function isVersion(value: unknown): boolean {
	const version = asObject(value);
	return version !== undefined && (version.id === undefined || (typeof version.id === 'string' && UUID.test(version.id)));
}

/**
 * One execution: `recipient` `{type:"contact", value:{id?, unicity?, hash?}}` and optional overrides
 * (title, body, icon, thumbnail, image; redirection and channel objects; data, variables, stamp, urgent).
 */
function parsePush(value: unknown): PushRequest | undefined {
	const body = asObject(value);
	const reference = notificationContact(body?.recipient);
	if (!body || !reference) return undefined;
	const overrides: PushOverrides = {};
	for (const key of PUSH_TEXTS) {
		if (body[key] === undefined) continue;
		if (typeof body[key] !== 'string') return undefined;
		overrides[key] = body[key];
	}
	const { redirection, channel, urgent, data, variables, stamp } = body;
	if ([redirection, channel, data, stamp].some((part) => part !== undefined && !asObject(part))) return undefined;
	if ((variables !== undefined && !Array.isArray(variables)) || (urgent !== undefined && typeof urgent !== 'boolean')) return undefined;
	const extra = Object.fromEntries(Object.entries({ redirection, channel, urgent }).filter(([, v]) => v !== undefined));
	return {
		addressee: { sent: body.recipient, reference },
		overrides,
		extra,
		data: data as Record<string, unknown> | undefined,
		variables,
		stamp: stamp as Partial<Stamp> | undefined,
	};
}
