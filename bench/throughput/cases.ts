import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator';
import type { RateLimitConfig, ResetFormat } from '../../simulator/core/rateLimiter';
import { httpRequestNode, np6CreateOrUpdate, np6ReSync, undiciLoop, type Contender } from './contenders';
import { figuresOf, type RunFigures } from './figures';
import { people, storeContacts, type Person } from './people';
import type { Row } from './rows';

/** BENCH_SCALE=0.25 runs a quarter of every workload, for a quick look. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1) || 1;
const scaled = (count: number) => Math.max(1, Math.round(count * SCALE));

const RESET_FORMATS: ResetFormat[] = ['epochMs', 'epochSeconds', 'delaySeconds', 'retryAfter', 'none'];
/** Runs of the no-limit case per contender; the median is reported. */
const NO_LIMIT_REPEATS = 3;

interface Measured {
	figures: RunFigures;
	contacts: number;
}

/**
 * Runs `contender` over `written` on a fresh simulator: `prepare` stores existing contacts, then
 * the rate limit (if any) is set right before the run, so its windows and `change.afterMs` start
 * with the work.
 */
async function measure(
	contender: Contender,
	written: Person[],
	options: { simulator?: SimulatorOptions; rateLimit?: RateLimitConfig; prepare?: (simulator: Simulator) => void } = {},
): Promise<Measured> {
	// No limiter until the case sets its own: the no-limit case must not see the default limiter's headers.
	const simulator = await startSimulator({ seed: 'fields', rateLimit: false, ...options.simulator });
	try {
		options.prepare?.(simulator);
		const contactsBefore = simulator.state.contacts.byId.size;
		const newContacts = written.filter((person) => !simulator.state.contacts.find({ unicity: person.email })).length;
		simulator.server.log.clear();
		if (options.rateLimit) simulator.server.setRateLimit(options.rateLimit);
		const outcome = await contender(simulator, written);
		return { figures: figuresOf(simulator, written, outcome, contactsBefore, newContacts), contacts: written.length };
	} finally {
		await simulator.close();
	}
}

/** a. 1,000 new contacts, no limit, loopback: NP6 node vs HTTP Request node vs an undici loop. */
export async function noLimit(log: (line: string) => void): Promise<Row[]> {
	const count = scaled(1000);
	const contenders: Array<{ key: string; work: string; run: Contender }> = [
		{ key: 'np6', work: `NP6 Create or Update, ${count} new`, run: np6CreateOrUpdate },
		{ key: 'http', work: `HTTP Request node, ${count} POSTs`, run: httpRequestNode },
		{ key: 'undici', work: `undici 8 workers, ${count} POSTs`, run: undiciLoop(8) },
	];
	for (const contender of contenders) await measure(contender.run, people(50, `warmup-${contender.key}`));

	const runs = new Map<string, Measured[]>(contenders.map((c) => [c.key, []]));
	for (let round = 0; round < NO_LIMIT_REPEATS; round++) {
		// Rotate the order so no contender always runs first (or last) in a round.
		for (let i = 0; i < contenders.length; i++) {
			const contender = contenders[(round + i) % contenders.length];
			runs.get(contender.key)!.push(await measure(contender.run, people(count, `a${round}-${contender.key}`)));
		}
	}
	const median = (key: string) => {
		const sorted = [...runs.get(key)!].sort((x, y) => x.figures.seconds - y.figures.seconds);
		return sorted[Math.floor(sorted.length / 2)];
	};
	const [np6, http, undici] = contenders.map((c) => median(c.key));
	log(`a. no limit: ${contenders.map((c) => `${c.key} ${runs.get(c.key)!.map((m) => m.figures.seconds.toFixed(2)).join('/')} s`).join(', ')}`);
	const base = { case: 'a no limit', contacts: count };
	const rows: Row[] = [
		{ ...base, work: contenders[1].work, series: 'HTTP Request node', figures: http.figures, np6: false },
		{ ...base, work: contenders[2].work, series: 'undici', figures: undici.figures, np6: false },
		{
			...base,
			work: contenders[0].work,
			series: 'NP6 / HTTP Request node',
			figures: np6.figures,
			ideal: http.figures.seconds,
			ratio: np6.figures.seconds / http.figures.seconds,
			allowedRatio: 1.5,
			np6: true,
			note: `ideal = HTTP Request node; median of ${NO_LIMIT_REPEATS}`,
		},
		{
			...base,
			work: '  same, compared with undici',
			series: 'NP6 / undici',
			figures: np6.figures,
			ideal: undici.figures.seconds,
			ratio: np6.figures.seconds / undici.figures.seconds,
			np6: false,
			note: 'ideal = undici loop',
		},
	];
	log(progress(rows[2]));
	return rows;
}

