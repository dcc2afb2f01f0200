import type { Np6State } from './state';

/**
 * The scripting objects of the `fields` seed: workflow "Welcome journey" (701: a listener on new
 * contacts, a mail node then a terminal node, a daily capping, a nightly scheduler task) and webtask
 * "Order webhook" (501), which tests cannot create otherwise (NP6 documents no webtask create).
 */
export function seedScripting(state: Np6State, now: Date): void {
	state.workflows.create(
		{
			name: 'Welcome journey',
			description: 'Welcomes new contacts',
			state: 1,
			scripting: { version: '4' },
			settings: {},
			nodes: [
				{ type: 'sendMail', id: 'welcome-mail', name: 'Welcome mail', default: true, settings: { action: '000A02' }, next: 'end' },
				{ type: 'terminal', id: 'end', name: 'End' },
			],
			listeners: [{ id: 'on-creation', name: 'New contact', event: { type: 'creation' }, handler: 'welcome-mail' }],
			capping: [{ key: { type: 'literal', value: {} }, increment: 1, threshold: 1, period: { type: 'sliding', unit: 'DAY', value: 1 }, nodes: ['welcome-mail'] }],
			tasks: [
				{
					id: 'nightly',
					name: 'Nightly catch-up',
					schedulers: [{ type: 'cron', id: 'at-2', name: 'At 2 am', minute: '0', hour: '2', dayOfMonth: '*', month: '*', dayOfWeek: '*' }],
					provider: { type: 'segment', value: {}, projection: {} },
					handler: 'welcome-mail',
				},
			],
		},
		now,
	);
	state.webtasks.add({ name: 'Order webhook', description: 'Receives orders from the shop', value: 'return request.body;' }, now);
}
