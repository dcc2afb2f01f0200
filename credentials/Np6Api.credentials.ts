import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class Np6Api implements ICredentialType {
	name = 'np6Api';

	displayName = 'NP6 API';

	documentationUrl = 'https://github.com/n8n-nodes-np6/n8n-nodes-np6#credentials';

	icon: Icon = { light: 'file:../icons/np6.svg', dark: 'file:../icons/np6.dark.svg' };

	httpRequestNode = {
		name: 'NP6',
		docsUrl: 'https://github.com/n8n-nodes-np6/n8n-nodes-np6#credentials',
		apiBaseUrlPlaceholder: 'https://api-cm.np6.com/targets/count',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The X-Key issued by NP6 for your account. It carries the rights of the NP6 user it was issued for.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api-cm.np6.com',
			required: true,
			description: "NP6's API address. Point it at the NP6 simulator (e.g. http://127.0.0.1:5680) to try the nodes without an NP6 account.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-Key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/fields',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'NP6 refused this API key (401). Check the key, and that the Base URL is the NP6 instance it was issued for.',
				},
			},
		],
	};
}