/** b. New contacts through NP6 Create or Update under a fixed limit, per latency and reset format. */
export async function rateLimited(log: (line: string) => void): Promise<Row[]> {
	const rows: Row[] = [];
	for (const { limit, perLimit } of [
		{ limit: 10, perLimit: 20 },
		{ limit: 50, perLimit: 8 },
	]) {
		const count = scaled(perLimit * limit);
		for (const latencyMs of [0, 60]) {
			for (const resetFormat of RESET_FORMATS) {
				const label = `b L=${limit} ${latencyMs}ms`;
				const { figures } = await measure(np6CreateOrUpdate, people(count, `b${limit}-${latencyMs}-${resetFormat}`), {
					simulator: { latencyMs },
					rateLimit: { limit, resetFormat },
				});
				const ideal = figures.requests / limit;
				const row: Row = {
					case: label,
					work: `NP6 C/U, ${count} new, reset ${resetFormat}`,
					series: resetFormat,
					figures,
					ideal,
					ratio: figures.seconds / ideal,
					allowedRatio: resetFormat === 'none' ? 1.25 : 1.1,
					contacts: count,
					np6: true,
					note: `minimum ${(count / limit).toFixed(1)} s`,
				};
				log(progress(row));
				rows.push(row);
			}
		}
	}
	return rows;
}

/** c. 20 req/s dropping to 5 req/s after 5 s. */
export async function limitDrop(log: (line: string) => void): Promise<Row> {
	const count = scaled(200);
	const before = { limit: 20, seconds: 5 };
	const after = 5;
	const { figures } = await measure(np6CreateOrUpdate, people(count, 'c'), {
		rateLimit: { limit: before.limit, change: { limit: after, afterMs: before.seconds * 1000 } },
	});
	const firstPhase = Math.min(figures.requests, before.limit * before.seconds);
	const ideal = firstPhase / before.limit + (figures.requests - firstPhase) / after;
	const row: Row = {
		case: 'c limit drop',
		work: `NP6 C/U, ${count} new, 20→5 req/s at 5 s`,
		series: 'limit drop',
		figures,
		ideal,
		ratio: figures.seconds / ideal,
		allowedRatio: 1.25,
		contacts: count,
		np6: true,
	};
	log(progress(row));
	return row;
}

/** d. Existing contacts re-synced with a changed City, no limit. */
export async function existingContacts(log: (line: string) => void): Promise<Row> {
	const count = scaled(600);
	const existing = people(count, 'resync');
	const moved = existing.map((person) => ({ ...person, city: 'Strasbourg' }));
	const { figures } = await measure(np6ReSync, moved, { prepare: (simulator) => storeContacts(simulator, existing) });
	const row: Row = {
		case: 'd existing',
		work: `NP6 C/U, ${count} existing, City changed`,
		series: 'existing',
		figures,
		contacts: count,
		np6: true,
	};
	log(progress(row));
	return row;
}

function progress(row: Row): string {
	const { seconds, refused429, lost, duplicates } = row.figures;
	const ratio = row.ratio === undefined ? '' : `, ${row.ratio.toFixed(2)}× ideal ${row.ideal!.toFixed(1)} s`;
	const operations = Object.entries(row.figures.perOperation).map(([operation, count]) => `${operation} ${count}`);
	return `${row.case} ${row.work}: ${seconds.toFixed(1)} s${ratio}, ${refused429} × 429, ${lost} lost, ${duplicates} duplicates (${operations.join(', ')})`;
}
