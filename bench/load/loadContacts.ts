/**
 * The contacts of the load benchmark, derived from their index so that the benchmark (which builds
 * the CSV and the send items) and the simulator process (which seeds and checks) agree without
 * passing 20,000 rows between them.
 */
const CITIES = ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Lille', 'Bordeaux', 'Strasbourg'];

export interface LoadContact {
	Email: string;
	FirstName: string;
	City: string;
	/** A numeric field: the import checks every cell of a number column before it uploads. */
	LoyaltyPoints: string;
}

export const CSV_COLUMNS: Array<keyof LoadContact> = ['Email', 'FirstName', 'City', 'LoyaltyPoints'];

export function loadContact(prefix: string, index: number): LoadContact {
	return {
		Email: `${prefix}.${index}@example.com`,
		FirstName: `Person ${index}`,
		City: CITIES[index % CITIES.length],
		LoyaltyPoints: String((index * 37) % 5000),
	};
}

/** The CSV file of `count` contacts, semicolon-separated with a header line, as one string. */
export function contactsCsv(prefix: string, count: number): string {
	const lines = [CSV_COLUMNS.join(';')];
	for (let i = 0; i < count; i++) {
		const contact = loadContact(prefix, i);
		lines.push(CSV_COLUMNS.map((column) => contact[column]).join(';'));
	}
	return `${lines.join('\n')}\n`;
}
