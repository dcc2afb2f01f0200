/** Media types from the catalogue's conventions. */
export const MEDIA_TYPE = {
	json: 'application/json',
	email: 'application/vnd.np6.cm.email',
	sms: 'application/vnd.np6.cm.sms',
	workflow: 'application/vnd.np6.cm.workflow-v4',
	targetModel: 'application/vnd.mperf.v8.model.v1+json',
	octetStream: 'application/octet-stream',
	importModel: 'application/vnd.mperf.v8.import.v1+json',
} as const;
