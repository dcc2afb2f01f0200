import { randomUUID } from 'node:crypto';

/** A provider that delivers the application's notifications (catalogue model NotifiableApplication). */
export type Provider =
	| { type: 'firebase'; key: string; sender: string }
	| { type: 'apns'; certificate: { type: 'p12'; value: string; password: string; expiration: string }; bundle: string }
	| { type: 'http'; url: string };

/** A route (redirection) or a channel (display behaviour) of the application. */
export interface NamedExpression {
	name: string;
	value: { type: 'literal'; value: string };
	default: boolean;
}

/** What a client writes: everything but the id and the stamp, which the server owns. */
export interface ApplicationDocument {
	/** The only discriminator value the catalogue shows. */
	type: 'native';
	name: string;
	description: string | null;
	active: boolean;
	icon: string | null;
	providers: Provider[];
	routes: NamedExpression[] | null;
	channels: NamedExpression[] | null;
}

/** A notifiable (mobile) application that push notifications and subscriptions are bound to. */
export interface Application extends ApplicationDocument {
	id: string;
	stamp: { creation: string; modification: string };
}

/** Notifiable applications, keyed by uuid. */
export class ApplicationStore {
	readonly byId = new Map<string, Application>();

	create(document: ApplicationDocument, now = new Date(), id: string = randomUUID()): Application {
		const stamp = now.toISOString();
		const application: Application = { ...document, id, stamp: { creation: stamp, modification: stamp } };
		this.byId.set(id, application);
		return application;
	}

	/** A native application with one Firebase provider, as seeds and tests need one. */
	add(name: string, id: string = randomUUID()): Application {
		return this.create(
			{ type: 'native', name, description: null, active: true, icon: null, providers: [{ type: 'firebase', key: 'server-key', sender: 'np6.push' }], routes: null, channels: null },
			new Date(),
			id,
		);
	}

	replace(application: Application, document: ApplicationDocument, now = new Date()): Application {
		Object.assign(application, document, { stamp: { ...application.stamp, modification: now.toISOString() } });
		return application;
	}
}
