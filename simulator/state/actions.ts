import { isoSeconds } from './dates';
import { alphanumericId, Sequence } from './ids';

export const ACTION_TYPES = ['mailCampaign', 'mailMessage', 'smsCampaign', 'smsMessage'] as const;

export type ActionType = (typeof ACTION_TYPES)[number];

export type ActionChannel = 'email' | 'sms';

/** The `informations.state` values whose meaning is known (35, 36, 40, 55, 60 exist undocumented). */
export const ActionState = {
	draft: 10,
	created: 20,
	testRunning: 30,
	testPassed: 38,
	validated: 50,
} as const;

/** What a client writes (other properties are kept as given). */
export interface ActionDocument {
	type: ActionType;
	name: string;
	informations?: Record<string, unknown>;
	settings?: Record<string, unknown>;
	content?: Record<string, unknown>;
	scheduler?: Record<string, unknown>;
	[property: string]: unknown;
}

/** An email or SMS action, stored as the client wrote it plus what the server fills. */
export interface Action extends ActionDocument {
	id: string;
	creationDate: string;
	informations: { state: number; folder: number | null; category: number | null } & Record<string, unknown>;
}

export const channelOf = (type: ActionType): ActionChannel => (type.startsWith('sms') ? 'sms' : 'email');

/** Message kinds are sent per contact (`/execution(s)`); campaign kinds follow their scheduler. */
export const isMessageKind = (type: ActionType): boolean => type === 'mailMessage' || type === 'smsMessage';

/** Content overrides in sends need templating 4.1 (older documents write it as the number 4.1). */
export const hasTemplating41 = (action: Action): boolean => {
	const templating = action.settings?.templating as { version?: unknown } | undefined;
	return String(templating?.version) === '4.1';
};

/** An email has content with a subject and an HTML or text body; an SMS with its text. */
export function hasContent(document: Pick<ActionDocument, 'type' | 'content'>): boolean {
	const content = document.content ?? {};
	const filled = (key: string) => typeof content[key] === 'string' && content[key] !== '';
	return channelOf(document.type) === 'sms'
		? filled('textContent') || filled('text')
		: filled('subject') && (filled('html') || filled('text'));
}

/**
 * Actions and their validation state machine:
 * 10/20 --test--> (still 10/20 for `testStartDelayMs`) 30 --(after `validationDelayMs`)--> 38, or back to
 * 10/20 when the test send fails --validate--> 50; unvalidate: 38/50 --> 20.
 * Each transition answers false when the current state does not allow it (NP6: 409).
 */
export class ActionStore {
	/** How long the asynchronous test phase stays in state 30 before reaching 38. */
	validationDelayMs = 300;
	/** How long after the 204 the action still shows its earlier state before 30. */
	testStartDelayMs = 50;
	/** Actions whose test send fails: the test phase takes them back to their earlier state. */
	readonly failingTests = new Set<string>();
	readonly byId = new Map<string, Action>();
	private readonly deletedIds = new Set<string>();
	private readonly runningTests = new Map<string, NodeJS.Timeout>();
	/** The first id is "000A01". */
	private readonly ids = new Sequence(parseInt('A01', 36));

	/** Stores a new action in state 20 when it has content, 10 otherwise. */
	create(document: ActionDocument, now = new Date()): Action {
		return this.store(document, alphanumericId(this.ids.take(), 6), isoSeconds(now));
	}

	/**
	 * Full replacement (PUT). The state goes back to 20 (or 10 without content): a validated action must
	 * be validated again. The catalogue only says an update "may reset" a validated action.
	 */
	replace(action: Action, document: ActionDocument): Action {
		this.stopTest(action.id);
		return this.store(document, action.id, action.creationDate);
	}

	/** Older docs: the copy is named "<name>(1)" and starts in state 10. */
	duplicate(action: Action, folder?: number, now = new Date()): Action {
		const { id: _id, creationDate: _date, informations, ...document } = structuredClone(action);
		const copy = this.create({ ...document, name: `${action.name}(1)`, informations }, now);
		copy.informations.state = ActionState.draft;
		if (folder !== undefined) copy.informations.folder = folder;
		return copy;
	}

	delete(id: string): boolean {
		if (!this.byId.delete(id)) return false;
		this.stopTest(id);
		this.deletedIds.add(id);
		return true;
	}

	/** Whether the id belonged to an action that was deleted (NP6's "410 action gone"). */
	wasDeleted(id: string): boolean {
		return this.deletedIds.has(id);
	}

	/**
	 * Validation phase 1 (`fortest: true`) is asynchronous: NP6 answers 204 while the action still shows
	 * its earlier state, moves it to 30 after `testStartDelayMs`, then to 38 once the test send is done,
	 * or back to its earlier state when the test send fails (an id in `failingTests`).
	 */
	startTest(action: Action): boolean {
		if (this.runningTests.has(action.id) || !this.inState(action, ActionState.draft, ActionState.created)) return false;
		const before = action.informations.state;
		const later = (ms: number, then: () => void) => {
			const timer = setTimeout(then, ms);
			timer.unref();
			this.runningTests.set(action.id, timer);
		};
		later(this.testStartDelayMs, () => {
			action.informations.state = ActionState.testRunning;
			later(this.validationDelayMs, () => {
				this.runningTests.delete(action.id);
				action.informations.state = this.failingTests.has(action.id) ? before : ActionState.testPassed;
			});
		});
		return true;
	}

	/** Validation phase 2 (`fortest: false`): only after a passed test. */
	validate(action: Action): boolean {
		if (!this.inState(action, ActionState.testPassed)) return false;
		action.informations.state = ActionState.validated;
		return true;
	}

	unvalidate(action: Action): boolean {
		if (!this.inState(action, ActionState.testPassed, ActionState.validated)) return false;
		action.informations.state = ActionState.created;
		return true;
	}

	isSendable(action: Action): boolean {
		return this.inState(action, ActionState.validated);
	}

	private inState(action: Action, ...states: number[]): boolean {
		return states.includes(action.informations.state);
	}

	private store(document: ActionDocument, id: string, creationDate: string): Action {
		const { type, name, informations, ...rest } = document;
		const action: Action = {
			type,
			id,
			name,
			creationDate,
			...rest,
			informations: {
				folder: null,
				category: null,
				...informations,
				state: hasContent(document) ? ActionState.created : ActionState.draft,
			},
		};
		this.byId.set(id, action);
		return action;
	}

	private stopTest(id: string): void {
		clearTimeout(this.runningTests.get(id));
		this.runningTests.delete(id);
	}
}
