/** NP6 writes most dates as ISO-8601 UTC to the second: "2016-04-04T08:55:00Z". */
export function isoSeconds(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A date from an ISO string or an epoch-ms number; undefined when absent or unreadable. */
export function parseDate(value: unknown): Date | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const date = new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

export function addYears(date: Date, years: number): Date {
	const later = new Date(date);
	later.setUTCFullYear(later.getUTCFullYear() + years);
	return later;
}

/** A half-open `[start, end)` window; either end may be open. */
export interface DateWindow {
	start?: Date;
	end?: Date;
}

/** Whether a time (epoch ms) falls in a window. */
export function inWindow(time: number, window: DateWindow): boolean {
	return (!window.start || time >= window.start.getTime()) && (!window.end || time < window.end.getTime());
}
