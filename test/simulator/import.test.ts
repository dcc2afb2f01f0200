/** Imports: binding, definition, uploaded file, asynchronous execution that really imports the CSV. */
import { parseCsv } from '../../simulator/state/csv';
import { useSimulator } from '../harness/simulator';
import { httpClient } from './http';

const simulator = useSimulator();
const call = httpClient(simulator);
const fieldId = (name: string) => simulator().state.fields.byName(name)!.id;
const IMPORT = 'application/vnd.mperf.v8.import.v1+json';
const IGNORE = -10;

beforeAll(() => {
	simulator().state.imports.executionDelayMs = 50;
});

let counter = 0;

async function newFormat(binds: Array<[number, number]>, options: { startAt?: number; separator?: number } = {}) {
	const created = await call('POST', '/importFormats', {
		body: {
			name: `format ${++counter}`,
			separator: options.separator ?? 59,
			startAt: options.startAt ?? 1,
			binds: binds.map(([columnIndex, id]) => ({ columnIndex, fieldId: id })),
			savedImportFormat: true,
		},
	});
	expect(created.status).toBe(200);
	return created.json.identifier.guid as number;
}

async function newImport(binding: number, features: unknown[] = []) {
	const created = await call('POST', '/imports', { body: { name: `import ${++counter}`, binding, features, source: { type: 'file' } } });
	expect(created.status).toBe(200);
	return created.json.id as number;
}

const upload = (importId: number, file: string | Buffer, headers: Record<string, string> = {}) =>
	call('PUT', `/imports/${importId}/source`, { body: Buffer.isBuffer(file) ? file : Buffer.from(file), headers });

