import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator';

/** A fresh simulator per test file, stopped afterwards. */
export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
	let simulator: Simulator | undefined;
	beforeAll(async () => {
		simulator = await startSimulator(options);
	});
	afterAll(async () => {
		await simulator?.close();
	});
	return () => {
		if (!simulator) throw new Error('simulator not started');
		return simulator;
	};
}
