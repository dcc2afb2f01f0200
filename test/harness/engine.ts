import { ExecutionLifecycleHooks, LoadOptionsContext, PollContext, WorkflowExecute } from 'n8n-core';
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
	type ITaskData,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { Np6Api } from '../../credentials/Np6Api.credentials';
import { Np6Action } from '../../nodes/Np6Action/Np6Action.node';
import { Np6Contact } from '../../nodes/Np6Contact/Np6Contact.node';
import { Np6Campaign } from '../../nodes/Np6Campaign/Np6Campaign.node';
import { Np6Event } from '../../nodes/Np6Event/Np6Event.node';
import { Np6Scripting } from '../../nodes/Np6Scripting/Np6Scripting.node';
import { Np6Setting } from '../../nodes/Np6Setting/Np6Setting.node';
import { Np6Trigger } from '../../nodes/Np6Trigger/Np6Trigger.node';
import { observingOperations } from './observedOperations';
import { observeOutput, resourceAndOperation } from './observedOutputs';

export const PACKAGE = 'n8n-nodes-np6';

/** The package's node classes by type name, as n8n registers them. */
const packageNodes: Record<string, INodeType> = {
	[`${PACKAGE}.np6Contact`]: new Np6Contact(),
	[`${PACKAGE}.np6Action`]: new Np6Action(),
	[`${PACKAGE}.np6Event`]: new Np6Event(),
	[`${PACKAGE}.np6Trigger`]: new Np6Trigger(),
	[`${PACKAGE}.np6Setting`]: new Np6Setting(),
	[`${PACKAGE}.np6Campaign`]: new Np6Campaign(),
	[`${PACKAGE}.np6Scripting`]: new Np6Scripting(),
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

/** Node classes from elsewhere (e.g. n8n-nodes-base's HTTP Request) that workflows may also use. */
const registeredNodes = new Map<string, INodeType | IVersionedNodeType>();

/** Lets `runChain` workflows use another node class under its full type name, e.g. 'n8n-nodes-base.httpRequest'. */
export function registerNodeType(typeName: string, nodeType: INodeType | IVersionedNodeType): void {
	registeredNodes.set(typeName, nodeType);
}

const nodeTypes: INodeTypes = {
	getByName: (type) => lookup(type),
	getByNameAndVersion: (type, version) => {
		const node = lookup(type);
		return 'nodeVersions' in node ? node.getNodeType(version) : node;
	},
	getKnownTypes: () => ({}),
};

function lookup(type: string): INodeType | IVersionedNodeType {
	if (type === 'n8n-nodes-base.manualTrigger') return manualTrigger;
	const node = packageNodes[type] ?? registeredNodes.get(type);
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

export interface NodeUnderTest {
	/** e.g. "np6Contact" */
	type: string;
	parameters: IDataObject;
	continueOnFail?: boolean;
	retryOnFail?: boolean;
	/** Attach the NP6 test credential (default); false: a node whose credential is not chosen yet. */
	credentials?: boolean;
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

export interface ChainNode {
	/** Unique within the workflow; results are keyed by it. */
	name: string;
	/** n8n's node ID, by default its position: what a node remembers across executions is kept by it. */
	id?: string;
	/** Full type name, e.g. 'n8n-nodes-np6.np6Contact' or 'n8n-nodes-base.httpRequest'. */
	type: string;
	typeVersion?: number;
	parameters: IDataObject;
	continueOnFail?: boolean;
	/** n8n's node setting "Retry On Fail" (2 tries, no wait). */
	retryOnFail?: boolean;
	/** Attach the NP6 test credential; by default only this package's nodes get it. */
	credentials?: boolean;
}

export interface NodeRunResult {
	/** Output items of the node (first output). */
	items: INodeExecutionData[];
	/** The node's error, when it failed and did not continue. */
	error?: RunResult['error'];
	/** Milliseconds the node took, as n8n records it in the run data. */
	executionTime: number;
}

export interface RunOptions {
	/** Stop the execution this long after it started, as the editor's Stop button does. */
	cancelAfterMs?: number;
}

export interface ChainResult {
	/** Per node name; a node that never ran has no entry. */
	nodes: Record<string, NodeRunResult>;
	/** The workflow-level error, if the run stopped on one. */
	error?: RunResult['error'];
	run: IRun;
}

function workflowFor(chain: ChainNode[]) {
	const names = ['Start', ...chain.map((node) => node.name)];
	const connections = Object.fromEntries(
		names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);
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
			...chain.map((node, i) => ({
				id: node.id ?? String(i + 2),
				name: node.name,
				type: node.type,
				typeVersion: node.typeVersion ?? 1,
				position: [200 * (i + 1), 0] as [number, number],
				parameters: node.parameters as INode['parameters'],
				...((node.credentials ?? node.type.startsWith(`${PACKAGE}.`))
					? { credentials: { np6Api: { id: 'cred-1', name: 'NP6 test' } } }
					: {}),
				...(node.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				...(node.retryOnFail ? { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } : {}),
			})),
		],
		connections,
		settings: { executionOrder: 'v1' },
	} as IWorkflowBase;
	return { workflowData, workflow: new Workflow({ ...workflowData, nodeTypes, staticData: {}, pinData: undefined }) };
}

/** The single NP6 node of `runNode` and `loadOptions`, named "NP6". */
const asChainNode = (node: NodeUnderTest): ChainNode => ({
	name: 'NP6',
	type: `${PACKAGE}.${node.type}`,
	parameters: node.parameters,
	continueOnFail: node.continueOnFail,
	retryOnFail: node.retryOnFail,
	credentials: node.credentials,
});

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
	const { workflowData, workflow } = workflowFor([asChainNode(node)]);
	// The editor sends the node's current parameters along (read by getCurrentNodeParameter).
	const additionalData = { ...additionalDataFor(backend, workflowData, 'internal'), currentNodeParameters: node.parameters as INode['parameters'] };
	const context = new LoadOptionsContext(workflow, workflow.getNode('NP6')!, additionalData, 'parameters');
	return await observingOperations(backend, () =>
		(method as (this: ILoadOptionsFunctions, ...args: unknown[]) => Promise<T>).call(context, ...args),
	);
}

/**
 * Runs Manual Trigger → (input items) → NP6 node through n8n-core's WorkflowExecute, with the
 * package's real node and credential classes, against a live backend over loopback.
 */
export async function runNode(
	backend: Backend,
	node: NodeUnderTest,
	inputItems: Array<IDataObject | INodeExecutionData> = [{}],
	options: RunOptions = {},
): Promise<RunResult> {
	const { nodes, error, run } = await runChain(backend, [asChainNode(node)], inputItems, options);
	return { items: nodes.NP6?.items ?? [], error: nodes.NP6?.error ?? error, run };
}

/**
 * Runs Manual Trigger → (input items) → nodes[0] → nodes[1] → … as one workflow through n8n-core's
 * WorkflowExecute, so the nodes share one process and one execution, as in n8n.
 */
export async function runChain(
	backend: Backend,
	chain: ChainNode[],
	inputItems: Array<IDataObject | INodeExecutionData> = [{}],
	options: RunOptions = {},
): Promise<ChainResult> {
	const mode: WorkflowExecuteMode = 'manual';
	const { workflowData, workflow } = workflowFor(chain);
	const additionalData = additionalDataFor(backend, workflowData, mode);

	// Pin the input items on the trigger so the first node receives exactly these.
	const pinData = { Start: inputItems.map((item) => ('json' in item ? item : { json: item })) };
	const execute = () => {
		const running = new WorkflowExecute(additionalData, mode).run({ workflow, pinData } as never);
		// As the Stop button does: n8n aborts the execution's signal; the run ends once the node gives up.
		if (options.cancelAfterMs !== undefined) setTimeout(() => running.cancel(), options.cancelAfterMs);
		return running;
	};
	// Another node's requests (e.g. an HTTP Request node's) must not pass for calls of this package's nodes.
	const onlyPackageNodes = chain.every((node) => node.type.startsWith(`${PACKAGE}.`));
	const run = onlyPackageNodes ? await observingOperations(backend, execute) : await execute();
	const { runData, error } = run.data.resultData;
	const nodes: Record<string, NodeRunResult> = {};
	for (const { name } of chain) {
		const taskData: ITaskData | undefined = runData[name]?.[0];
		if (!taskData) continue;
		nodes[name] = {
			items: taskData.data?.main?.[0] ?? [],
			error: taskData.error as RunResult['error'] | undefined,
			executionTime: taskData.executionTime,
		};
	}
	for (const node of chain) checkOrRecordOutput(node, nodes[node.name]);
	return { nodes, error: error as RunResult['error'] | undefined, run };
}

/** A package node's successful output feeds (or is checked against) its output schema: see observedOutputs. */
function checkOrRecordOutput(node: ChainNode, result: NodeRunResult | undefined): void {
	if (!node.type.startsWith(`${PACKAGE}.`) || !result || result.error || node.continueOnFail) return;
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion ?? 1) as INodeType;
	const { resource, operation } = resourceAndOperation(nodeType.description.properties, node.parameters);
	observeOutput({ node: node.type.slice(PACKAGE.length + 1), resource, operation, items: result.items.map((item) => item.json) });
}

/**
 * One poll of a polling trigger, as an active workflow (mode "trigger") or the editor's "Fetch Test
 * Event" (mode "manual") runs it: n8n-core's PollContext, with the node's static data in
 * `staticData`, which the caller keeps between polls as n8n persists it (a JSON copy models a restart).
 */
export async function pollTrigger(
	backend: Backend,
	node: NodeUnderTest,
	staticData: IDataObject,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<INodeExecutionData[] | null> {
	const chainNode = asChainNode(node);
	const { workflowData, workflow } = workflowFor([chainNode]);
	const additionalData = additionalDataFor(backend, workflowData, mode);
	const context = new PollContext(
		workflow,
		workflow.getNode('NP6')!,
		additionalData,
		mode,
		'activate',
		undefined,
		undefined,
		undefined,
		undefined,
		() => staticData,
	);
	const nodeType = nodeTypes.getByNameAndVersion(chainNode.type, 1) as INodeType;
	const result = await observingOperations(backend, async () => await nodeType.poll!.call(context));
	return result?.[0] ?? null;
}
