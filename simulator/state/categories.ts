import { isoSeconds } from './dates';
import { Sequence } from './ids';

export interface Category {
	id: number;
	name: string;
	description: string | null;
	creationDate: string;
}

/** Action categories (older docs: names are unique, 409 on a duplicate). */
export class CategoryStore {
	readonly byId = new Map<number, Category>();
	private readonly ids = new Sequence(1234);

	/** Undefined when the name is taken. */
	create(name: string, description: string | null = null, now = new Date()): Category | undefined {
		if (this.byName(name)) return undefined;
		const category: Category = { id: this.ids.take(), name, description, creationDate: isoSeconds(now) };
		this.byId.set(category.id, category);
		return category;
	}

	/** False when another category has the name. */
	update(category: Category, name: string, description: string | null): boolean {
		const other = this.byName(name);
		if (other && other.id !== category.id) return false;
		Object.assign(category, { name, description });
		return true;
	}

	byName(name: string): Category | undefined {
		return [...this.byId.values()].find((c) => c.name === name);
	}
}
