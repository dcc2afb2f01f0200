import type { IDataObject } from 'n8n-workflow';

const object = (value: unknown): IDataObject | undefined =>
	value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
const isoTime = (value: unknown): string | undefined => (typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : undefined);

/**
 * One NP6 event as an output item: the event as NP6 sent it, plus the facts a user maps without
 * digging into `source.detail` (absent where the event does not carry them):
 * `eventType`, `eventId`, `occurredAt` (ISO), `channel` (email or notification), `actionId` or
 * `notificationId`, `contactId`, `contactUnicity`, `contactHash`, `address` (the email or phone
 * number sent to), `sentAt` (ISO, the send a reaction is about), `hitType` (open, redirection,
 * unsubscribe, mirror, form), `linkUrl`, `classification` (bot classification of a hit),
 * `bounceVerdict` (hard or soft) and `bounceDiagnostic`.
 */
export function eventItem(event: IDataObject): IDataObject {
	const source = object(event.source);
	const detail = object(source?.detail) ?? {};
	const about = object(detail.execution) ?? object(detail.activation);
	const contact = contactOf(about);
	const link = object(detail.link);
	const hit = object(detail.hit);
	const analysis = object(object(detail.bounce)?.analysis);
	const stamp = object(about?.stamp);
	const notification = source?.type === 'notification';
	const flat: IDataObject = {
		eventType: text(event.type),
		eventId: text(event.id),
		occurredAt: isoTime(event.timestamp),
		channel: text(source?.type),
		actionId: notification ? undefined : text(about?.id),
		notificationId: notification ? text(about?.id) : undefined,
		contactId: contact.id,
		contactUnicity: contact.unicity,
		contactHash: contact.hash,
		address: typeof about?.recipient === 'string' ? about.recipient : undefined,
		sentAt: event.type === 'activation' || event.type === 'execution' ? undefined : isoTime(stamp?.time),
		hitType: event.type === 'hit' ? text(link?.type ?? hit?.type) : undefined,
		linkUrl: text(link?.url),
		classification: text(detail.classification ?? hit?.classification),
		bounceVerdict: text(analysis?.verdict),
		bounceDiagnostic: text(object(object(detail.bounce)?.status)?.diagnostic),
	};
	for (const key of Object.keys(flat)) if (flat[key] === undefined) delete flat[key];
	return { ...event, ...flat };
}

/** The contact an execution or activation names: a footprint, `{type:"id", value}`, or `{type:"contact", value}` (push). */
function contactOf(about: IDataObject | undefined): { id?: string; unicity?: string; hash?: string } {
	const named = object(about?.recipient) ?? object(about?.receiver);
	if (!named) return {};
	if (named.type === 'id') return { id: text(named.value) };
	const footprint = named.type === 'contact' ? (object(named.value) ?? {}) : named;
	const unicity = footprint.unicity;
	return { id: text(footprint.id), unicity: Array.isArray(unicity) ? unicity.map(String).join(',') : text(unicity), hash: text(footprint.hash) };
}
