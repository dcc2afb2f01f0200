/** The scheduler's learning, fed answers directly (no network): what rate it allows after each. */
import { RequestScheduler } from '../../nodes/shared/transport/scheduler';

const headers = (limit: number, resetInMs: number, remaining = 1) => ({
	'X-RateLimit-Limit': String(limit),
	'X-RateLimit-Remaining': String(remaining),
	'X-RateLimit-Reset': String(Date.now() + resetInMs),
});

test('first answers late in a window do not shrink the window below 1 s before a window has turned', () => {
	const scheduler = new RequestScheduler();
	scheduler.observe(200, headers(3, 200), Date.now());
	scheduler.observe(200, headers(3, 150), Date.now());
	expect(scheduler.rate).toBeLessThanOrEqual(3);
});

test('once a window has turned, a short window is believed: 100 ms windows of 3 allow about 30 per second', () => {
	const scheduler = new RequestScheduler();
	scheduler.observe(200, headers(3, 40), Date.now());
	scheduler.observe(200, headers(3, 100), Date.now());
	expect(scheduler.rate).toBeGreaterThan(25);
	expect(scheduler.rate).toBeLessThanOrEqual(30);
});

test('without headers: the first 429 sets the rate to what NP6 accepted in the last second, later ones slow it by 10 %', () => {
	const scheduler = new RequestScheduler();
	const sentAt = Date.now();
	for (let i = 0; i < 12; i++) scheduler.observe(200, {}, sentAt);
	expect(scheduler.rate).toBe(Infinity);
	scheduler.observe(429, {}, sentAt, 1);
	expect(scheduler.rate).toBe(12);
	scheduler.observe(429, {}, Date.now() + 1, 1);
	expect(scheduler.rate).toBeCloseTo(Math.max(12 * 0.9, 12 / 1.03), 5);
});

test('until the first answer, one request at a time', async () => {
	const scheduler = new RequestScheduler();
	const first = await scheduler.acquire({ maxConcurrent: 8, budgetMs: 10_000 });
	let second = false;
	const pending = scheduler.acquire({ maxConcurrent: 8, budgetMs: 10_000 }).then((slot) => {
		second = true;
		return slot;
	});
	await new Promise((resolve) => setImmediate(resolve));
	expect(second).toBe(false);
	scheduler.observe(200, {}, first.sentAt);
	first.release();
	(await pending).release();
	expect(second).toBe(true);
});
