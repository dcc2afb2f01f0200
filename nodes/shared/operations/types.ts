import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** What one input item produces: one output item, several, or none. */
export type ItemResult = IDataObject | IDataObject[];

export type ItemExecutor = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;

/** One resource/operation pair: the parameters it shows and what it does for each item. */
export interface Np6Operation {
	description: INodeProperties[];
	execute: ItemExecutor;
}

/** One resource: its operation dropdown plus every operation's parameters. */
export interface Np6Resource {
	description: INodeProperties[];
	operations: Record<string, Np6Operation>;
}
