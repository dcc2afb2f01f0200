import { ContactStore } from './contacts';
import { FieldStore } from './fields';
import { ImportStore } from './imports';
import { SegmentStore } from './segments';
import { SubscriptionStore } from './subscriptions';

/** Everything the simulated NP6 account holds. Later sections add their stores here. */
export class Np6State {
	readonly fields = new FieldStore();
	readonly contacts = new ContactStore(this.fields);
	readonly segments = new SegmentStore(this.contacts);
	readonly imports = new ImportStore(this);
	readonly subscriptions = new SubscriptionStore(this.contacts);
}
