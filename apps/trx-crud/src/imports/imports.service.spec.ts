import { createHash } from 'node:crypto';
import { ErrorCode, ImportOptions, ImportView, MAX_IMPORT_BYTES, TransactionView } from '@finstack/contracts';
import { expectDomainError } from '../testing/expect-domain-error';
import { createLedgerTestApp, LedgerTestApp, newUserId } from '../testing/ledger-test-app';
import { TransactionEntity } from '../transactions/transaction.entity';
import { TransactionListService } from '../transactions/transaction-list.service';
import { TransactionsService } from '../transactions/transactions.service';
import { CategoriesService } from '../categories/categories.service';
import { ImportCategorizer } from './import-categorizer';
import { BATCHES_AHEAD, IMPORT_BATCH_ROWS, PARSE_SLICE_CHARS } from './import-session';
import { ImportLimits } from './import-limits';
import { ImportsService } from './imports.service';

describe('ImportsService', () => {
  let app: LedgerTestApp;
  let imports: ImportsService;
  let transactions: TransactionsService;
  let limits: ImportLimits;
  let user: string;

  beforeAll(async () => {
    app = await createLedgerTestApp();
    imports = app.get(ImportsService);
    transactions = app.get(TransactionsService);
    limits = app.get(ImportLimits);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
  });

  const optionsOf = (options: Partial<ImportOptions>): ImportOptions =>
    Object.assign(new ImportOptions(), { amountColumn: 'amount', currency: 'EUR' }, options);

  /** Sends the CSV the way the gateway does: begin, pieces of `pieceSize` characters (cut anywhere), finish. */
  async function importCsv(csv: string, options: Partial<ImportOptions> = {}, pieceSize = 7): Promise<ImportView> {
    const { importId } = await imports.begin(user, optionsOf(options), 'statement.csv');
    for (let sequence = 0; sequence * pieceSize < csv.length; sequence += 1) {
      await imports.append(user, importId, sequence, csv.slice(sequence * pieceSize, (sequence + 1) * pieceSize));
    }
    return imports.finish(user, importId);
  }

  const stored = async (): Promise<TransactionView[]> =>
    (await app.get(TransactionListService).list(user, { limit: 200 })).items.sort(
      (a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.description.localeCompare(b.description),
    );
  const countRows = () => app.dataSource.manager.countBy(TransactionEntity, { userId: user });
  const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

  describe('reads', () => {
    it.each([
      ['YYYY-MM-DD', '2025-03-14'],
      ['YYYY/MM/DD', '2025/03/14'],
      ['DD/MM/YYYY', '14/03/2025'],
      ['MM/DD/YYYY', '03/14/2025'],
      ['DD.MM.YYYY', '14.03.2025'],
      ['DD-MM-YYYY', '14-03-2025'],
    ] as const)('dates written %s', async (dateFormat, written) => {
      const view = await importCsv(csv('date,amount,description', `${written},-4.50,Coffee`), { dateFormat });
      expect(view).toMatchObject({ status: 'completed', inserted: 1, duplicates: 0, failed: [] });
      expect(await stored()).toMatchObject([{ occurredOn: '2025-03-14', amount: '-4.50', description: 'Coffee' }]);
    });

    it('amounts with a decimal comma and dots grouping thousands, separated by semicolons', async () => {
      const file = csv(
        'Datum;Betrag;Beschreibung;Händler',
        '01.03.2025;-1.234,56;Miete März;Hausverwaltung',
        '02.03.2025;"2.500,00";Gehalt;',
        '03.03.2025;-3,5;Bäcker;Kamps',
      );
      const view = await importCsv(file, {
        dateColumn: 'datum',
        amountColumn: 'BETRAG',
        descriptionColumn: ' Beschreibung ',
        merchantColumn: 'händler',
        dateFormat: 'DD.MM.YYYY',
        decimalSeparator: ',',
        delimiter: ';',
      });
      expect(view).toMatchObject({ status: 'completed', inserted: 3 });
      expect((await stored()).map(({ amount, merchant }) => [amount, merchant])).toEqual([
        ['-1234.56', 'Hausverwaltung'],
        ['2500.00', null],
        ['-3.50', 'Kamps'],
      ]);
    });

    it('amounts with a decimal point and commas grouping thousands, separated by tabs, with a BOM', async () => {
      const file = '\ufeffDate\tAmount\tDescription\tCurrency\n03/14/2025\t"-1,234.56"\tLaptop\tusd\n03/15/2025\t1500\tRefund\tJPY\n';
      const view = await importCsv(file, { currency: undefined, currencyColumn: 'currency', dateFormat: 'MM/DD/YYYY', delimiter: 'tab' });
      expect(view).toMatchObject({ status: 'completed', inserted: 2 });
      expect((await stored()).map(({ amount, currency }) => `${amount} ${currency}`)).toEqual(['-1234.56 USD', '1500 JPY']);
    });

    it('debit and credit columns: money out is negative', async () => {
      const file = csv('date,debit,credit,description', '2025-03-01,12.50,,Lunch', '2025-03-02,,1000.00,Salary', '2025-03-03,0.00,7,Cashback');
      const view = await importCsv(file, { amountColumn: undefined, debitColumn: 'debit', creditColumn: 'credit' });
      expect(view).toMatchObject({ status: 'completed', inserted: 3 });
      expect((await stored()).map((t) => t.amount)).toEqual(['-12.50', '1000.00', '7.00']);
    });

    it('rows whatever the piece boundaries, quoted fields with delimiters, quotes and line breaks included', async () => {
      const file = csv('date,amount,description', '2025-03-01,-1,"Dinner, with ""friends""\nand more"', '2025-03-02,-2,Plain');
      const view = await importCsv(file, {}, 1);
      expect(view).toMatchObject({ status: 'completed', inserted: 2 });
      expect((await stored()).map((t) => t.description)).toEqual(['Dinner, with "friends"\nand more', 'Plain']);
    });

    it('text that means something to SQL, stored exactly as written', async () => {
      const descriptions = [
        "O'Brien's Pub \\ '); DROP TABLE transactions; --",
        'What? Who?? ?? \\? \\\\',
        'tab\there, nul\u0000, ctrl-z\u001a, Grüße 😀',
      ];
      const file = csv('date,amount,merchant,description', ...descriptions.map((text, index) => `2025-03-0${index + 1},-1,"${text}?","${text}"`));
      const view = await importCsv(file, { merchantColumn: 'merchant' });
      expect(view).toMatchObject({ status: 'completed', inserted: 3, failed: [] });
      const rows = await stored();
      expect(rows.map((t) => t.description)).toEqual(descriptions);
      expect(rows.map((t) => t.merchant)).toEqual(descriptions.map((text) => `${text}?`));
    });

    it('an emoji where a piece is cut into slices for parsing, intact', async () => {
      const header = 'date,amount,description\n';
      const filler = `2025-03-01,-1,${'a'.repeat(480)}\n`;
      const fillers = Math.floor((PARSE_SLICE_CHARS - header.length) / filler.length);
      const before = `${header}${filler.repeat(fillers)}2025-03-02,-2,`;
      const description = `${'b'.repeat(PARSE_SLICE_CHARS - 1 - before.length)}${'😀'.repeat(20)}`;
      const file = `${before}${description}\n`;
      expect(file.charCodeAt(PARSE_SLICE_CHARS - 1)).toBe('😀'.charCodeAt(0)); // the slice would end between its halves

      const view = await importCsv(file, {}, file.length);
      expect(view).toMatchObject({ status: 'completed', inserted: fillers + 1 });
      expect((await stored()).at(-1)?.description).toBe(description);
    });

    it('Windows line endings, and blank lines', async () => {
      const view = await importCsv('date,amount,description\r\n2025-03-01,-1,first\r\n\r\n2025-03-02,-2,"second\r\nline"\r\n2025-03-03,x,bad\r\n', {
        skipInvalid: true,
      });
      expect(view).toMatchObject({ inserted: 2, failed: [{ line: 6, reason: expect.stringMatching(/amount "x"/) }] });
      expect((await stored()).map((t) => t.description)).toEqual(['first', 'second\r\nline']);
    });

    it('stores each transaction with its import and no category, for the classifier to find', async () => {
      const before = await transactions.create(user, { occurredOn: '2025-03-01', amount: '-1', currency: 'EUR', description: 'by hand' });
      const view = await importCsv(csv('date,amount,description,id', '2025-03-02,-2.00,Imported,bank-1'), { externalIdColumn: 'id' });

      const page = await app.get(TransactionListService).list(user, { importId: view.importId });
      expect(page.items).toEqual([
        expect.objectContaining({
          description: 'Imported',
          externalId: 'bank-1',
          importId: view.importId,
          categoryId: null,
          categorySource: 'none',
          categoryConfidence: null,
        }),
      ]);
      expect((await app.get(TransactionListService).list(user, {})).items).toHaveLength(2);
      expect(before.transaction.importId).toBeNull();
      expect(await imports.get(user, view.importId)).toEqual(view);
    });
  });

  describe('duplicates', () => {
    it('skips rows whose externalId the user already has, or that came earlier in the file', async () => {
      await transactions.create(user, { occurredOn: '2025-03-01', amount: '-1', currency: 'EUR', description: 'x', externalId: 'b-1' });
      const file = csv('date,amount,description,ref', '2025-03-01,-1,x,b-1', '2025-03-02,-2,y,b-2', '2025-03-02,-2,y again,b-2', '2025-03-03,-3,z,B-2');
      const view = await importCsv(file, { externalIdColumn: 'ref' });
      expect(view).toMatchObject({ status: 'completed', inserted: 2, duplicates: 2 });
      expect((await stored()).map((t) => t.externalId).sort()).toEqual(['B-2', 'b-1', 'b-2']);
    });

    it('finds externalIds already imported by earlier batches of the same file', async () => {
      const rows = Array.from({ length: 2500 }, (_, i) => `2025-03-01,-1,row ${i},id-${i % 1200}`);
      const view = await importCsv(csv('date,amount,description,ref', ...rows), { externalIdColumn: 'ref' }, 64 * 1024);
      expect(view).toMatchObject({ status: 'completed', inserted: 1200, duplicates: 1300 });
    });

    it('imports nothing the second time the same file comes, matching rows without externalId by content', async () => {
      const file = csv('date,amount,description', '2025-03-01,-4.50,Coffee', '2025-03-01,-4.50,Coffee', '2025-03-02,-4.50,Coffee');
      expect(await importCsv(file)).toMatchObject({ inserted: 3, duplicates: 0 });
      expect(await importCsv(file)).toMatchObject({ status: 'completed', inserted: 0, duplicates: 3 });
      expect(await countRows()).toBe(3);
    });

    it('keeps the fingerprint formula of rows imported before, so that their files still match', async () => {
      await importCsv(csv('date,amount,description', '2025-03-01,-4.50,POS  Coffee ', '2025-03-01,-4.50,pos coffee'));
      const rows = await app.dataSource.manager.find(TransactionEntity, { where: { userId: user }, order: { id: 'ASC' } });
      // The first 16 bytes of the sha256 of date|minor units|currency|normalised description|occurrence index.
      const expected = [0, 1].map((index) => createHash('sha256').update(`2025-03-01|-450|EUR|pos coffee|${index}`).digest().subarray(0, 16));
      expect(rows.map((row) => Buffer.from(row.fingerprint as Buffer).toString('hex'))).toEqual(expected.map((bytes) => bytes.toString('hex')));
    });

    it('imports two genuine identical purchases on one day, and a third one that a later file adds', async () => {
      const two = csv('date,amount,description', '2025-03-01,-4.50,Coffee', '2025-03-01,-4.5,COFFEE ');
      expect(await importCsv(two)).toMatchObject({ inserted: 2, duplicates: 0 });
      const three = csv('date,amount,description', '2025-03-01,-4.50,coffee', '2025-03-01,-4.50,Coffee', '2025-03-01,-4.50,  coffee');
      expect(await importCsv(three)).toMatchObject({ inserted: 1, duplicates: 2 });
      expect(await countRows()).toBe(3);
    });

    it('tells apart rows that differ in amount, currency or date', async () => {
      const file = csv('date,amount,description,currency', '2025-03-01,-4.50,Coffee,EUR', '2025-03-01,-4.51,Coffee,EUR', '2025-03-01,-4.50,Coffee,USD', '2025-03-02,-4.50,Coffee,EUR');
      await importCsv(file, { currencyColumn: 'currency' });
      expect(await importCsv(file, { currencyColumn: 'currency' })).toMatchObject({ inserted: 0, duplicates: 4 });
      expect(await countRows()).toBe(4);
    });

    it('is per user: another user imports the same file in full', async () => {
      const file = csv('date,amount,description,ref', '2025-03-01,-1,a,r-1', '2025-03-01,-1,b,');
      await importCsv(file, { externalIdColumn: 'ref' });
      user = newUserId();
      expect(await importCsv(file, { externalIdColumn: 'ref' })).toMatchObject({ inserted: 2, duplicates: 0 });
    });
  });

  describe('invalid rows', () => {
    const withBadRows = csv(
      'date,amount,description',
      '2025-03-01,-1.00,fine',
      '2025-02-30,-1.00,no such day',
      '2025-03-02,-1.001,too precise',
      '2025-03-03,0,zero',
      '2025-03-04,abc,not a number',
      '2025-03-05,-1.00,',
      '2025-03-06,-1,too,many',
      '2025-03-07,-2.00,also fine',
    );

    it('reject the whole import, naming each line and why, and store nothing but the record of it', async () => {
      const error = await expectDomainError(importCsv(withBadRows), ErrorCode.IMPORT_INVALID);
      expect(error.status).toBe(422);
      const view = error.details as ImportView;
      expect(view).toMatchObject({ status: 'rejected', inserted: 0, failedCount: 6 });
      expect(view.failed.map((f) => f.line)).toEqual([3, 4, 5, 6, 7, 8]);
      expect(view.failed[0].reason).toMatch(/date "2025-02-30" is not a real date/);
      expect(view.failed[1].reason).toMatch(/more decimals than EUR allows \(2\)/);
      expect(view.failed[2].reason).toMatch(/must not be zero/);
      expect(view.failed[3].reason).toMatch(/"abc" is not an amount/);
      expect(view.failed[4].reason).toMatch(/description is empty/);
      expect(view.failed[5].reason).toMatch(/4 fields/);
      expect(await countRows()).toBe(0);
      expect(await imports.get(user, view.importId)).toEqual(view);
    });

    it('are left out with skipInvalid, the valid rows imported', async () => {
      const view = await importCsv(withBadRows, { skipInvalid: true });
      expect(view).toMatchObject({ status: 'completed', inserted: 2, duplicates: 0, failedCount: 6 });
      expect((await stored()).map((t) => t.description)).toEqual(['fine', 'also fine']);
    });

    it('reject an import even when the only bad row comes after rows already written', async () => {
      const rows = Array.from({ length: 2100 }, (_, i) => `2025-03-01,-1,row ${i}`);
      const error = await expectDomainError(
        importCsv(csv('date,amount,description', ...rows, 'bad,-1,x'), {}, 16 * 1024),
        ErrorCode.IMPORT_INVALID,
      );
      expect((error.details as ImportView).failed).toEqual([{ line: 2102, reason: expect.stringMatching(/date/) }]);
      expect(await countRows()).toBe(0);
    });

    it('give the line a multi-line row starts on', async () => {
      const file = csv('date,amount,description', '2025-03-01,-1,"two\nlines"', '2025-03-02,x,bad');
      const error = await expectDomainError(importCsv(file), ErrorCode.IMPORT_INVALID);
      expect((error.details as ImportView).failed).toEqual([{ line: 4, reason: expect.any(String) }]);
    });

    it('keep the first 1000 failures and count them all', async () => {
      const rows = Array.from({ length: 1500 }, () => '2025-03-01,zero,x');
      const view = await importCsv(csv('date,amount,description', ...rows), { skipInvalid: true }, 64 * 1024);
      expect(view).toMatchObject({ inserted: 0, failedCount: 1500 });
      expect(view.failed).toHaveLength(1000);
      expect((await imports.get(user, view.importId)).failed).toHaveLength(1000);
    });
  });

  it('changes nothing in a dry run, and says what it would have done', async () => {
    await importCsv(csv('date,amount,description', '2025-03-01,-1,kept'));
    const view = await importCsv(csv('date,amount,description', '2025-03-01,-1,kept', '2025-03-02,-2,new', 'bad,-1,x'), {
      dryRun: true,
      skipInvalid: true,
    });
    expect(view).toMatchObject({ status: 'dry-run', inserted: 1, duplicates: 1, failedCount: 1 });
    expect((await stored()).map((t) => t.description)).toEqual(['kept']);
    expect(await imports.get(user, view.importId)).toMatchObject({ status: 'dry-run' });
  });

  describe('refuses', () => {
    it('options without an amount column, with both kinds, or without a currency', async () => {
      for (const options of [
        { amountColumn: undefined },
        { debitColumn: 'debit' },
        { amountColumn: undefined, debitColumn: 'debit' },
        { currency: undefined },
      ]) {
        await expectDomainError(imports.begin(user, optionsOf(options)), ErrorCode.VALIDATION_FAILED);
      }
    });

    it('a file without a column the options name, saying which columns it has', async () => {
      const error = await expectDomainError(importCsv(csv('Date,Sum,Text', '2025-03-01,-1,x')), ErrorCode.VALIDATION_FAILED);
      expect(error.message).toMatch(/no column named "amount"; its columns are "Date", "Sum", "Text"/);
      expect(error.message).toMatch(/no column named "description"/);
    });

    it('an empty file', async () => {
      await expectDomainError(importCsv(''), ErrorCode.VALIDATION_FAILED);
    });

    it('pieces out of order or twice, and goes on with the right one', async () => {
      const { importId } = await imports.begin(user, optionsOf({}));
      await imports.append(user, importId, 0, 'date,amount,description\n');
      await expectDomainError(imports.append(user, importId, 2, '2025-03-01,-1,x\n'), ErrorCode.VALIDATION_FAILED);
      await expectDomainError(imports.append(user, importId, 0, '2025-03-01,-1,x\n'), ErrorCode.VALIDATION_FAILED);
      await imports.append(user, importId, 1, '2025-03-01,-1,x\n2025-03-02,-2,y\n');
      expect(await imports.finish(user, importId)).toMatchObject({ inserted: 2 });
    });

    it('a file over 50 MB with 413, counting bytes, not characters, and forgets the import', async () => {
      const { importId } = await imports.begin(user, optionsOf({}));
      await imports.append(user, importId, 0, 'date,amount,description\n2025-03-01,-1,');
      const error = await expectDomainError(
        imports.append(user, importId, 1, 'é'.repeat(MAX_IMPORT_BYTES / 2)), // fewer characters than the cap, more bytes
        ErrorCode.PAYLOAD_TOO_LARGE,
      );
      expect(error.status).toBe(413);
      await expectDomainError(imports.finish(user, importId), ErrorCode.IMPORT_NOT_FOUND);
      expect(await countRows()).toBe(0);
    });

    it('another user’s import, in progress or finished, as not found', async () => {
      const { importId } = await imports.begin(user, optionsOf({}));
      const stranger = newUserId();
      await expectDomainError(imports.append(stranger, importId, 0, 'date,amount,description\n'), ErrorCode.IMPORT_NOT_FOUND);
      await expectDomainError(imports.finish(stranger, importId), ErrorCode.IMPORT_NOT_FOUND);
      await imports.append(user, importId, 0, 'date,amount,description\n2025-03-01,-1,x\n');
      const view = await imports.finish(user, importId);
      await expectDomainError(imports.get(stranger, importId), ErrorCode.IMPORT_NOT_FOUND);
      await expectDomainError(imports.finish(stranger, importId), ErrorCode.IMPORT_NOT_FOUND);
      expect(await imports.get(user, importId)).toEqual(view);
    });

    it('more imports at once than the limit, with 429', async () => {
      const started = [];
      for (let i = 0; i < limits.maxSessions; i += 1) {
        const owner = newUserId(); // one each: a user's own limit is tested below
        started.push({ owner, ...(await imports.begin(owner, optionsOf({}))) });
      }
      const error = await expectDomainError(imports.begin(user, optionsOf({})), ErrorCode.TOO_MANY_REQUESTS);
      expect(error.status).toBe(429);
      for (const { importId, owner } of started) await imports.finish(owner, importId).catch(() => undefined);
    });

    it('more imports of one user at once than their own limit, with 429, while slots remain for others', async () => {
      const [savedTotal, savedPerUser] = [limits.maxSessions, limits.maxSessionsPerUser];
      limits.maxSessions = 4;
      limits.maxSessionsPerUser = 1;
      try {
        const { importId } = await imports.begin(user, optionsOf({}));
        const error = await expectDomainError(imports.begin(user, optionsOf({})), ErrorCode.TOO_MANY_REQUESTS);
        expect(error.message).toBe('you have 1 import in progress, the most allowed at once; finish it or wait a minute');
        if (app.dataSource.options.type === 'mysql') {
          // Another user gets one of the slots left (on SQLite a second import would wait for the first's writes).
          const other = newUserId();
          const theirs = await imports.begin(other, optionsOf({}));
          await imports.finish(other, theirs.importId).catch(() => undefined);
        }
        await imports.finish(user, importId).catch(() => undefined);
        // Their slot is free again once the import is over.
        await imports.finish(user, (await imports.begin(user, optionsOf({}))).importId).catch(() => undefined);
      } finally {
        [limits.maxSessions, limits.maxSessionsPerUser] = [savedTotal, savedPerUser];
      }
    });
  });

  it('answers a repeated finish as the first one', async () => {
    const { importId } = await imports.begin(user, optionsOf({}));
    await imports.append(user, importId, 0, 'date,amount,description\n2025-03-01,-1,x\n');
    const [first, second] = await Promise.all([imports.finish(user, importId), imports.finish(user, importId)]);
    expect(second).toEqual(first);
    expect(await imports.finish(user, importId)).toEqual(first);
    expect(await countRows()).toBe(1);
  });

  it('rolls back and forgets an import nobody finishes, and lets other writes through again', async () => {
    const saved = limits.idleMs;
    limits.idleMs = 100;
    try {
      const { importId } = await imports.begin(user, optionsOf({}));
      const rows = Array.from({ length: 1500 }, (_, i) => `2025-03-01,-1,row ${i}`);
      await imports.append(user, importId, 0, csv('date,amount,description', ...rows)); // a batch reaches the database
      await new Promise((resolve) => setTimeout(resolve, 1000));

      await expectDomainError(imports.append(user, importId, 1, ''), ErrorCode.IMPORT_NOT_FOUND);
      await expectDomainError(imports.finish(user, importId), ErrorCode.IMPORT_NOT_FOUND);
      await transactions.create(user, { occurredOn: '2025-03-01', amount: '-1', currency: 'EUR', description: 'after' });
      expect(await countRows()).toBe(1);
      expect(await importCsv(csv('date,amount,description', '2025-03-01,-1,x'))).toMatchObject({ inserted: 1 });
    } finally {
      limits.idleMs = saved;
    }
  });

  it('rolls an import back at once when its caller aborts it, and ignores an abort of anything else', async () => {
    const { importId } = await imports.begin(user, optionsOf({}));
    const rows = Array.from({ length: 1500 }, (_, i) => `2025-03-01,-1,row ${i}`);
    await imports.append(user, importId, 0, csv('date,amount,description', ...rows)); // a batch reaches the database

    const stranger = newUserId();
    await imports.abort(stranger, importId); // not theirs: nothing happens
    await imports.append(user, importId, 1, '');

    await imports.abort(user, importId);
    await expectDomainError(imports.finish(user, importId), ErrorCode.IMPORT_NOT_FOUND);
    expect(await countRows()).toBe(0);
    await transactions.create(user, { occurredOn: '2025-03-01', amount: '-1', currency: 'EUR', description: 'after' });
    expect(await countRows()).toBe(1);
    await expect(imports.abort(user, importId)).resolves.toEqual({ importId });
  });

  it('stores each row with the category chosen for it before writing, dropping categories deleted meanwhile', async () => {
    const categories = app.get(CategoriesService);
    const kept = await categories.create(user, { name: 'Coffee', kind: 'expense' });
    const deleted = await categories.create(user, { name: 'Gone', kind: 'expense' });
    await categories.delete(user, deleted.id);
    const categorizer = app.get(ImportCategorizer);
    const asked: string[] = [];
    const original = categorizer.categorize.bind(categorizer);
    categorizer.categorize = async (_userId, rows) => {
      asked.push(...rows.map((row) => row.description));
      return rows.map((row) =>
        row.description.startsWith('coffee')
          ? { categoryId: kept.id, source: 'model' as const, confidence: 0.8, reason: 'tokens: coffee' }
          : row.description.startsWith('gone')
            ? { categoryId: deleted.id, source: 'rule' as const, confidence: 1, reason: 'rule x' }
            : undefined,
      );
    };
    try {
      await importCsv(csv('date,amount,description', '2025-03-01,-3,coffee one', '2025-03-02,-4,gone two', '2025-03-03,-5,other'));
      const rows = await stored();
      expect(rows.map((t) => [t.description, t.categoryId, t.categorySource, t.categoryConfidence, t.categoryReason])).toEqual([
        ['coffee one', kept.id, 'model', 0.8, 'tokens: coffee'],
        ['gone two', null, 'none', null, null],
        ['other', null, 'none', null, null],
      ]);
      asked.length = 0;
      await importCsv(csv('date,amount,description', '2025-04-01,-3,coffee dry'), { dryRun: true });
      expect(asked).toEqual([]); // a dry run writes nothing, so nothing is categorised
    } finally {
      categorizer.categorize = original;
    }
  });
  describe('with a slow classifier', () => {
    /** `rows` distinct data rows (no header). */
    const dataRows = (rows: number, day: string) =>
      Array.from({ length: rows }, (_, i) => `${day},-${(i % 900) + 1}.00,purchase ${i}`).join('\n') + '\n';
    let original: ImportCategorizer['categorize'];
    beforeEach(() => {
      const categorizer = app.get(ImportCategorizer);
      original = categorizer.categorize.bind(categorizer);
    });
    afterEach(() => {
      app.get(ImportCategorizer).categorize = original;
    });

    it('asks it about two batches at a time, in order, and stores every batch', async () => {
      const categorizer = app.get(ImportCategorizer);
      let atOnce = 0;
      let most = 0;
      const firstRows: string[] = [];
      categorizer.categorize = async (_userId, rows) => {
        atOnce += 1;
        most = Math.max(most, atOnce);
        firstRows.push(rows[0].description);
        await new Promise((resolve) => setTimeout(resolve, 100)); // slower than reading the next 1,000 rows
        atOnce -= 1;
        return rows.map(() => undefined);
      };
      const view = await importCsv(`date,amount,description\n${dataRows(5 * IMPORT_BATCH_ROWS, '2025-05-01')}`, {}, 512 * 1024);
      expect(view).toMatchObject({ status: 'completed', inserted: 5 * IMPORT_BATCH_ROWS });
      expect(most).toBe(2);
      expect(firstRows).toEqual([0, 1, 2, 3, 4].map((batch) => `purchase ${batch * IMPORT_BATCH_ROWS}`));
    });

    it('reads a large piece no further than a few batches ahead of the writes, so its rows do not pile up', async () => {
      const categorizer = app.get(ImportCategorizer);
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      categorizer.categorize = async (_userId, rows) => {
        await released;
        return rows.map(() => undefined);
      };
      const rows = 3 * BATCHES_AHEAD * IMPORT_BATCH_ROWS;
      const { importId } = await imports.begin(user, optionsOf({}), 'large.csv');
      let read: number | undefined;
      const appended = imports.append(user, importId, 0, `date,amount,description\n${dataRows(rows, '2025-05-05')}`);
      void appended.then((answer) => (read = answer.rowsRead));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(read).toBeUndefined(); // still waiting for room: the piece is not read to its end
      release();
      await appended;
      expect(read).toBe(rows - 1); // the last line is read at the end of the file: a "\r" could still follow
      expect(await imports.finish(user, importId)).toMatchObject({ status: 'completed', inserted: rows });
    });

    it('answers the next piece while the first batch waits for it, and holds the piece after until that batch is stored', async () => {
      const categorizer = app.get(ImportCategorizer);
      let answerFirst!: () => void;
      const firstAnswered = new Promise<void>((resolve) => (answerFirst = resolve));
      let calls = 0;
      categorizer.categorize = async (_userId, rows) => {
        calls += 1;
        if (calls === 1) await firstAnswered;
        return rows.map(() => undefined);
      };
      const { importId } = await imports.begin(user, optionsOf({}), 'slow.csv');
      // A few rows over a batch, so that the first batch is complete within the piece.
      await imports.append(user, importId, 0, `date,amount,description\n${dataRows(IMPORT_BATCH_ROWS + 10, '2025-05-02')}`);
      await imports.append(user, importId, 1, dataRows(IMPORT_BATCH_ROWS, '2025-05-03'));
      let thirdAnswered = false;
      const third = imports.append(user, importId, 2, dataRows(10, '2025-05-04')).then(() => (thirdAnswered = true));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(thirdAnswered).toBe(false);
      answerFirst();
      await third;
      expect(await imports.finish(user, importId)).toMatchObject({ status: 'completed', inserted: 2 * IMPORT_BATCH_ROWS + 20 });
    });
  });
});
