import { clearObservedOperations } from './observedOperations';
import { clearOutputSamples } from './observedOutputs';

/** Jest's globalSetup: each run records the operations its engine tests call (and, when asked, their outputs) afresh. */
export default function globalSetup(): void {
	clearObservedOperations();
	if (process.env.NP6_RECORD_OUTPUTS === '1') clearOutputSamples();
}
