import type { CatalogueOperation } from '../catalogue';
import type { Handler, Query, SectionHandlers } from './types';

interface Route {
	operation: CatalogueOperation;
	method: string;
	pattern: RegExp;
	paramNames: string[];
	staticSegments: number;
	requiredQuery: string[];
	handler: Handler;
}

export interface RouteMatch {
	operation: CatalogueOperation;
	params: Record<string, string>;
	handler: Handler;
	/** Set when the path and method name this operation but a query key it requires is missing (400). */
	missingQuery?: string[];
}

/**
 * Routes requests to catalogue operations. Method, path and the distinguishing query keys come from
 * the catalogue itself; sections only supply behaviour.
 */
export class Router {
	private readonly routes: Route[] = [];

	constructor(operations: CatalogueOperation[], sections: SectionHandlers[]) {
		const handlers = Object.assign({}, ...sections) as SectionHandlers;
		for (const [key, handler] of Object.entries(handlers)) {
			const operation = operations.find((o) => o.key === key);
			if (!operation?.method || !operation.path) {
				throw new Error(`Simulator handler "${key}" names no routable catalogue operation`);
			}
			const paramNames: string[] = [];
			const source = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
				paramNames.push(name);
				return '([^/]+)';
			});
			this.routes.push({
				operation,
				method: operation.method,
				pattern: new RegExp(`^${source}$`),
				paramNames,
				staticSegments: operation.path.split('/').filter((s) => s && !s.startsWith('{')).length,
				requiredQuery: operation.queryParams.filter((q) => q.required).map((q) => q.name),
				handler,
			});
		}
		// Most specific first: literal segments beat parameters, required query keys beat none.
		this.routes.sort(
			(a, b) =>
				b.staticSegments - a.staticSegments || b.requiredQuery.length - a.requiredQuery.length,
		);
	}

	get implementedOperations(): string[] {
		return this.routes.map((r) => r.operation.key);
	}

	/**
	 * `undefined` when no route has this path; `null` when the path exists for other methods. A route whose
	 * path and method match but whose required query keys are missing is answered with `missingQuery`,
	 * unless a route with as many literal segments matches in full (`?unicity=` vs `?hash=` on one path):
	 * `/targets/events` without `?id=` is that operation called wrong, not a contact whose id is "events".
	 */
	match(method: string, path: string, query: Query): RouteMatch | null | undefined {
		let pathKnown = false;
		let incomplete: { route: Route; params: Record<string, string> } | undefined;
		for (const route of this.routes) {
			const found = route.pattern.exec(path);
			if (!found) continue;
			pathKnown = true;
			if (route.method !== method) continue;
			const params: Record<string, string> = {};
			route.paramNames.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1])));
			if (!route.requiredQuery.every((name) => query[name] !== undefined)) {
				incomplete ??= { route, params };
				continue;
			}
			if (incomplete && incomplete.route.staticSegments > route.staticSegments) break;
			return { operation: route.operation, params, handler: route.handler };
		}
		if (incomplete) {
			const { route, params } = incomplete;
			return { operation: route.operation, params, handler: route.handler, missingQuery: route.requiredQuery.filter((name) => query[name] === undefined) };
		}
		return pathKnown ? null : undefined;
	}
}
