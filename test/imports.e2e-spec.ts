import { ApiClient, backendFromEnv, newSession, Session, Stack, startStack, waitUntil } from '@finstack/testing';

const backend = backendFromEnv();

interface ImportView {
  importId: string;
  status: string;
  inserted: number;
  duplicates: number;
  failed: Array<{ line: number; reason: string }>;
}

interface Transaction {
  occurredOn: string;
  amount: string;
  description: string;
  externalId: string | null;
  importId: string | null;
  categoryId: string | null;
}

const BANK_CSV = [
  'Booking date;Payee;Amount;Reference',
  '01.03.2025;REWE Markt 1234 Berlin;-23,45;r-1',
  '01.03.2025;Coffee Fellows;-3,20;',
  '01.03.2025;Coffee Fellows;-3,20;',
  '02.03.2025;Arbeitgeber GmbH Gehalt;2.500,00;r-2',
  '03.03.2025;NETFLIX.COM;-12,99;',
].join('\n');

const BANK_OPTIONS =
  'dateColumn=Booking%20date&descriptionColumn=Payee&amountColumn=Amount&externalIdColumn=Reference' +
  '&dateFormat=DD.MM.YYYY&decimalSeparator=,&delimiter=;&currency=EUR';

describe(`CSV imports (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let user: Session;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'imports' });
    api = new ApiClient(stack.baseUrl);
    user = await newSession(api);
  });
  afterAll(() => stack?.stop());

  const upload = (session: Session, csv: string, query: string) =>
    api.post<ImportView>(`/api/v1/imports?${query}`, undefined, {
      token: session.accessToken,
      rawBody: csv,
      headers: { 'content-type': 'text/csv' },
    });
  const transactions = async (session: Session, query = '') =>
    (await api.get<{ items: Transaction[] }>(`/api/v1/transactions?limit=200${query}`, { token: session.accessToken })).body.items;

  it('imports a bank export, keeps identical purchases on one day, and categorises the rows', async () => {
    const first = await upload(user, BANK_CSV, BANK_OPTIONS);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'completed', inserted: 5, duplicates: 0, failed: [] });
    const rows = await transactions(user, `&importId=${first.body.importId}`);
    expect(rows).toHaveLength(5);
    expect(rows.filter((t) => t.description === 'Coffee Fellows')).toHaveLength(2);
    expect(rows.find((t) => t.externalId === 'r-2')).toMatchObject({ occurredOn: '2025-03-02', amount: '2500.00' });
    expect(rows.find((t) => t.description === 'NETFLIX.COM')?.categoryId).not.toBeNull();

    const fetched = await api.get<ImportView>(`/api/v1/imports/${first.body.importId}`, { token: user.accessToken });
    expect(fetched.body).toMatchObject({ importId: first.body.importId, inserted: 5 });
  });

  it('inserts nothing when the same file is imported again', async () => {
    const before = (await transactions(user)).length;
    const again = await upload(user, BANK_CSV, BANK_OPTIONS);
    expect(again.body).toMatchObject({ status: 'completed', inserted: 0, duplicates: 5 });
    expect((await transactions(user)).length).toBe(before);
  });

  it('reads debit and credit columns and a multipart upload', async () => {
    const csv = 'date,text,out,in\n2025-05-01,Rent May,950.00,\n2025-05-02,Refund,,19.99\n';
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'may.csv');
    const response = await fetch(
      `${stack.baseUrl}/api/v1/imports?descriptionColumn=text&debitColumn=out&creditColumn=in&currency=GBP`,
      { method: 'POST', headers: { authorization: `Bearer ${user.accessToken}` }, body: form },
    );
    const body = (await response.json()) as ImportView;
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ inserted: 2, failed: [] });
    const amounts = (await transactions(user, `&importId=${body.importId}`)).map((t) => t.amount).sort();
    expect(amounts).toEqual(['-950.00', '19.99']);
  });

  it('imports nothing from a file with invalid rows, unless told to skip them', async () => {
    const csv = 'date,description,amount\n2025-06-01,Good row,-1.00\n2025-06-31,Impossible date,-2.00\n2025-06-02,,-3.00\n2025-06-03,Too precise,-1.005\n';
    const options = 'amountColumn=amount&currency=EUR';
    const before = (await transactions(user)).length;
    const rejected = await upload(user, csv, options);
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({ code: 'IMPORT_INVALID' });
    const failed = (rejected.body as unknown as { details: ImportView }).details.failed;
    expect(failed.map((f) => f.line)).toEqual([3, 4, 5]);
    expect((await transactions(user)).length).toBe(before);

    const skipped = await upload(user, csv, `${options}&skipInvalid=true`);
    expect(skipped.body).toMatchObject({ status: 'completed', inserted: 1 });
    expect(skipped.body.failed).toHaveLength(3);
  });

  it('changes nothing on a dry run', async () => {
    const other = await newSession(api, 'dry');
    const dry = await upload(other, BANK_CSV, `${BANK_OPTIONS}&dryRun=true`);
    expect(dry.body).toMatchObject({ status: 'dry-run', inserted: 5 });
    expect(await transactions(other)).toEqual([]);
  });

  it('refuses a file over 50 MB with 413 and imports none of it', async () => {
    const big = await newSession(api, 'big');
    const line = '2025-01-01,A purchase with a long enough description to fill the file quickly,-1.00\n';
    const csv = `date,description,amount\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length) + 10)}`;
    const response = await upload(big, csv, 'amountColumn=amount&currency=EUR');
    expect(response.status).toBe(413);
    expect(await transactions(big)).toEqual([]);
  });

  it('refuses bad options with a 400 naming them', async () => {
    expect((await upload(user, BANK_CSV, 'amountColumn=Amount')).status).toBe(400); // no currency
    expect((await upload(user, BANK_CSV, 'currency=EUR&dateFormat=someday')).status).toBe(400);
    expect((await upload(user, BANK_CSV, 'currency=EUR&amountColumn=a&debitColumn=b&creditColumn=c')).status).toBe(400);
  });

  it('keeps another user’s imports out of reach (404)', async () => {
    const mine = await upload(user, 'date,description,amount\n2025-07-01,Mine,-1.00\n', 'amountColumn=amount&currency=EUR');
    const other = await newSession(api, 'nosy');
    expect((await api.get(`/api/v1/imports/${mine.body.importId}`, { token: other.accessToken })).status).toBe(404);
    expect(await transactions(other, `&importId=${mine.body.importId}`)).toEqual([]);
  });

  it('applies an import whole or not at all, even when trx-crud dies in the middle', async () => {
    const victim = await newSession(api, 'victim');
    const header = 'date,description,amount\n';
    const rows = Array.from({ length: 40_000 }, (_, i) => `2025-08-01,Row ${i},-1.00\n`).join('');
    const encoder = new TextEncoder();
    let sent = 0;
    // Sends the file slowly, so the ledger is killed while rows of it are already inserted.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 0) controller.enqueue(encoder.encode(header));
        const piece = rows.slice(sent, sent + 64 * 1024);
        sent += piece.length;
        if (piece.length === 0) return controller.close();
        await new Promise((resolve) => setTimeout(resolve, 20));
        controller.enqueue(encoder.encode(piece));
      },
    });
    const request = fetch(`${stack.baseUrl}/api/v1/imports?amountColumn=amount&currency=EUR`, {
      method: 'POST',
      headers: { authorization: `Bearer ${victim.accessToken}`, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await stack.trxCrud!.kill();
    const response = await request.catch(() => undefined);
    expect(response?.status ?? 503).toBeGreaterThanOrEqual(500);
    await stack.trxCrud!.start();
    // The gateway may drop the connection the cut-off upload came on; ask again on a fresh one.
    let after: Transaction[] | undefined;
    await waitUntil('the ledger to answer again', async () => Array.isArray((after = await transactions(victim))));
    expect(after).toEqual([]);
  });
});
