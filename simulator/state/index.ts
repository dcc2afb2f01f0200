import { ActionStore } from './actions';
import { AnswerOrder } from './answerOrder';
import { AnswerShape } from './answerShape';
import { ApplicationStore } from './applications';
import { CampaignStore } from './campaigns';
import { CategoryStore } from './categories';
import { CompilableStore } from './compilables';
import { ContactStore } from './contacts';
import { DeliveryLog } from './deliveries';
import { DisplayStore } from './display';
import { EventStore } from './events';
import { FieldStore } from './fields';
import { GroupStore } from './groups';
import { ImportStore } from './imports';
import { MarketingPressureStore } from './marketingPressure';
import { NotificationStore } from './notifications';
import { SegmentStore } from './segments';
import { SubscriptionStore } from './subscriptions';
import { WebtaskStore } from './webtasks';
import { WorkflowStore } from './workflows';

/** Everything the simulated NP6 account holds. Later sections add their stores here. */
export class Np6State {
	readonly fields = new FieldStore();
	readonly contacts = new ContactStore(this.fields);
	readonly segments = new SegmentStore(this.contacts);
	readonly imports = new ImportStore(this);
	readonly subscriptions = new SubscriptionStore(this.contacts);
	readonly applications = new ApplicationStore();
	readonly categories = new CategoryStore();
	readonly actions = new ActionStore();
	readonly notifications = new NotificationStore();
	readonly campaigns = new CampaignStore();
	readonly marketingPressure = new MarketingPressureStore();
	/** Groups of platform users (legacy section). */
	readonly groups = new GroupStore();
	readonly display = new DisplayStore();
	readonly workflows = new WorkflowStore();
	readonly webtasks = new WebtaskStore();
	readonly compilables = new CompilableStore();
	/** Every event NP6 publishes (sends add theirs; tests inject feedback and display activations). */
	readonly events = new EventStore();
	/** Every message sent, to any channel. */
	readonly deliveries = new DeliveryLog(this.events);
	/** The order of batched answers' entries, which NP6 does not promise. */
	readonly answerOrder = new AnswerOrder();
	/** Which of two documented shapes an answer takes, where NP6 may send either. */
	readonly answerShape = new AnswerShape();
}
