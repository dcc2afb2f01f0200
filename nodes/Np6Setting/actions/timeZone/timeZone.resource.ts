import { declareOperation, type OperationSpec } from '../../../shared/operations/declareOperation';
import { defineResource, lowConfidenceHint } from '../../../shared/operations/resource';

const LEGACY = lowConfidenceHint('not in the 8.1.0 reference, it may not answer on current accounts, and its answer is not documented');

const declare = (spec: Omit<OperationSpec, 'resource' | 'notice'>) => declareOperation({ ...spec, resource: 'timeZone', notice: LEGACY });

/** The time zones NP6 knows (legacy section "Common": older public NP6 docs only). */
export const timeZoneResource = defineResource('timeZone', 'getAll', [
	{
		value: 'get',
		name: 'Get',
		action: 'Get a time zone',
		description: 'Get a time zone by ID',
		operation: declare({
			operation: 'get',
			catalogue: 'timezone.get',
			method: 'GET',
			path: '/common/timezones/{id}',
			parameters: [{ name: 'timeZone', label: 'Time Zone', in: 'path', key: 'id', picker: { searchMethod: 'searchTimeZones', idFormat: 'timeZone', idPlaceholder: 'e.g. Europe/Paris' } }],
			returns: 'object',
			meanings: { 404: 'NP6 has no time zone with this ID' },
		}),
	},
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many time zones',
		description: 'List the time zones NP6 knows',
		operation: declare({ operation: 'getAll', catalogue: 'timezone.list', method: 'GET', path: '/common/timezones', returns: 'list' }),
	},
]);
