import { declareOperation, type OperationSpec } from '../../../shared/operations/declareOperation';
import { defineResource } from '../../../shared/operations/resource';

const OPTION_PATH = '/settings/marketing/pressure/topic';

const declare = (spec: Omit<OperationSpec, 'resource'>) => declareOperation({ ...spec, resource: 'marketingPressure' });

/** Marketing-pressure topics, rules and the mandatory topic option (catalogue section marketing-pressure). */
export const marketingPressureResource = defineResource('marketingPressure', 'getTopics', [
	{
		value: 'getMandatoryTopic',
		name: 'Get Mandatory Topic Option',
		action: 'Get the mandatory topic option',
		description: 'Whether a marketing-pressure topic must be chosen',
		operation: declare({ operation: 'getMandatoryTopic', catalogue: 'marketingPressure.getMandatoryTopic', method: 'GET', path: OPTION_PATH, returns: 'object', outputKey: 'mandatoryTopic' }),
	},
	{
		value: 'getRules',
		name: 'Get Many Rules',
		action: 'Get many marketing pressure rules',
		description: 'List the marketing-pressure rules of the account',
		operation: declare({ operation: 'getRules', catalogue: 'marketingPressure.listRules', method: 'GET', path: '/marketing/pressure/rules', returns: 'list' }),
	},
	{
		value: 'getTopics',
		name: 'Get Many Topics',
		action: 'Get many marketing pressure topics',
		description: 'List the marketing-pressure topics of the account',
		operation: declare({ operation: 'getTopics', catalogue: 'marketingPressure.listTopics', method: 'GET', path: '/marketing/pressure/topics', returns: 'list' }),
	},
	{
		value: 'setMandatoryTopic',
		name: 'Set Mandatory Topic Option',
		action: 'Set the mandatory topic option',
		description: 'Make choosing a marketing-pressure topic mandatory, or not',
		operation: declare({
			operation: 'setMandatoryTopic',
			catalogue: 'marketingPressure.setMandatoryTopic',
			method: 'PUT',
			path: OPTION_PATH,
			// NP6 takes the option as a bare JSON boolean.
			parameters: [{ name: 'mandatoryTopic', label: 'Topic Mandatory', in: 'body', key: '.', type: 'boolean', description: 'Whether a marketing-pressure topic must be chosen' }],
			returns: 'object',
			outputKey: 'mandatoryTopic',
		}),
	},
]);
