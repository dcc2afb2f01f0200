import type { SectionHandlers } from '../core/types';
import type { Np6State } from '../state';
import { actionSection } from './action';
import { actionEventsSection } from './actionEvents';
import { actionSendingSection } from './actionSending';
import { applicationSection } from './application';
import { archiveSection } from './archive';
import { campaignSection } from './campaign';
import { campaignEventsSection } from './campaignEvents';
import { categorySection } from './category';
import { compilableSection } from './compilable';
import { contactSection } from './contact';
import { contactEventsSection } from './contactEvents';
import { displayEventsSection } from './displayEvents';
import { fieldSection } from './field';
import { groupSection } from './group';
import { importSection } from './import';
import { marketingPressureSection } from './marketingPressure';
import { notificationSection } from './notification';
import { notificationEventsSection } from './notificationEvents';
import { segmentSection } from './segment';
import { statisticsSection } from './statistics';
import { subscriptionSection } from './subscription';
import { timeZoneSection } from './timeZone';
import { valueListSection } from './valueList';
import { webtaskSection } from './webtask';
import { workflowSection } from './workflow';

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
	applicationSection,
	marketingPressureSection,
	groupSection,
	timeZoneSection,
	campaignSection,
	workflowSection,
	webtaskSection,
	compilableSection,
];
