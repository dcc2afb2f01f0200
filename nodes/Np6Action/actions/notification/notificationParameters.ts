import { toProperty, type ParameterSpec } from '../../../shared/operations/parameterSpec';
import { PICKERS } from '../../../shared/methods/pickers';

/** The notification (int32 id), picked from GET /notifications or given by ID. */
export const notificationSpec: ParameterSpec = {
	name: 'notification',
	label: 'Notification',
	in: 'path',
	key: 'id',
	picker: PICKERS.notification,
};

export const notificationProperty = toProperty(notificationSpec);

export const NOTIFICATION_NOT_FOUND = { 404: 'NP6 has no notification with this ID' };

/** `type` is NP6's discriminator; only "push-app" has been seen. */
export const typeSpec: ParameterSpec = {
	name: 'type',
	label: 'Type',
	in: 'body',
	type: 'options',
	default: 'push-app',
	options: [{ name: 'Push (App)', value: 'push-app', description: 'Push notification to a mobile application' }],
};

/** Body fields of Create and Update other than type, name and application. */
export const settingsSpecs: ParameterSpec[] = [
	{ name: 'description', label: 'Description', in: 'body', optional: true },
	{ name: 'active', label: 'Active', in: 'body', type: 'boolean', optional: true, description: 'Whether the notification is online' },
	{ name: 'urgent', label: 'Urgent', in: 'body', key: 'settings.urgent', type: 'boolean', optional: true, description: 'Whether the notification is urgent (NP6 default: not urgent)' },
	{
		name: 'purpose',
		label: 'Purpose (JSON)',
		in: 'body',
		key: 'settings.purpose',
		type: 'json',
		optional: true,
		description: 'The "settings.purpose" object: Marketing or Service (NP6 uses Marketing when not given; the object\'s shape is not documented)',
	},
	{
		name: 'expiration',
		label: 'Expiration Settings (JSON)',
		in: 'body',
		key: 'settings.expiration',
		type: 'json',
		optional: true,
		description: 'The "settings.expiration" object, as NP6 takes it',
	},
	{
		name: 'marketingPressure',
		label: 'Marketing Pressure Settings (JSON)',
		in: 'body',
		key: 'settings.mp',
		type: 'json',
		optional: true,
		description: 'The "settings.mp" object, as NP6 takes it',
	},
	{
		name: 'task',
		label: 'Task (JSON)',
		in: 'body',
		key: 'task',
		type: 'json',
		optional: true,
		description: 'How the notification is triggered: {"name", "description", "scheduler": {...}}',
	},
	{
		name: 'versions',
		label: 'Versions (JSON)',
		in: 'body',
		key: 'versions',
		type: 'json',
		optional: true,
		description:
			'The array of versions (the content of the notification); one of them is the master. NP6 documents only their "ID"; copy the shape from a notification read with Get.',
	},
];
