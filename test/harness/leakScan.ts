/**
 * Where a secret (e.g. a canary API key) occurs in a value: every string reachable from it, through
 * nested objects, arrays, Maps, Sets, Buffers, an error's non-enumerable `message`, `stack` and `cause`,
 * and base64 text (binary data in items), plus the value's JSON form (a `toJSON` may add text).
 */
export function leaksOf(value: unknown, secret: string): string[] {
	const found: string[] = [];
	const seen = new Set<object>();
	const visit = (current: unknown, path: string): void => {
		if (typeof current === 'string') {
			if (carries(current, secret)) found.push(path);
			return;
		}
		if (current === null || (typeof current !== 'object' && typeof current !== 'function')) {
			if (current !== undefined && carries(String(current), secret)) found.push(path);
			return;
		}
		if (typeof current === 'function' || seen.has(current)) return;
		seen.add(current);
		if (Buffer.isBuffer(current) || current instanceof Uint8Array) {
			if (carries(Buffer.from(current).toString('utf8'), secret)) found.push(path);
			return;
		}
		if (current instanceof Map) {
			for (const [key, entry] of current) {
				visit(key, `${path}<key>`);
				visit(entry, `${path}.get(${String(key)})`);
			}
			return;
		}
		if (current instanceof Set) {
			for (const entry of current) visit(entry, `${path}<entry>`);
			return;
		}
		// Own names include an error's non-enumerable message, stack and cause.
		for (const name of Object.getOwnPropertyNames(current)) {
			if (carries(name, secret)) found.push(`${path}<name ${name}>`);
			let entry: unknown;
			try {
				entry = (current as Record<string, unknown>)[name];
			} catch {
				continue;
			}
			visit(entry, `${path}.${name}`);
		}
	};
	visit(value, '$');
	let json: string | undefined;
	try {
		json = JSON.stringify(value);
	} catch {
		// Circular: the walk above has seen every part.
	}
	if (json !== undefined && carries(json, secret) && found.length === 0) found.push('$<JSON>');
	return found;
}

const BASE64 = /^[A-Za-z0-9+/]{16,}={0,2}$/;

function carries(text: string, secret: string): boolean {
	if (text.includes(secret)) return true;
	return BASE64.test(text) && Buffer.from(text, 'base64').toString('utf8').includes(secret);
}
