import { fail, ok } from '../core/replies';
import type { SectionHandlers } from '../core/types';
import type { Np6State } from '../state';
import { channelOf } from '../state/actions';
import { isoSeconds } from '../state/dates';
import { bounceVerdictOf, eventSubject, hitKindOf, type Np6Event } from '../state/events';

/** Older docs' bounce types: 4 soft, 52 hard (user), 6 reported as spam. */
const BOUNCE_TYPES = { soft: 4, hard: 52, complaint: 6 };
/** How the older conversation model names the events of one message. */
const CONVERSATION_EVENTS: Partial<Record<string, string>> = {
	execution: 'requested',
	activation: 'received',
	bounce: 'bounced',
	cancellation: 'canceled',
};

/**
 * Legacy catalogue sections "Statistics" and "Conversations" (older public docs only): aggregates of
 * what the delivery log and the event store hold.
 */
export function statisticsSection(state: Np6State): SectionHandlers {
	const { actions, deliveries, events, fields } = state;
	const date = (event: Np6Event) => isoSeconds(new Date(event.timestamp));
	const unique = (list: Np6Event[]) => new Set(list.map((e) => eventSubject(e).contactId)).size;

	return {
		/**
		 * The older docs' counters. Sent: deliveries; rejected: redlisted recipients; opens and clicks: `hit`
		 * events of kind open and redirection; unsubscribes: hits of kind unsubscribe (counted as form
		 * unsubscribes); bounces by verdict; complaints. What the simulator cannot know stays 0.
		 */
		'statistics.getForAction': (request) => {
			const action = actions.byId.get(request.params.id);
			if (!action) return fail(404);
			const feedback = events.query({ actionId: action.id });
			const hits = (kind: string) => feedback.filter((e) => e.type === 'hit' && hitKindOf(e) === kind);
			const bounces = (verdict: string) => feedback.filter((e) => e.type === 'bounce' && bounceVerdictOf(e) === verdict).length;
			const [opens, clicks, unsubscribes] = [hits('open'), hits('redirection'), hits('unsubscribe')];
			const complaints = feedback.filter((e) => e.type === 'complaint').length;
			const rejected = deliveries.rejections.filter((r) => r.actionId === action.id).length;
			return ok({
				type: channelOf(action.type) === 'sms' ? 'sms' : 'mail',
				dispatch: {
					sent: deliveries.forAction(action.id).length,
					rejected: { total: rejected, redlist: rejected, bounces: 0, blacklist: 0, marketingPressure: 0, emptyAddress: 0, exclusions: 0 },
				},
				feedback: {
					reactive: { total: opens.length + clicks.length, unique: unique([...opens, ...clicks]) },
					opening: { total: opens.length, opener: { total: unique(opens) } },
					click: { total: clicks.length, clicker: { total: unique(clicks), effective: unique(clicks) } },
					roi: { revenue: 0, commands: 0, products: 0 },
					social: { facebook: { shares: 0 } },
					bounce: { soft: bounces('soft'), hard: bounces('hard'), spam: 0 },
					redlist: {
						unsubscribe: { total: unsubscribes.length, form: unsubscribes.length, list: 0 },
						complaint: { total: complaints, aol: 0, comcast: 0, hotmail: 0, spamcopauto: 0, sspam: 0, yahoo: 0 },
					},
				},
			});
		},

		// Contacts with bounces, each with its bounces: hard ones as "hardUser", soft ones as "soft".
		'statistics.listBouncedTargets': () => {
			const byContact = new Map<string, unknown[]>();
			for (const event of events.query({ types: ['bounce'], sourceType: 'email' })) {
				const { contactId, actionId } = eventSubject(event);
				if (!contactId) continue;
				const addressField = actions.byId.get(actionId ?? '')?.settings?.field ?? fields.unicityFields()[0]?.id;
				const status = (event.source.detail.bounce as { status?: { diagnostic?: string } } | undefined)?.status;
				const bounce = {
					type: bounceVerdictOf(event) === 'hard' ? 'hardUser' : 'soft',
					fieldId: addressField,
					detail: { message: status?.diagnostic ?? '' },
					timestamp: date(event),
				};
				byContact.set(contactId, [...(byContact.get(contactId) ?? []), bounce]);
			}
			return ok([...byContact].map(([id, bounces]) => ({ id, bounces })));
		},

		// The action's bounces and spam reports (bounceType 6).
		'statistics.listActionBounces': (request) => {
			const action = actions.byId.get(request.params.id);
			if (!action) return fail(404);
			const feedback = events.query({ actionId: action.id, types: ['bounce', 'complaint'] });
			return ok(
				feedback.map((event) => ({
					target: eventSubject(event).contactId,
					timestamp: date(event),
					bounceType: event.type === 'complaint' ? BOUNCE_TYPES.complaint : BOUNCE_TYPES[bounceVerdictOf(event) === 'hard' ? 'hard' : 'soft'],
				})),
			);
		},

		// A sent message (the id an execution answered) and its delivery events.
		'conversation.get': (request) => {
			const delivery = deliveries.get(request.params.id);
			if (!delivery) return fail(404);
			const conversation = events.query({ messageId: delivery.messageId }).flatMap((event) => {
				const type = CONVERSATION_EVENTS[event.type];
				if (!type) return [];
				const received = event.type === 'activation' ? { origin: delivery.channel === 'email' ? 'smtp' : delivery.channel, recipient: delivery.address } : {};
				return [{ type, ...received, date: new Date(event.timestamp).toISOString() }];
			});
			return ok({
				type: 'message',
				media: delivery.channel === 'email' ? 'mail' : delivery.channel,
				id: delivery.messageId,
				...(delivery.actionId ? { actionId: delivery.actionId } : { notificationId: delivery.notificationId }),
				target: delivery.contactId,
				events: conversation,
			});
		},
	};
}
