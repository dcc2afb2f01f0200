import { fail, noContent, ok } from '../core/replies';
import type { SectionHandlers, SimRequest } from '../core/types';
import type { Np6State } from '../state';
import type { ApplicationDocument, NamedExpression, Provider } from '../state/applications';
import { parseDate } from '../state/dates';
import { asObject } from './requestValues';

/**
 * Catalogue section "Mobile Application" (docSlug notifiable-application), under /parameters/applications:
 * list, get, create, and the inferred update (PUT, a full replacement) and delete.
 *
 * SIMULATOR CONVENTIONS where the catalogue marks no field required: `type` must be "native" (the only
 * value shown) and `name` a non-empty text; `id` and `stamp` in a body are ignored (the create example
 * sends them null); an absent `active` is false, absent `providers` none, absent `routes`/`channels` null.
 * Any other shape than the documented one is a 400. The list comes in no promised order (seeded shuffle).
 */
export function applicationSection(state: Np6State): SectionHandlers {
	const applications = state.applications;
	const byPath = (request: SimRequest) => applications.byId.get(request.params.uuid);

	return {
		'application.list': () => ok(state.answerOrder.shuffle([...applications.byId.values()])),
		'application.get': (request) => {
			const application = byPath(request);
			return application ? ok(application) : fail(404);
		},
		'application.create': (request) => {
			const document = parseApplication(request.body);
			return document ? ok(applications.create(document)) : fail(400);
		},
		'application.update': (request) => {
			const application = byPath(request);
			if (!application) return fail(404);
			const document = parseApplication(request.body);
			return document ? ok(applications.replace(application, document)) : fail(400);
		},
		'application.delete': (request) => (applications.byId.delete(request.params.uuid) ? noContent() : fail(404)),
	};
}

const isText = (value: unknown): value is string => typeof value === 'string';
const optionalText = (value: unknown) => value === undefined || value === null || isText(value);

function parseApplication(value: unknown): ApplicationDocument | undefined {
	const body = asObject(value);
	if (!body || body.type !== 'native' || !isText(body.name) || !body.name.trim()) return undefined;
	const { description, active, icon, providers, routes, channels } = body;
	if (!optionalText(description) || !optionalText(icon) || (active !== undefined && typeof active !== 'boolean')) return undefined;
	const parsedProviders = providers === undefined ? [] : Array.isArray(providers) ? providers.map(provider) : undefined;
	const parsedRoutes = namedExpressions(routes);
	const parsedChannels = namedExpressions(channels);
	if (!parsedProviders?.every((p) => p !== undefined) || parsedRoutes === false || parsedChannels === false) return undefined;
	return {
		type: 'native',
		name: body.name,
		description: (description as string | undefined) ?? null,
		active: active ?? false,
		icon: (icon as string | undefined) ?? null,
		providers: parsedProviders as Provider[],
		routes: parsedRoutes,
		channels: parsedChannels,
	};
}

/** firebase {key, sender} | apns {certificate {type "p12", value, password, expiration}, bundle} | http {url}. */
function provider(value: unknown): Provider | undefined {
	const entry = asObject(value);
	switch (entry?.type) {
		case 'firebase':
			return isText(entry.key) && isText(entry.sender) ? { type: 'firebase', key: entry.key, sender: entry.sender } : undefined;
		case 'apns': {
			const c = asObject(entry.certificate);
			if (c?.type !== 'p12' || !isText(c.value) || !isText(c.password) || !isText(c.expiration) || !parseDate(c.expiration) || !isText(entry.bundle)) return undefined;
			return { type: 'apns', certificate: { type: 'p12', value: c.value, password: c.password, expiration: c.expiration }, bundle: entry.bundle };
		}
		case 'http':
			return isText(entry.url) && entry.url !== '' ? { type: 'http', url: entry.url } : undefined;
		default:
			return undefined;
	}
}

/** Routes or channels: null, or a list of {name, value {type "literal", value}, default}; false when malformed. */
function namedExpressions(value: unknown): NamedExpression[] | null | false {
	if (value === undefined || value === null) return null;
	if (!Array.isArray(value)) return false;
	const parsed = value.map((item): NamedExpression | undefined => {
		const entry = asObject(item);
		const expression = asObject(entry?.value);
		if (!entry || !isText(entry.name) || expression?.type !== 'literal' || !isText(expression.value) || typeof entry.default !== 'boolean') return undefined;
		return { name: entry.name, value: { type: 'literal', value: expression.value }, default: entry.default };
	});
	return parsed.every((entry) => entry !== undefined) ? (parsed as NamedExpression[]) : false;
}
