/** One column of a bench's plain-text table: its title, width and how a row fills it. */
export interface Column<Row> {
	title: string;
	width: number;
	cell: (row: Row) => string;
	/** Text columns align left; figures align right. */
	left?: boolean;
}

/** A fixed-width table, as the benches print their figures. `ruleExtra` lengthens the rule under the header. */
export function textTable<Row>(columns: Array<Column<Row>>, rows: Row[], ruleExtra = 0): string {
	const line = (cells: string[]) =>
		cells
			.map((cell, i) => (columns[i].left ? cell.padEnd(columns[i].width) : cell.padStart(columns[i].width)))
			.join('  ')
			.trimEnd();
	const header = line(columns.map((c) => c.title));
	return [header, '-'.repeat(header.length + ruleExtra), ...rows.map((row) => line(columns.map((c) => c.cell(row))))].join('\n');
}
