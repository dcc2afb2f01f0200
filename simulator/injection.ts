import { BOUNCE_VERDICTS, HIT_CLASSIFICATIONS, HIT_KINDS, type Feedback } from './state/events';

/** What a control request injects: feedback on a delivery, or a display activation. */
export type Injection =
	| { messageId: string; feedback: Feedback }
	| { display: { contentId: string; contactId: string; at?: number } };

/**
 * The body of `POST /_simulator/events`, or why it is refused:
 * - `{messageId, type, at?}` with type `bounce` (+ `verdict` hard|soft), `hit` (+ `link` open|redirection|
 *   unsubscribe|mirror|form, `url?`, `classification?` genericrobot|mpp|gsr), `complaint`, `cancellation`
 *   (+ `reason?`), `impression`, `optout`, `reply` (+ `text?`, default "STOP");
 * - `{type: "activation", contentId, contactId, at?}`: a display content shown to a contact.
 * `at` is epoch ms, now by default; it may lie in the past (late indexing), not before the delivery.
 */
export function parseInjection(body: Record<string, unknown>): Injection | string {
	const at = body.at;
	if (at !== undefined && (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0)) return 'at must be epoch ms';
	const when = at === undefined ? {} : { at };
	if (body.contentId !== undefined) {
		if (body.type !== 'activation') return 'display contents get activations only ({"type":"activation", contentId, contactId})';
		if (typeof body.contentId !== 'string' || typeof body.contactId !== 'string') return 'contentId and contactId must be strings';
		return { display: { contentId: body.contentId, contactId: body.contactId, ...when } };
	}
	if (typeof body.messageId !== 'string') return 'messageId (the id an execution answered) or contentId is required';
	const feedback = parseFeedback(body, when);
	return typeof feedback === 'string' ? feedback : { messageId: body.messageId, feedback };
}

function parseFeedback(body: Record<string, unknown>, when: { at?: number }): Feedback | string {
	const optional = (name: string): string | undefined | null => (body[name] === undefined ? undefined : typeof body[name] === 'string' ? body[name] : null);
	const oneOf = <T extends string>(name: string, values: readonly T[]): T | undefined => (values as readonly unknown[]).includes(body[name]) ? (body[name] as T) : undefined;
	switch (body.type) {
		case 'bounce': {
			const verdict = oneOf('verdict', BOUNCE_VERDICTS);
			return verdict ? { type: 'bounce', verdict, ...when } : `verdict must be one of ${BOUNCE_VERDICTS.join(', ')}`;
		}
		case 'hit': {
			const link = oneOf('link', HIT_KINDS);
			if (!link) return `link must be one of ${HIT_KINDS.join(', ')}`;
			const classification = oneOf('classification', HIT_CLASSIFICATIONS);
			if (body.classification !== undefined && !classification) return `classification must be one of ${HIT_CLASSIFICATIONS.join(', ')}`;
			const url = optional('url');
			if (url === null) return 'url must be a string';
			return { type: 'hit', link, ...(url === undefined ? {} : { url }), ...(classification ? { classification } : {}), ...when };
		}
		case 'cancellation': {
			const reason = optional('reason');
			return reason === null ? 'reason must be a string' : { type: 'cancellation', ...(reason === undefined ? {} : { reason }), ...when };
		}
		case 'reply': {
			const text = optional('text');
			return text === null ? 'text must be a string' : { type: 'reply', ...(text === undefined ? {} : { text }), ...when };
		}
		case 'complaint':
		case 'impression':
		case 'optout':
			return { type: body.type, ...when };
		default:
			return 'type must be bounce, hit, complaint, cancellation, impression, optout or reply';
	}
}
