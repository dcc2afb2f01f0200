import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** What one input item produces: one output item, several, or none. */
export type ItemResult = IDataObject | IDataObject[];

export type ItemExecutor = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;

/** One resource/operation pair: the parameters it shows and what it does. */
export interface Np6Operation {
	description: INodeProperties[];
	/** Catalogue keys the operation calls (read by the catalogue coverage test). */
	catalogue: string[];
	/** NP6 marks it deprecated (API 8.1.0): a notice says so. */
	deprecated?: boolean;
	/** The operation NP6 names as its replacement: only then does its name say "(Deprecated)". */
	replacedBy?: string;
	/** Runs once per input item... */
	execute?: ItemExecutor;
	/** ...or once for all items (operations that combine items, e.g. batched adds and sends). */
	executeAll?: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;
}

/** One resource: its operation dropdown plus every operation's parameters. */
export interface Np6Resource {
	description: INodeProperties[];
	operations: Record<string, Np6Operation>;
}
