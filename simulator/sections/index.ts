import type { SectionHandlers } from '../core/types';
import type { Np6State } from '../state';
import { contactSection } from './contact';
import { fieldSection } from './field';
import { importSection } from './import';
import { segmentSection } from './segment';
import { subscriptionSection } from './subscription';
import { valueListSection } from './valueList';

/** Every implemented catalogue section. A new section is one file plus one line here. */
export const sections: Array<(state: Np6State) => SectionHandlers> = [
	fieldSection,
	contactSection,
	valueListSection,
	segmentSection,
	importSection,
	subscriptionSection,
];