async function finished(importId: number) {
	for (let i = 0; i < 200; i++) {
		const execution = await call('GET', `/imports/${importId}/executions`);
		if (execution.json.state !== 0) return execution.json;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error('the execution did not finish');
}

/** Binding Email;FirstName;City with a header line, then one execution of `csv`. */
async function runImport(csv: string | Buffer, features: unknown[] = [], binds?: Array<[number, number]>) {
	const binding = await newFormat(binds ?? [[0, fieldId('Email')], [1, fieldId('FirstName')], [2, fieldId('City')]]);
	const importId = await newImport(binding, features);
	expect((await upload(importId, csv)).status).toBe(200);
	const started = await call('POST', `/imports/${importId}/executions`, { body: { binding } });
	expect(started.status).toBe(200);
	return finished(importId);
}

describe('import formats (bindings)', () => {
	test('create answers the binding with identifier.guid; get finds it', async () => {
		const body = { name: 'Binding file mail contact', separator: 59, startAt: 1, binds: [{ columnIndex: 0, fieldId: fieldId('Email') }, { columnIndex: 1, fieldId: IGNORE }], savedImportFormat: true };
		const created = await call('POST', '/importFormats', { body });
		expect(created.status).toBe(200);
		expect(created.json).toEqual({ identifier: { guid: expect.any(Number) }, ...body });
		expect((await call('GET', `/importFormats/${created.json.identifier.guid}`)).json).toEqual(created.json);
		expect((await call('POST', '/importFormats', { body })).status).toBe(409);
	});

	test('400 for a field id that is neither -10 nor a field, or a missing separator; 404 for an unknown binding', async () => {
		const binds = [{ columnIndex: 0, fieldId: 1 }];
		expect((await call('POST', '/importFormats', { body: { name: 'bad field', separator: 59, startAt: 1, binds } })).status).toBe(400);
		expect((await call('POST', '/importFormats', { body: { name: 'no separator', startAt: 1, binds: [{ columnIndex: 0, fieldId: IGNORE }] } })).status).toBe(400);
		expect((await call('GET', '/importFormats/999999')).status).toBe(404);
	});
});

describe('import definitions', () => {
	test('create, get, list, update, delete, in the import media type', async () => {
		const binding = await newFormat([[0, fieldId('Email')]]);
		const created = await call('POST', '/imports', { body: { id: null, name: 'Import Contacts', binding, features: [{ type: 'database', updateExisting: true, crushData: false }] } });
		expect(created.status).toBe(200);
		expect(created.headers['content-type']).toBe(IMPORT);
		expect(created.json).toMatchObject({ id: expect.any(Number), name: 'Import Contacts', binding, updateDate: null, source: { type: 'file', filename: null } });
		const path = `/imports/${created.json.id}`;
		expect((await call('GET', path)).json).toEqual(created.json);
		expect((await call('GET', '/imports')).json).toContainEqual(created.json);
		const updated = await call('PUT', path, { body: { name: 'Import Contacts (renamed)' } });
		expect(updated.headers['content-type']).toBe(IMPORT);
		expect(updated.json).toMatchObject({ name: 'Import Contacts (renamed)', binding, updateDate: expect.any(String) });
		expect((await call('DELETE', path)).status).toBe(204);
		expect((await call('GET', path)).status).toBe(404);
	});

	test('400 without a name or with an unknown feature type; 404 for an unknown binding or import', async () => {
		expect((await call('POST', '/imports', { body: { binding: null } })).status).toBe(400);
		expect((await call('POST', '/imports', { body: { name: 'odd', features: [{ type: 'magic' }] } })).status).toBe(400);
		expect((await call('POST', '/imports', { body: { name: 'unbound', binding: 999999 } })).status).toBe(404);
		expect((await call('PUT', '/imports/999999', { body: { name: 'ghost' } })).status).toBe(404);
		expect((await call('DELETE', '/imports/999999')).status).toBe(404);
	});
});

describe('source upload', () => {
	test('stores the file under a random prefix, named by Content-Disposition or "source.csv"', async () => {
		const importId = await newImport(await newFormat([[0, fieldId('Email')]]));
		const named = await upload(importId, 'email\na@example.com', { 'content-disposition': 'form-data; filename=filename.csv' });
		expect(named.status).toBe(200);
		expect(named.headers['content-type']).toBe(IMPORT);
		expect(named.json).toEqual({ type: 'file', creationDate: expect.any(String), updateDate: expect.any(String), filename: expect.stringMatching(/^[0-9a-f]{10}_filename\.csv$/) });
		const unnamed = await upload(importId, 'email\nb@example.com');
		expect(unnamed.json.filename).toMatch(/^[0-9a-f]{10}_source\.csv$/);
		expect((await call('GET', `/imports/${importId}`)).json.source).toEqual(unnamed.json);
	});

	test('415 for JSON, 404 for an unknown import', async () => {
		const importId = await newImport(await newFormat([[0, fieldId('Email')]]));
		expect((await call('PUT', `/imports/${importId}/source`, { body: { email: 'x' } })).status).toBe(415);
		expect((await upload(999999, 'email\nx@example.com')).status).toBe(404);
	});
});

describe('executions', () => {
	test('state 0 right after the POST, with the binding and features it runs with; then 1', async () => {
		// Long enough that the reads below happen while it runs, even on a loaded machine.
		simulator().state.imports.executionDelayMs = 1000;
		const binding = await newFormat([[0, fieldId('Email')], [1, IGNORE]]);
		const features = [{ type: 'database', updateExisting: true, crushData: false }];
		const importId = await newImport(binding, features);
		await upload(importId, 'email;ignored\nstate.zero@example.com;x\n');
		const started = await call('POST', `/imports/${importId}/executions`, { body: { binding } });
		expect(started.status).toBe(200);
		expect(started.headers['content-type']).toBe(IMPORT);
		expect(started.json).toMatchObject({
			startDate: expect.any(String),
			state: 0,
			content: { features, identifier: { guid: binding }, separator: 59, startAt: 1, binds: [{ columnIndex: 0, fieldId: fieldId('Email') }, { columnIndex: 1, fieldId: IGNORE }] },
			source: { type: 'file' },
		});
		expect((await call('GET', `/imports/${importId}/executions`)).json).toMatchObject({ state: 0 });
		expect((await call('POST', `/imports/${importId}/executions`, { body: { binding } })).status).toBe(409);
		expect(await finished(importId)).toMatchObject({ state: 1, rows: 1, created: 1, updated: 0, skipped: 0, errors: [], endDate: expect.any(String) });
		expect(simulator().state.contacts.find({ unicity: 'state.zero@example.com' })).toBeDefined();
	});

	test('404 for an unknown import or before any execution; 409 without an uploaded file', async () => {
		const binding = await newFormat([[0, fieldId('Email')]]);
		const importId = await newImport(binding);
		expect((await call('GET', `/imports/${importId}/executions`)).status).toBe(404);
		expect((await call('POST', `/imports/${importId}/executions`, { body: { binding } })).status).toBe(409);
		expect((await call('POST', '/imports/999999/executions', { body: { binding } })).status).toBe(404);
		expect((await call('GET', '/imports/999999/executions')).status).toBe(404);
	});

	test('a 1,000-row file reaches state 1 quickly, with every contact present', async () => {
		const lines = ['email;first name;city'];
		for (let i = 0; i < 1000; i++) lines.push(`bulk.${i}@example.com;Person ${i};${i % 2 ? 'Lyon' : 'Paris'}`);
		const started = Date.now();
		const report = await runImport(lines.join('\r\n') + '\r\n');
		expect(Date.now() - started).toBeLessThan(3000);
		expect(report).toMatchObject({ state: 1, rows: 1000, created: 1000, updated: 0, skipped: 0, errors: [] });
		for (let i = 0; i < 1000; i++) {
			const contact = simulator().state.contacts.find({ unicity: `bulk.${i}@example.com` });
			expect(contact?.fields[fieldId('FirstName')]).toBe(`Person ${i}`);
		}
	});

	test('rows with errors are reported by line and skipped; the others are imported', async () => {
		const csv = ['email;first name;city', 'good.1@example.com;Ana;Lyon', 'not-an-email;Bob;Paris', ';NoEmail;Nice', 'good.2@example.com;Cid;Brest'].join('\n');
		const report = await runImport(csv);
		expect(report).toMatchObject({ state: 1, rows: 4, created: 2 });
		expect(report.errors).toEqual([
			{ line: 3, reason: 'invalid value for field "Email"' },
			{ line: 4, reason: 'no unicity value' },
		]);
		expect(simulator().state.contacts.find({ unicity: 'good.2@example.com' })).toBeDefined();
		expect(simulator().state.contacts.find({ unicity: 'not-an-email' })).toBeUndefined();
	});

	test('quoted cells: separators, doubled quotes and line breaks inside quotes', async () => {
		const csv = 'email;first name;city\n"quoted@example.com";"Anne ""Nan"" Marie";"Saint-Denis; Réunion"\n"multi@example.com";"two\nlines";Lyon\n';
		const report = await runImport(csv);
		expect(report).toMatchObject({ state: 1, created: 2, errors: [] });
		const quoted = simulator().state.contacts.find({ unicity: 'quoted@example.com' })!;
		expect(quoted.fields[fieldId('FirstName')]).toBe('Anne "Nan" Marie');
		expect(quoted.fields[fieldId('City')]).toBe('Saint-Denis; Réunion');
		expect(simulator().state.contacts.find({ unicity: 'multi@example.com' })!.fields[fieldId('FirstName')]).toBe('two\nlines');
	});

	test('existing contacts: updated by default, skipped with database.updateExisting false', async () => {
		simulator().state.contacts.create({ [fieldId('Email')]: 'exists@example.com', [fieldId('City')]: 'Paris' });
		const skipped = await runImport('email;first name;city\nexists@example.com;Eve;Lille\n', [{ type: 'database', updateExisting: false }]);
		expect(skipped).toMatchObject({ state: 1, created: 0, updated: 0, skipped: 1 });
		expect(simulator().state.contacts.find({ unicity: 'exists@example.com' })!.fields[fieldId('City')]).toBe('Paris');
		const updated = await runImport('email;first name;city\nexists@example.com;Eve;Lille\n');
		expect(updated).toMatchObject({ state: 1, created: 0, updated: 1, skipped: 0 });
		expect(simulator().state.contacts.find({ unicity: 'exists@example.com' })!.fields[fieldId('City')]).toBe('Lille');
	});

	test('segmentation adds the imported contacts to a static segment, emptied first when asked', async () => {
		const { segments, contacts } = simulator().state;
		const segment = segments.create({ type: 'static', name: 'Imported' })!;
		const old = contacts.create({ [fieldId('Email')]: 'old.member@example.com' });
		if (old.ok) segments.add(segment, old.contact.id);
		await runImport('email;first name;city\nseg.1@example.com;A;Lyon\nseg.2@example.com;B;Lyon\n', [
			{ type: 'segmentation', segmentId: segment.id, emptyExisitingSegment: true },
		]);
		const members = segments.memberIds(segment).map((id) => contacts.byId.get(id)!.unicity);
		expect(members).toEqual(['seg.1@example.com', 'seg.2@example.com']);
	});

	test('state 2 when the file cannot be parsed, has no unicity column, or no row could be imported', async () => {
		const unclosed = await runImport('email;first name;city\n"broken@example.com;Ann;Lyon\n');
		expect(unclosed).toMatchObject({ state: 2, created: 0, errors: [{ line: 0, reason: expect.any(String) }] });
		const notText = await runImport(Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x81]));
		expect(notText.state).toBe(2);
		const noUnicity = await runImport('first name;city\nAnn;Lyon\n', [], [[0, fieldId('FirstName')], [1, fieldId('City')]]);
		expect(noUnicity).toMatchObject({ state: 2, errors: [{ line: 0, reason: 'no column is bound to the unicity field' }] });
		expect(simulator().state.contacts.find({ unicity: 'broken@example.com' })).toBeUndefined();
		const allBad = await runImport('email;first name;city\nnope;A;B\nnada;C;D\n');
		expect(allBad).toMatchObject({ state: 2, rows: 2, created: 0, errors: [{ line: 2 }, { line: 3 }] });
	});
});

