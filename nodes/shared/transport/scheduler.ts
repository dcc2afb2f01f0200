import { sleep } from 'n8n-workflow';

import { Cancelled } from './pause';
import { readRateSignal } from './rateLimit';

/** Requests start this much slower than the advertised limit, so jitter never pushes one over it. */
const SPACING_MARGIN = 1.03;
/** NP6 documents no window; one second until a reset header says otherwise. */
const DEFAULT_WINDOW_MS = 1000;
/** Without rate-limit headers: the rate after a 429, and the requests/s added per accepted answer (about +10 %/s). */
const DECREASE = 0.9;
const INCREASE = 0.1;
/** The first wait after a 429 that names no moment in the future; doubles with each 429 of the same request. */
const FLOOR_MS = 100;
const RECENT_RESETS = 50;
/** A reset announced this much later than the last one means a new window (not clock jitter). */
const TURN_TOLERANCE_MS = 20;
const RECENT_ACCEPTED = 1000;

/** A slot would start later than the request may wait for the rate limit. */
export class WaitTooLong extends Error {
	constructor(
		readonly waitMs: number,
		readonly waitedMs: number,
	) {
		super('rate-limit wait too long');
	}
}

export interface SlotRequest {
	/** Requests of this scope under way at once, including this one. */
	maxConcurrent: number;
	/** How much longer this request may wait for the rate limit. */
	budgetMs: number;
	signal?: AbortSignal;
}

export interface Slot {
	/** How long the request waited for its turn. */
	waitedMs: number;
	sentAt: number;
	release(): void;
}

interface Waiter {
	maxConcurrent: number;
	queuedAt: number;
	deadline: number;
	signal?: AbortSignal;
	start: (slot: Slot) => void;
	refuse: (error: Error) => void;
}

/**
 * Paces every request sent with one credential to one NP6: a bounded number under way, starts spread
 * evenly at the rate NP6 advertises (X-RateLimit-Limit over the window its reset header reveals), a
 * pause when NP6 says none remain or answers 429, and without any header a rate found from 429s alone
 * (multiplicative decrease, additive increase). Requests start in the order they asked; until the
 * first answer, one at a time.
 */
export class RequestScheduler {
	readonly counts = { sent: 0, refused: 0 };
	private inFlight = 0;
	private readonly queue: Waiter[] = [];
	/** When the pending wake-up (if any) will call `pump`. */
	private wakeAt = Infinity;
	private nextStartAt = 0;
	private pausedUntil = 0;
	/** Milliseconds between request starts; 0 while no limit is known. */
	private spacingMs = 0;
	private limitAdvertised = false;
	private answered = false;
	private lastDecreaseAt = 0;
	private readonly accepted: number[] = [];
	private readonly resets: number[] = [];
	private lastResetAt?: number;
	private windowTurned = false;

	/** Waits for this request's turn: a free place among the requests under way, and its start time. */
	async acquire(request: SlotRequest): Promise<Slot> {
		if (request.signal?.aborted) throw new Cancelled();
		const queuedAt = Date.now();
		return await new Promise<Slot>((resolve, reject) => {
			const abort = () => this.drop(waiter, new Cancelled());
			const waiter: Waiter = {
				maxConcurrent: Math.max(1, request.maxConcurrent),
				queuedAt,
				deadline: queuedAt + request.budgetMs,
				signal: request.signal,
				start: (slot) => {
					request.signal?.removeEventListener('abort', abort);
					resolve(slot);
				},
				refuse: (error) => {
					request.signal?.removeEventListener('abort', abort);
					reject(error);
				},
			};
			request.signal?.addEventListener('abort', abort, { once: true });
			this.queue.push(waiter);
			this.pump();
		});
	}

	/** Learns from one answer. `refusals` counts the 429s this request has had, this one included. */
	observe(status: number, headers: Record<string, unknown>, sentAt: number, refusals = 0): void {
		const now = Date.now();
		const signal = readRateSignal(headers, now);
		this.answered = true;
		if (signal.resetMs !== undefined && signal.resetMs > 0) this.noteReset(now, signal.resetMs);
		if (signal.limit !== undefined) {
			this.limitAdvertised = true;
			this.spacingMs = (this.windowMs() / signal.limit) * SPACING_MARGIN;
		}
		if (status === 429) {
			this.counts.refused++;
			this.pauseAll(now + waitAfter429(signal, refusals));
			// One slowdown per burst: answers to requests sent before the last slowdown say nothing new.
			if (!this.limitAdvertised && sentAt >= this.lastDecreaseAt) this.slowDown(now);
		} else {
			remember(this.accepted, now, RECENT_ACCEPTED);
			if (!this.limitAdvertised && this.spacingMs > 0) this.spacingMs = 1000 / (1000 / this.spacingMs + INCREASE);
			if (signal.remaining === 0 && signal.resetMs !== undefined) {
				this.pauseAll(now + (signal.exact ? signal.resetMs : Math.min(signal.resetMs, this.spacingMs)));
			}
		}
		this.pump();
	}

