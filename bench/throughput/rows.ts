import type { RunFigures } from './figures';

/** One line of the printed table (and, with a ratio, one bar of the chart). */
export interface Row {
	/** e.g. "b L=10 60ms": also the chart's group. */
	case: string;
	/** What ran, e.g. "NP6 Create or Update, 200 new". */
	work: string;
	/** The chart's series within the group, e.g. the reset format. */
	series: string;
	figures: RunFigures;
	/** Seconds the work should take at best (rate-limited cases), or a compared contender's seconds. */
	ideal?: number;
	ratio?: number;
	/** The ratio this row must stay under to pass; rows without one are not judged. */
	allowedRatio?: number;
	/** Written contacts, for requests per contact. */
	contacts: number;
	/** Whether the row is the NP6 node's work (judged for lost and duplicates). */
	np6: boolean;
	note?: string;
}

export const requestsPerContact = (row: Row) => row.figures.operationRequests / row.contacts;

/** Requests about contacts (/targets operations) per contact: without once-per-run lookups such as GET /fields. */
export const contactRequestsPerContact = (row: Row) =>
	Object.entries(row.figures.perOperation)
		.filter(([operation]) => operation.startsWith('target.'))
		.reduce((sum, [, count]) => sum + count, 0) / row.contacts;
