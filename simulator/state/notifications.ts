import { randomUUID } from 'node:crypto';

import type { Contact } from './contacts';
import type { Stamp } from './deliveries';
import type { FieldStore } from './fields';
import { Sequence } from './ids';
import type { SubscriptionStore } from './subscriptions';
import { personalise } from './templates';

/**
 * A version of a notification. Only its uuid is documented; the simulator reads its content from the
 * fields a render answers: title, body, icon, thumbnail, image, redirection.
 */
export interface NotificationVersion {
	id: string;
	/** SIMULATOR CONVENTION: the version flagged `master` is the master; without a flag, the first one. */
	master?: boolean;
	[property: string]: unknown;
}

/** What a client writes (other properties are kept as given). */
export interface NotificationDocument {
	type: 'push-app';
	name: string;
	description?: string;
	active?: boolean;
	settings?: Record<string, unknown>;
	application?: string;
	versions?: Array<Partial<NotificationVersion>>;
	[property: string]: unknown;
}

export interface Notification extends NotificationDocument {
	id: number;
	stamp: { creation: string; modification: string };
	active: boolean;
	settings: Record<string, unknown>;
	versions: NotificationVersion[];
}

/** Push notifications ("push-app"), keyed by int id. */
export class NotificationStore {
	readonly byId = new Map<number, Notification>();
	private readonly ids = new Sequence(301);

	/**
	 * Without versions, a notification gets one master version. Catalogue defaults: not urgent.
	 * SIMULATOR CHOICE: a notification is active (online) unless `active: false` is written, since the
	 * activate/deactivate operations have no known path.
	 */
	create(document: NotificationDocument, now = new Date()): Notification {
		const stamp = now.toISOString();
		return this.store(document, this.ids.take(), { creation: stamp, modification: stamp });
	}

	/** Full replacement keeping the id and creation date; without versions in the body, the versions stay. */
	replace(notification: Notification, document: NotificationDocument, now = new Date()): Notification {
		const versions = document.versions ?? notification.versions;
		return this.store({ ...document, versions }, notification.id, {
			creation: notification.stamp.creation,
			modification: now.toISOString(),
		});
	}

	delete(id: number): boolean {
		return this.byId.delete(id);
	}

	master(notification: Notification): NotificationVersion {
		return notification.versions.find((v) => v.master === true) ?? notification.versions[0];
	}

	version(notification: Notification, versionId: string): NotificationVersion | undefined {
		return notification.versions.find((v) => v.id === versionId);
	}

	private store(document: NotificationDocument, id: number, stamp: Notification['stamp']): Notification {
		const { type, name, versions, settings, active, ...rest } = document;
		const given = (versions ?? []).map((v) => ({ ...v, id: v.id ?? randomUUID() }));
		const notification: Notification = {
			type,
			id,
			name,
			...rest,
			stamp,
			active: active ?? true,
			settings: { urgent: false, ...settings },
			versions: given.length > 0 ? given : [{ id: randomUUID(), name: 'master', master: true }],
		};
		this.byId.set(id, notification);
		return notification;
	}
}

export const PUSH_TEXTS = ['title', 'body', 'icon', 'thumbnail', 'image'] as const;

/** What one execution may change in a notification's message. */
export type PushOverrides = Partial<Record<(typeof PUSH_TEXTS)[number], string>>;

/** The answer of a notification render. */
export interface NotificationRender {
	type: 'success';
	meta: { notification: number; version: string; application: string | null; subscription: string | null; stamp: Stamp };
	channel: string;
	redirection: string;
	render: Required<PushOverrides>;
}

/**
 * A render result (catalogue: `{type, meta, channel, redirection, render}`): the version's title and body
 * personalised for the contact (see `personalise`), overrides as given. `meta.subscription` is the
 * contact's subscription to the notification's application, or null.
 */
export function renderNotification(
	notification: Notification,
	version: NotificationVersion,
	contact: Contact,
	stores: { fields: FieldStore; subscriptions: SubscriptionStore },
	overrides: PushOverrides = {},
	data: Record<string, unknown> = {},
): NotificationRender {
	const text = (key: keyof PushOverrides): string => {
		const template = version[key];
		return overrides[key] ?? (typeof template === 'string' ? personalise(template, stores.fields, contact, data) : '');
	};
	const subscription = stores.subscriptions.forContact(contact.id).find((s) => s.application === notification.application);
	return {
		type: 'success',
		meta: {
			notification: notification.id,
			version: version.id,
			application: notification.application ?? null,
			subscription: subscription?.id ?? null,
			stamp: { time: Date.now(), id: randomUUID(), thread: randomUUID() },
		},
		channel: 'push',
		redirection: typeof version.redirection === 'string' ? version.redirection : '',
		render: { title: text('title'), body: text('body'), icon: text('icon'), thumbnail: text('thumbnail'), image: text('image') },
	};
}
