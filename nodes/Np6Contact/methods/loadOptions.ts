import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { contactFields } from '../../shared/np6/fields';
import { hasCredential } from '../../shared/transport/runContext';

/** Contact fields as options (for lists inside collections, where pickers do not fit). */
export async function getFieldOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!(await hasCredential(this))) return [];
	const fields = await contactFields.call(this);
	return fields
		.map((f) => ({ name: f.isUnicity ? `${f.name} (unicity)` : f.name, value: String(f.id), description: f.type }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
