import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { pollSettingsProperties, pollUntil, readPollSettings, type PollSettings } from '../../../shared/np6/polling';
import { actionState, fetchAction, stateName, VALIDATED, type Np6Action } from '../../../shared/np6/actions';
import { readParameter, toList, toProperty, type ParameterSpec } from '../../../shared/operations/parameterSpec';
import type { ItemResult } from '../../../shared/operations/types';
import { np6ApiRequest } from '../../../shared/transport/request';
import { validatableActionPicker } from './actionParameters';

export const catalogue = ['action.get', 'action.validate'];

const TEST_RUNNING = 30;
const TEST_PASSED = 38;
/** Older sample code read the action about every 20 s while the test phase ran. */
const WAIT = { maxWait: 600, pollInterval: 20 };

const testSegment: ParameterSpec = {
	name: 'testSegment',
	label: 'Test Segment',
	in: 'body',
	picker: { searchMethod: 'searchTestSegments', idFormat: 'integer', idPlaceholder: 'e.g. 42' },
	description: 'A static segment flagged as a test segment: its contacts receive the test send',
};

const properties: INodeProperties[] = [
	toProperty(validatableActionPicker),
	{
		displayName: 'Phases',
		name: 'phases',
		type: 'options',
		noDataExpression: true,
		default: 'both',
		options: [
			{ name: 'Test, Then Production', value: 'both', description: 'Run the test phase, wait for it, then validate for production (state 50)' },
			{ name: 'Test Only', value: 'test', description: 'Run the test phase and wait until it passed (state 38)' },
			{ name: 'Production Only', value: 'production', description: 'Validate an action whose test phase passed (38 → 50)' },
		],
	},
	{ ...toProperty(testSegment), displayOptions: { show: { phases: ['both', 'test'] } } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{ displayName: 'More Test Segment IDs', name: 'moreTestSegments', type: 'string', default: '', placeholder: '43, 44', displayOptions: { show: { '/phases': ['both', 'test'] } } },
			...pollSettingsProperties('the test phase (state 30)', WAIT),
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['action'], operation: ['validate'] } }, properties);

interface Options extends PollSettings {
	moreTestSegments?: string;
}

/**
 * NP6's two-phase validation as one operation: the test phase (POST /validation {fortest:true})
 * answers 204 and runs asynchronously (state 30 → 38), so the action is read until it leaves 30;
 * then the production phase ({fortest:false}, 38 → 50). Outputs the action's final state.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = readParameter.call(this, validatableActionPicker, itemIndex) as string;
	const phases = this.getNodeParameter('phases', itemIndex) as 'both' | 'test' | 'production';
	const options = this.getNodeParameter('options', itemIndex, {}) as Options;
	const wait = readPollSettings(this, options, WAIT, itemIndex);
	const testSegments =
		phases === 'production' ? [] : [readParameter.call(this, testSegment, itemIndex) as number, ...toList(options.moreTestSegments ?? '').map(Number)];
	if (testSegments.some((s) => !Number.isInteger(s))) {
		throw new NodeOperationError(this.getNode(), 'The option "More Test Segment IDs" must hold whole numbers', { itemIndex });
	}
	const validate = (body: IDataObject) =>
		np6ApiRequest.call(this, {
			method: 'POST',
			path: `/actions/${encodeURIComponent(id)}/validation`,
			body,
			meanings: { 409: "The action's state does not allow this phase, or the API key's user may not validate", 410: 'The action is gone' },
			itemIndex,
		});

	let action = await fetchAction.call(this, id, itemIndex);
	const phasesRun: string[] = [];
	if (phases !== 'production' && actionState(action) !== TEST_PASSED && actionState(action) !== VALIDATED) {
		await validate({ fortest: true, testSegments, campaignAnalyser: false, textandHtml: false });
		phasesRun.push('test');
		action = await waitWhileTestRuns.call(this, id, actionState(action), wait, itemIndex);
		if (actionState(action) !== TEST_PASSED) {
			throw new NodeOperationError(this.getNode(), `The test phase of action ${id} did not pass: the action is back in state ${actionState(action)} (${stateName(actionState(action))})`, {
				itemIndex,
				description: 'Check the test send in NP6 (content, sender, test segment) and run the validation again.',
			});
		}
	}
	if (phases !== 'test' && actionState(action) !== VALIDATED) {
		if (actionState(action) !== TEST_PASSED) {
			throw new NodeOperationError(this.getNode(), `Action ${id} cannot be validated for production from state ${actionState(action)} (${stateName(actionState(action))})`, {
				itemIndex,
				description: 'NP6 requires the test phase first: choose "Test, Then Production".',
			});
		}
		await validate({ fortest: false });
		phasesRun.push('production');
		action = await fetchAction.call(this, id, itemIndex);
	}
	return { id, type: action.type, name: action.name, state: actionState(action), stateName: stateName(actionState(action)), phasesRun };
}

/**
 * The test phase runs asynchronously, and NP6 may still show the state from before the request (20)
 * when it is first read. The wait lasts while the action is in state 30, or has not moved yet for up
 * to three poll intervals (at least 3 s): a test send that fails takes the action back to its earlier
 * state, possibly between two reads, so an action that never seems to move has not passed.
 */
async function waitWhileTestRuns(this: IExecuteFunctions, id: string, stateBefore: number, wait: Required<PollSettings>, itemIndex: number): Promise<Np6Action> {
	const startGraceUntil = Date.now() + Math.max(3, 3 * wait.pollInterval) * 1000;
	return await pollUntil(this, {
		read: async () => await fetchAction.call(this, id, itemIndex),
		settled: (action) => actionState(action) !== TEST_RUNNING && (actionState(action) !== stateBefore || Date.now() >= startGraceUntil),
		settings: wait,
		stillRunning: (seconds) =>
			new NodeOperationError(this.getNode(), `The test phase of action ${id} has not finished after ${seconds} s`, {
				itemIndex,
				description: 'It goes on in NP6. Run this operation again later with "Production Only", or raise "Max Wait".',
			}),
		itemIndex,
	});
}
