/** Acceptance: under injected faults, sending to 500 contacts delivers nothing twice and loses no item. */
import { sendUnderFaults } from '../../bench/sendUnderFaults';

test('500 sends under 429 bursts, 503s and resets after delivery: 0 duplicates, every item sent or "unknown outcome", none dropped', async () => {
	const figures = await sendUnderFaults(500, 10);
	console.log(`send under faults: ${JSON.stringify(figures)}`);
	expect(figures.duplicateDeliveries).toBe(0);
	expect(figures.dropped).toBe(0);
	expect(figures.otherErrors).toBe(0);
	expect(figures.sent + figures.unknownOutcome).toBe(500);
	expect(figures.sentWithoutExactlyOneDelivery).toBe(0);
	// The faults really happened: some requests were refused and some answers were lost.
	expect(figures.refused429).toBeGreaterThan(0);
	expect(figures.answersLost).toBeGreaterThan(0);
	expect(figures.unknownOutcome).toBeGreaterThan(0);
});
