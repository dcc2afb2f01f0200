export type FaultKind =
	/** Answer with `status` (and `headers`), empty body: 429 bursts, 5xx. */
	| 'status'
	/** Hold the answer for `delayMs` before answering normally: longer than a client timeout. */
	| 'delay'
	/** Destroy the connection without an answer. */
	| 'reset'
	/** Answer 200 with a truncated JSON body. */
	| 'malformed'
	/** After NP6 acted: answer its array body without its last entry (a batch answered for fewer recipients). */
	| 'partial'
	/** Answer `status` (200 when absent) with `body` as JSON: valid JSON of a type the operation does not answer. */
	| 'body';

export interface FaultRule {
	kind: FaultKind;
	/** Catalogue operation key, e.g. "target.create". */
	operation?: string;
	method?: string;
	/** Matches the request path (a string matches exactly). */
	path?: string | RegExp;
	status?: number;
	headers?: Record<string, string>;
	/** What a `body` fault answers, e.g. `[]` where NP6 answers one object, or a bare string. */
	body?: unknown;
	delayMs?: number;
	/** How many matching requests the fault hits; unlimited when absent. */
	times?: number;
	/** Probability of hitting a matching request (deterministic PRNG); 1 when absent. */
	rate?: number;
	/**
	 * `before` (default): the request is refused before NP6 does anything.
	 * `after`: NP6 carries the request out, then the answer is lost — the ambiguous case.
	 */
	phase?: 'before' | 'after';
}

export interface FaultTarget {
	operation?: string;
	method: string;
	path: string;
}

/** Chooses which requests are hit by injected faults. Deterministic for a given seed. */
export class FaultInjector {
	private rules: FaultRule[] = [];
	private randomState: number;

	constructor(seed = 42) {
		this.randomState = seed;
	}

	add(rule: FaultRule): void {
		this.rules.push({ ...rule });
	}

	clear(): void {
		this.rules = [];
	}

	pick(target: FaultTarget, phase: 'before' | 'after'): FaultRule | undefined {
		for (const rule of this.rules) {
			if ((rule.phase ?? 'before') !== phase || !matches(rule, target)) continue;
			if (rule.times !== undefined && rule.times <= 0) continue;
			if (rule.rate !== undefined && this.random() >= rule.rate) continue;
			if (rule.times !== undefined) rule.times--;
			return rule;
		}
		return undefined;
	}

	/** mulberry32 */
	private random(): number {
		let t = (this.randomState = (this.randomState + 0x6d2b79f5) | 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
	if (rule.operation && rule.operation !== target.operation) return false;
	if (rule.method && rule.method !== target.method) return false;
	if (typeof rule.path === 'string' && rule.path !== target.path) return false;
	if (rule.path instanceof RegExp && !rule.path.test(target.path)) return false;
	return true;
}
