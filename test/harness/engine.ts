import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type ILoadOptionsFunctions,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { Np6Api } from '../../credentials/Np6Api.credentials';
import { Np6Action } from '../../nodes/Np6Action/Np6Action.node';
import { Np6Contact } from '../../nodes/Np6Contact/Np6Contact.node';

export const PACKAGE = 'n8n-nodes-np6';

/** The package's node classes by type name, as n8n registers them. */
const packageNodes: Record<string, INodeType> = {
	[`${PACKAGE}.np6Contact`]: new Np6Contact(),
	[`${PACKAGE}.np6Action`]: new Np6Action(),
};

const credentialTypes: Record<string, ICredentialType> = { np6Api: new Np6Api() };

/** An input item carrying a file, as a Read File or HTTP Request node would produce it. */
export function fileItem(content: string, fileName = 'contacts.csv', mimeType = 'text/csv'): INodeExecutionData {
	return { json: { fileName }, binary: { data: { data: Buffer.from(content).toString('base64'), mimeType, fileName } } };
}

/** The two core nodes our workflows start with: a Manual Trigger and a source of items. */
const manualTrigger: INodeType = {
	description: {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: {},
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
	async execute() {
		return [[{ json: {} }]];
	},
};

const nodeTypes: INodeTypes = {
	getByName: (type) => lookup(type),
	getByNameAndVersion: (type) => lookup(type),
	getKnownTypes: () => ({}),
};

function lookup(type: string): INodeType {
	if (type === 'n8n-nodes-base.manualTrigger') return manualTrigger;
	const node = packageNodes[type];
	if (!node) throw new Error(`Unknown node type ${type}`);
	return node;
}

/**
 * Supplies the test credential and applies the credential class's real `authenticate` block,
 * resolving its expressions with n8n-workflow's own expression engine.
 */
class CredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		for (const [location, values] of Object.entries(authenticate.properties) as Array<[string, IDataObject]>) {
			const target = ((requestOptions as unknown as Record<string, IDataObject>)[location] ??= {});
			for (const [key, value] of Object.entries(values)) {
				target[key] = workflow.expression.getSimpleParameterValue(node, value as string, 'internal', {
					$credentials: credentials,
				}) as string;
			}
		}
		return requestOptions;
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	getParentTypes(): string[] {
		return [];
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return credentialTypes[type]?.properties ?? [];
	}

	isCredentialUsableByNode() {
		return true;
	}
}

/**
 * What n8n's credential test does with the credential's `test` block: resolve its expressions with
 * the credential's data, apply `authenticate`, send it, and judge the answer by its `rules`.
 */
export async function testCredential(data: ICredentialDataDecryptedObject): Promise<{ ok: boolean; message: string }> {
	const type = credentialTypes.np6Api;
	const test = type.test!;
	const workflow = new Workflow({ nodes: [], connections: {}, active: false, nodeTypes });
	const node = { id: 'c', name: 'Credential test', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
	const resolve = (value: unknown) =>
		workflow.expression.getSimpleParameterValue(node, value as string, 'internal', { $credentials: data }) as string;
	let options: IHttpRequestOptions = {
		method: test.request.method ?? 'GET',
		url: `${resolve(test.request.baseURL)}${test.request.url ?? ''}`,
		headers: {},
	};
	options = await new CredentialsHelper(data).authenticate(data, type.name, options, workflow, node);
	const response = await fetch(options.url, { method: options.method, headers: options.headers as Record<string, string> });
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseCode' && rule.properties.value === response.status) return { ok: false, message: rule.properties.message };
	}
	return response.ok ? { ok: true, message: 'Connection tested successfully' } : { ok: false, message: `HTTP ${response.status}` };
}

export interface NodeUnderTest {
	/** e.g. "np6Contact" */
	type: string;
	parameters: IDataObject;
	continueOnFail?: boolean;
}

export interface RunResult {
	/** Output items of the NP6 node (first output). */
	items: INodeExecutionData[];
	/** The engine's error, when the node failed and did not continue. */
	error?: { message: string; description?: string | null; httpCode?: string | null; name?: string };
	run: IRun;
}

export interface Backend {
	url: string;
	apiKey: string;
}

function workflowFor(node: NodeUnderTest) {
	const workflowData: IWorkflowBase = {
		id: 'test-workflow',
		name: 'test',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
		nodes: [
			{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: '2',
				name: 'NP6',
				type: `${PACKAGE}.${node.type}`,
				typeVersion: 1,
				position: [200, 0],
				parameters: node.parameters as INode['parameters'],
				credentials: { np6Api: { id: 'cred-1', name: 'NP6 test' } },
				...(node.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		],
		connections: { Start: { main: [[{ node: 'NP6', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	} as IWorkflowBase;
	return { workflowData, workflow: new Workflow({ ...workflowData, nodeTypes, staticData: {}, pinData: undefined }) };
}

function additionalDataFor(backend: Backend, workflowData: IWorkflowBase, mode: WorkflowExecuteMode): IWorkflowExecuteAdditionalData {
	const executionId = `exec-${Math.random().toString(36).slice(2)}`;
	return {
		credentialsHelper: new CredentialsHelper({ apiKey: backend.apiKey, baseUrl: backend.url }),
		hooks: new ExecutionLifecycleHooks(mode, executionId, workflowData),
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not supported');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not supported');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Calls one of the node's load-options methods (pickers, resource mapper) as the editor does. */
export async function loadOptions<T>(
	backend: Backend,
	node: NodeUnderTest,
	method: (this: ILoadOptionsFunctions, ...args: never[]) => Promise<T>,
	...args: unknown[]
): Promise<T> {
	const { workflowData, workflow } = workflowFor(node);
	const context = new LoadOptionsContext(workflow, workflow.getNode('NP6')!, additionalDataFor(backend, workflowData, 'internal'), 'parameters');
	return await (method as (this: ILoadOptionsFunctions, ...args: unknown[]) => Promise<T>).call(context, ...args);
}

/**
 * Runs Manual Trigger → (input items) → NP6 node through n8n-core's WorkflowExecute, with the
 * package's real node and credential classes, against a live backend over loopback.
 */
export async function runNode(
	backend: Backend,
	node: NodeUnderTest,
	inputItems: Array<IDataObject | INodeExecutionData> = [{}],
): Promise<RunResult> {
	const mode: WorkflowExecuteMode = 'manual';
	const { workflowData, workflow } = workflowFor(node);
	const additionalData = additionalDataFor(backend, workflowData, mode);

	// Pin the input items on the trigger so the NP6 node receives exactly these.
	const pinData = { Start: inputItems.map((item) => ('json' in item ? item : { json: item })) };
	const run = await new WorkflowExecute(additionalData, mode).run({ workflow, pinData } as never);
	const taskData = run.data.resultData.runData.NP6?.[0];
	const error = (taskData?.error ?? run.data.resultData.error) as RunResult['error'] | undefined;
	return { items: taskData?.data?.main?.[0] ?? [], error, run };
}
