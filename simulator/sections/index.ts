import type { SectionHandlers } from '../core/types';
import type { Np6State } from '../state';
import { actionSection } from './action';
import { actionEventsSection } from './actionEvents';
import { actionSendingSection } from './actionSending';
import { archiveSection } from './archive';
import { campaignEventsSection } from './campaignEvents';
import { categorySection } from './category';
import { contactSection } from './contact';
import { contactEventsSection } from './contactEvents';
import { displayEventsSection } from './displayEvents';
import { fieldSection } from './field';
import { importSection } from './import';
import { notificationSection } from './notification';
import { notificationEventsSection } from './notificationEvents';
import { segmentSection } from './segment';
import { statisticsSection } from './statistics';
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
	actionSection,
	actionSendingSection,
	notificationSection,
	archiveSection,
	categorySection,
	statisticsSection,
	actionEventsSection,
	notificationEventsSection,
	displayEventsSection,
	contactEventsSection,
	campaignEventsSection,
];
