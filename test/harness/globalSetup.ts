import { clearObservedOperations } from './observedOperations';

/** Jest's globalSetup: each run records the operations its engine tests call afresh. */
export default function globalSetup(): void {
	clearObservedOperations();
}
