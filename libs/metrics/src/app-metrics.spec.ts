import { AppMetrics } from './app-metrics';

/** The value of one series in the exposition text (its labels in any order), or undefined. */
function valueOf(body: string, series: string): number | undefined {
  const [, name, labels] = /^([a-z_0-9]+)\{(.*)\}$/.exec(series)!;
  const wanted = labels.split(',').sort().join(',');
  for (const line of body.split('\n')) {
    const match = /^([a-z_0-9]+)\{(.*)\} (\S+)$/.exec(line);
    if (match && match[1] === name && match[2].split(',').sort().join(',') === wanted) return Number(match[3]);
  }
  return undefined;
}

describe('AppMetrics: what the dashboard reads per route, per pattern and per queue', () => {
  it('exports the last minute’s p99 per route and per pattern beside the histograms', async () => {
    const metrics = new AppMetrics('gateway');
    for (let i = 1; i <= 100; i++) metrics.observeHttp({ method: 'GET', route: '/api/v1/transactions', status: '200' }, i / 1000);
    metrics.observeHttp({ method: 'POST', route: '/api/v1/var/analyses', status: '202' }, 0.3);
    for (let i = 1; i <= 100; i++) metrics.observeRpc({ pattern: 'ledger.transaction.list', outcome: 'ok' }, i / 100);
    const { body } = await metrics.scrape();

    const listP99 = valueOf(body, 'finstack_http_request_p99_seconds{method="GET",route="/api/v1/transactions",app="gateway"}');
    expect(listP99).toBeGreaterThanOrEqual(0.098);
    expect(listP99).toBeLessThanOrEqual(0.1);
    expect(valueOf(body, 'finstack_http_request_p99_seconds{method="POST",route="/api/v1/var/analyses",app="gateway"}')).toBeCloseTo(0.3);
    expect(valueOf(body, 'finstack_rpc_handling_p99_seconds{pattern="ledger.transaction.list",app="gateway"}')).toBeGreaterThanOrEqual(0.98);
    // The histograms still count every request, with their status and outcome.
    expect(valueOf(body, 'finstack_http_request_duration_seconds_count{method="GET",route="/api/v1/transactions",status="200",app="gateway"}')).toBe(100);
    expect(valueOf(body, 'finstack_rpc_handling_duration_seconds_count{pattern="ledger.transaction.list",outcome="ok",app="gateway"}')).toBe(100);
  });

  it('reads a job queue’s waiting and active jobs at each scrape, keeping the last values when it does not answer', async () => {
    const metrics = new AppMetrics('var');
    let counts: Promise<{ waiting: number; active: number }> = Promise.resolve({ waiting: 7, active: 2 });
    metrics.watchJobQueue('var-runs', () => counts);
    let { body } = await metrics.scrape();
    expect(valueOf(body, 'finstack_job_queue_jobs{queue="var-runs",state="waiting",app="var"}')).toBe(7);
    expect(valueOf(body, 'finstack_job_queue_jobs{queue="var-runs",state="active",app="var"}')).toBe(2);
    counts = Promise.reject(new Error('Redis is down'));
    ({ body } = await metrics.scrape());
    expect(valueOf(body, 'finstack_job_queue_jobs{queue="var-runs",state="waiting",app="var"}')).toBe(7);
  });
});
