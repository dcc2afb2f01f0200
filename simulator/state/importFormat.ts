/** The fieldId of a bind that leaves its column out. */
export const IGNORED_COLUMN = -10;

/** An import binding ("import format"): how the columns of a file map onto contact fields. */
export interface ImportFormat {
	identifier: { guid: number };
	name: string;
	/** ASCII code of the column separator (59 = ';'). */
	separator: number;
	/** How many lines of the file to skip before the data: 0 for none, 1 for a header line. */
	startAt: number;
	/** 0-based columns. */
	binds: Array<{ columnIndex: number; fieldId: number }>;
	savedImportFormat: boolean;
}

/** One of segmentation, redList, duplicate, report, database, normalization, with its own options. */
export type ImportFeature = { type: string } & Record<string, unknown>;
