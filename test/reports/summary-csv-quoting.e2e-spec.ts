import { backend, ReportUser, useReportStack } from './report-test-helpers';

/** Category names are typed by people and land in spreadsheets: they must survive CSV and never run as formulas. */
describe(`the summary as CSV (${backend})`, () => {
  const { newUser, api } = useReportStack('rep_csv');
  let user: ReportUser;

  beforeAll(async () => {
    user = await newUser();
    await user.add(
      { occurredOn: '2025-05-02', amount: '-30.00', category: '=HYPERLINK("http://evil.example","Click")' },
      { occurredOn: '2025-05-03', amount: '-20.00', category: 'Food, "fancy" stuff' },
      { occurredOn: '2025-05-04', amount: '-10.00', category: '+Plus and -minus' },
      { occurredOn: '2025-05-05', amount: '-5.50', category: 'Two\nlines' },
      { occurredOn: '2025-05-06', amount: '1000.00', category: 'Income' },
    );
  });

  it('is a text/csv attachment named after the period and currency', async () => {
    const response = await user.get('summary.csv?from=2025-05-01&to=2025-06-30');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="summary-2025-05-01-2025-06-30-EUR.csv"');
    expect(response.body).toBe(
      'key,label,currency,spent,received,net,count\r\n' +
        '2025-05,2025-05,EUR,65.50,1000.00,934.50,5\r\n' +
        '2025-06,2025-06,EUR,0.00,0.00,0.00,0\r\n' +
        ',Total,EUR,65.50,1000.00,934.50,5\r\n',
    );
  });

  it('quotes as RFC 4180 asks and defuses formulas, leaving amounts as numbers', async () => {
    const response = await user.get<string>('summary.csv?from=2025-05-01&to=2025-05-31&groupBy=category');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="summary-by-category-2025-05-01-2025-05-31-EUR.csv"',
    );
    const id = (name: string) => user.categoryId(name);
    expect(response.body).toBe(
      'key,label,currency,spent,received,net,count\r\n' +
        `${await id('=HYPERLINK("http://evil.example","Click")')},"'=HYPERLINK(""http://evil.example"",""Click"")",EUR,30.00,0.00,-30.00,1\r\n` +
        `${await id('Food, "fancy" stuff')},"Food, ""fancy"" stuff",EUR,20.00,0.00,-20.00,1\r\n` +
        `${await id('+Plus and -minus')},'+Plus and -minus,EUR,10.00,0.00,-10.00,1\r\n` +
        `${await id('Two\nlines')},"Two\nlines",EUR,5.50,0.00,-5.50,1\r\n` +
        `${await id('Income')},Income,EUR,0.00,1000.00,1000.00,1\r\n` +
        ',Total,EUR,65.50,1000.00,934.50,5\r\n',
    );
  });

  it('refuses bad input in the same JSON error shape as every route', async () => {
    const response = await user.get('summary.csv?from=2025-06-01&to=2025-05-01');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'from (2025-06-01) must not be after to (2025-05-01)' });
  });

  it('needs a token', async () => {
    expect((await api().get('/api/v1/reports/summary.csv')).status).toBe(401);
  });
});
