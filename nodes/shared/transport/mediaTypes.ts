/** Media types from the catalogue's conventions. */
export const MEDIA_TYPE = {
	json: 'application/json',
	email: 'application/vnd.np6.cm.email',
	sms: 'application/vnd.np6.cm.sms',
	workflow: 'application/vnd.np6.cm.workflow-v4',
	targetModel: 'application/vnd.mperf.v8.model.v1+json',
	emailV4: 'application/vnd.np6.cm.email-v4',
	octetStream: 'application/octet-stream',
	importModel: 'application/vnd.mperf.v8.import.v1+json',
} as const;