	/** Requests per second this scheduler currently allows; Infinity while no limit is known. */
	get rate(): number {
		return this.spacingMs > 0 ? 1000 / this.spacingMs : Infinity;
	}

	/** Starts every waiting request whose turn has come, and sets a timer for the next one. */
	private pump(): void {
		while (this.queue.length > 0) {
			const now = Date.now();
			const startAt = Math.max(now, this.nextStartAt, this.pausedUntil);
			for (const waiter of [...this.queue]) {
				if (waiter.deadline < startAt) this.drop(waiter, new WaitTooLong(startAt - now, now - waiter.queuedAt));
			}
			const next = this.queue.find((waiter) => this.inFlight < (this.answered ? waiter.maxConcurrent : 1));
			if (!next) return;
			if (startAt > now) {
				this.wakeUpAt(startAt);
				return;
			}
			this.queue.splice(this.queue.indexOf(next), 1);
			this.inFlight++;
			this.nextStartAt = now + this.spacingMs;
			this.counts.sent++;
			let released = false;
			next.start({
				waitedMs: now - next.queuedAt,
				sentAt: now,
				release: () => {
					if (released) return;
					released = true;
					this.inFlight--;
					this.pump();
				},
			});
		}
	}

	/** One wake-up at a time; an earlier one replaces it, a later one is left to the pending one. */
	private wakeUpAt(at: number): void {
		if (this.wakeAt <= at && this.wakeAt > Date.now()) return;
		this.wakeAt = at;
		void sleep(Math.max(0, at - Date.now())).then(() => {
			if (this.wakeAt !== at) return;
			this.wakeAt = Infinity;
			this.pump();
		});
	}

	private drop(waiter: Waiter, error: Error): void {
		const index = this.queue.indexOf(waiter);
		if (index < 0) return;
		this.queue.splice(index, 1);
		waiter.refuse(error);
	}

	private pauseAll(until: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, until);
	}

	private slowDown(now: number): void {
		// What NP6 accepted in the last second is the best estimate of its limit; never slow down by more than DECREASE.
		const acceptedLastSecond = this.accepted.filter((at) => at > now - 1000).length;
		const rate =
			this.spacingMs > 0
				? Math.min(this.rate, Math.max(this.rate * DECREASE, acceptedLastSecond * SPACING_MARGIN ** -1))
				: Math.max(1, acceptedLastSecond);
		this.spacingMs = 1000 / rate;
		this.lastDecreaseAt = now;
	}

	/**
	 * The window is at least as long as any time-to-reset NP6 announced. Until a window has turned (a
	 * later reset announced), the first answers may all have come late in one window, so the estimate
	 * is not allowed below the default.
	 */
	private windowMs(): number {
		if (this.resets.length === 0) return DEFAULT_WINDOW_MS;
		const longest = Math.max(...this.resets);
		return this.windowTurned ? longest : Math.max(longest, DEFAULT_WINDOW_MS);
	}

	private noteReset(now: number, resetMs: number): void {
		const resetAt = now + resetMs;
		if (this.lastResetAt !== undefined && resetAt > this.lastResetAt + TURN_TOLERANCE_MS) this.windowTurned = true;
		this.lastResetAt = Math.max(this.lastResetAt ?? 0, resetAt);
		remember(this.resets, resetMs, RECENT_RESETS);
	}
}

/**
 * How long to wait after a 429. Never less than a floor that doubles with each 429 of the request (a
 * `Retry-After: 0` or a past reset cannot cause a busy loop). A whole-second value may be up to 1 s
 * late, so the request tries again from the earliest moment it could mean, waiting longer each time.
 */
export function waitAfter429(signal: ReturnType<typeof readRateSignal>, refusals: number): number {
	const floor = FLOOR_MS * 2 ** Math.min(Math.max(refusals - 1, 0), 6);
	const asked = signal.retryAfterMs ?? signal.resetMs;
	if (asked === undefined || asked < FLOOR_MS) return floor;
	if (signal.exact) return Math.max(asked, floor);
	return Math.min(Math.max(floor, asked - 1000), asked);
}

function remember(list: number[], value: number, keep: number): void {
	list.push(value);
	if (list.length > keep) list.shift();
}

const schedulers = new Map<string, RequestScheduler>();

/** The one scheduler of a credential (identified by a hash of its key) and base URL, in this process. */
export function schedulerFor(scope: string): RequestScheduler {
	let scheduler = schedulers.get(scope);
	if (!scheduler) {
		scheduler = new RequestScheduler();
		schedulers.set(scope, scheduler);
	}
	return scheduler;
}

/** Tests only: start from a scheduler that has learnt nothing. */
export function forgetSchedulers(): void {
	schedulers.clear();
}