describe('mandatory fields', () => {
	test('a new contact without a value for a mandatory field is rejected by line; an existing one is updated without it', async () => {
		const { fields, contacts } = simulator().state;
		const company = fields.addField({ type: 'textField', name: 'Company', isUnicity: false, isMandatory: true });
		try {
			contacts.create({ [fieldId('Email')]: 'mandatory.old@example.com' });
			const binds: Array<[number, number]> = [[0, fieldId('Email')], [1, fieldId('City')], [2, company.id]];
			const report = await runImport('email;city;company\nmandatory.old@example.com;Lyon;\nmandatory.new@example.com;Nice;\nmandatory.ok@example.com;Brest;Acme\n', [], binds);
			expect(report).toMatchObject({ state: 1, rows: 3, created: 1, updated: 1 });
			expect(report.errors).toEqual([{ line: 3, reason: 'no value for mandatory field "Company"' }]);
			expect(contacts.find({ unicity: 'mandatory.old@example.com' })!.fields[fieldId('City')]).toBe('Lyon');
			expect(contacts.find({ unicity: 'mandatory.new@example.com' })).toBeUndefined();
		} finally {
			fields.fields.delete(company.id);
		}
	});
});

describe('parseCsv', () => {
	test('separators, quotes, line ends and blank lines', () => {
		expect(parseCsv('a;b;\r\n\r\n"c;""d""";e\rf', ';')).toEqual([
			{ line: 1, cells: ['a', 'b', ''] },
			{ line: 3, cells: ['c;"d"', 'e'] },
			{ line: 4, cells: ['f'] },
		]);
		expect(parseCsv('"a\nb",c\nd,e', ',')).toEqual([
			{ line: 1, cells: ['a\nb', 'c'] },
			{ line: 3, cells: ['d', 'e'] },
		]);
	});

	test('broken quoting is unparseable', () => {
		expect(parseCsv('"open;b\n', ';')).toBeUndefined();
		expect(parseCsv('"closed"trailing;b\n', ';')).toBeUndefined();
	});
});
