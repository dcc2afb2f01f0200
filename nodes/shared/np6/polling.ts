import { sleep, type INodeProperties } from 'n8n-workflow';

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

/**
 * Reads until `settled` says NP6 is done, sleeping between reads (n8n-workflow's `sleep`); past the
 * max wait, throws what `stillRunning` makes. Every read goes through the request helper.
 */
export async function pollUntil<T>(
	read: () => Promise<T>,
	settled: (value: T) => boolean,
	settings: PollSettings & Required<Pick<PollSettings, 'maxWait' | 'pollInterval'>>,
	stillRunning: (waitedSeconds: number) => Error,
): Promise<T> {
	const deadline = Date.now() + settings.maxWait * 1000;
	for (;;) {
		const value = await read();
		if (settled(value)) return value;
		if (Date.now() >= deadline) throw stillRunning(settings.maxWait);
		await sleep(settings.pollInterval * 1000);
	}
}
