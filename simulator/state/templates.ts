import type { Contact } from './contacts';
import type { FieldStore } from './fields';

/**
 * SIMULATOR CONVENTION, not NP6's templating language (undocumented): `{{Name}}` is replaced by the
 * value of `data.Name` sent with the request, else by the contact's value for the field named Name,
 * else by nothing.
 */
export function personalise(
	template: string,
	fields: FieldStore,
	contact: Contact,
	data: Record<string, unknown> = {},
): string {
	return template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (_, name: string) => {
		const field = fields.byName(name);
		const value = name in data ? data[name] : field ? contact.fields[String(field.id)] : undefined;
		return value === undefined || value === null ? '' : String(value);
	});
}

/** The targets of the `href` attributes of an HTML document, in order. */
export function linksOf(html: string): string[] {
	return [...html.matchAll(/href\s*=\s*["']([^"']*)["']/gi)].map((match) => match[1]);
}
