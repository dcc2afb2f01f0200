import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pause } from '../transport/pause';

export interface PollSettings {
	maxWait?: number;
	pollInterval?: number;
}

const maxWait: INodeProperties = {
	displayName: 'Max Wait (Seconds)',
	name: 'maxWait',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 300,
};

const pollInterval: INodeProperties = {
	displayName: 'Poll Interval (Seconds)',
	name: 'pollInterval',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 20,
};

/** "Max Wait" and "Poll Interval" for an operation that waits for NP6 to finish something. */
export function pollSettingsProperties(what: string, defaults: Required<PollSettings>): INodeProperties[] {
	return [
		{ ...maxWait, default: defaults.maxWait, description: `How long to wait for ${what} before failing the item (NP6 goes on)` },
		{ ...pollInterval, default: defaults.pollInterval, description: `How often to ask NP6 about ${what}` },
	];
}

/** One wait for NP6 to finish something: how to read its state, and when it is done. */
export interface Poll<T> {
	read: () => Promise<T>;
	settled: (value: T) => boolean;
	settings: Required<PollSettings>;
	/** The error once Max Wait has passed and NP6 is still not done. */
	stillRunning: (waitedSeconds: number) => Error;
	itemIndex: number;
	/** Each pause is this many times the one before (1, the default: every pause is Poll Interval). */
	growth?: number;
	/** Pause before the first read too, when NP6 is never done at once. */
	pauseFirst?: boolean;
}

/**
 * Max Wait and Poll Interval as the user set them (an expression may give anything), checked before
 * the operation sends anything: a number of seconds, at least 1.
 */
export function readPollSettings(context: IExecuteFunctions, given: PollSettings, defaults: Required<PollSettings>, itemIndex: number): Required<PollSettings> {
	const seconds = (value: unknown, fallback: number, label: string) => {
		if (value === undefined || value === null || value === '') return fallback;
		const number = Number(value);
		if (!Number.isFinite(number) || number < 1) {
			throw new NodeOperationError(context.getNode(), `The option "${label}" must be a number of seconds, at least 1: ${JSON.stringify(value)}`, {
				itemIndex,
				description: 'Nothing was sent to NP6.',
			});
		}
		return number;
	};
	return {
		maxWait: seconds(given.maxWait, defaults.maxWait, 'Max Wait (Seconds)'),
		pollInterval: seconds(given.pollInterval, defaults.pollInterval, 'Poll Interval (Seconds)'),
	};
}

/**
 * Reads until `settled` says NP6 is done, pausing Poll Interval between reads (each pause `growth` times
 * the one before; with `pauseFirst`, also before the first read); past Max Wait, throws what
 * `stillRunning` makes. A stopped execution stops the wait at once. Every read goes through the
 * request helper.
 */
export async function pollUntil<T>(context: IExecuteFunctions, poll: Poll<T>): Promise<T> {
	const { maxWait, pollInterval } = poll.settings;
	const signal = context.getExecutionCancelSignal?.();
	const deadline = Date.now() + maxWait * 1000;
	let pauseMs = pollInterval * 1000;
	const wait = async () => {
		try {
			await pause(Math.min(pauseMs, Math.max(0, deadline - Date.now())), signal);
		} catch {
			throw new NodeOperationError(context.getNode(), 'The execution was stopped while waiting for NP6', {
				itemIndex: poll.itemIndex,
				description: 'What NP6 was doing goes on there; nothing more was asked of it.',
			});
		}
		pauseMs *= poll.growth ?? 1;
	};
	if (poll.pauseFirst) await wait();
	for (;;) {
		const value = await poll.read();
		if (poll.settled(value)) return value;
		if (Date.now() >= deadline) throw poll.stillRunning(maxWait);
		await wait();
	}
}
