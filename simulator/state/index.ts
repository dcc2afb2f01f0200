import { ContactStore } from './contacts';
import { FieldStore } from './fields';

/** Everything the simulated NP6 account holds. Later sections add their stores here. */
export class Np6State {
	readonly fields = new FieldStore();
	readonly contacts = new ContactStore(this.fields);
}
