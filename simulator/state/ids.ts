import { createHash } from 'node:crypto';

/** NP6 contact ids are 8 upper-case alphanumerics ("000PKXK4"); action ids are 6. */
export function alphanumericId(counter: number, length: number): string {
	return counter.toString(36).toUpperCase().padStart(length, '0');
}

/** The contact hash is the MD5 of its unicity value, lower-case hex. */
export function contactHash(unicity: string): string {
	return createHash('md5').update(unicity).digest('hex');
}

export class Sequence {
	constructor(private next: number) {}

	take(): number {
		return this.next++;
	}
}
