/**
 * A time zone of the legacy "Common" section. SIMULATOR CONVENTION: the older docs show neither the
 * answer nor the id format (only "string"); the simulator uses IANA names as ids, whose "/" must be
 * encoded in a path, with a display name and the standard UTC offset.
 */
export interface TimeZone {
	id: string;
	name: string;
	utcOffset: string;
}

export const TIME_ZONES: readonly TimeZone[] = [
	{ id: 'America/New_York', name: '(UTC-05:00) Eastern Time (US & Canada)', utcOffset: '-05:00' },
	{ id: 'Asia/Tokyo', name: '(UTC+09:00) Osaka, Sapporo, Tokyo', utcOffset: '+09:00' },
	{ id: 'Europe/London', name: '(UTC+00:00) Dublin, Edinburgh, Lisbon, London', utcOffset: '+00:00' },
	{ id: 'Europe/Paris', name: '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris', utcOffset: '+01:00' },
	{ id: 'UTC', name: '(UTC) Coordinated Universal Time', utcOffset: '+00:00' },
];
