import { randomUUID } from 'node:crypto';

/** A notifiable (mobile) application that push notifications and subscriptions are bound to. */
export interface Application {
	id: string;
	name: string;
}

/** Notifiable applications, keyed by uuid. Minimal for now: notifications only need to name one. */
export class ApplicationStore {
	readonly byId = new Map<string, Application>();

	add(name: string, id: string = randomUUID()): Application {
		const application = { id, name };
		this.byId.set(id, application);
		return application;
	}
}
