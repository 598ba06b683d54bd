import { APP_NAMES } from '../src/apps';
import { METRICS_PORTS } from '../src/collector-config';
import { deploy, MockCloud } from './support/mock-cloud';
import { T } from './support/types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('monitoring: metrics collected, a dashboard and alarms', () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await deploy({ alarmEmails: ['ops@example.com'] });
  });

  it('scrapes every app’s /metrics in its task and writes the series to CloudWatch (EMF), traces still to X-Ray', () => {
    const metricsGroup = cloud.one(T.logGroup, 'metrics').inputs.name;
    expect(metricsGroup).toMatch(/^\/finstack\/.+\/metrics$/);
    for (const app of APP_NAMES) {
      const collector = cloud.containers(app)[1];
      const config = JSON.parse(collector.environment.find((v: { name: string }) => v.name === 'AOT_CONFIG_CONTENT').value);
      expect(config.receivers.prometheus.config.scrape_configs[0].static_configs[0].targets).toEqual([`localhost:${METRICS_PORTS[app]}`]);
      expect(config.exporters.awsemf).toMatchObject({ namespace: 'finstack', log_group_name: metricsGroup });
      const declared = config.exporters.awsemf.metric_declarations.flatMap((d: Json) => d.metric_name_selectors);
      expect(declared).toEqual(
        expect.arrayContaining([
          'finstack_outbox_lag_seconds',
          'finstack_outbox_pending_events',
          'finstack_socketio_connected_sockets',
          'finstack_http_request_p99_seconds',
          'finstack_rpc_handling_p99_seconds',
          'finstack_job_queue_jobs',
        ]),
      );
      // Each series' labels are its dimensions: a label missing from the declaration would drop the series.
      const dimensionsOf = (name: string) => config.exporters.awsemf.metric_declarations.find((d: Json) => d.metric_name_selectors.includes(name)).dimensions;
      expect(dimensionsOf('finstack_http_request_p99_seconds')).toEqual([['app', 'method', 'route']]);
      expect(dimensionsOf('finstack_rpc_handling_p99_seconds')).toEqual([['app', 'pattern']]);
      expect(dimensionsOf('finstack_job_queue_jobs')).toEqual([['app', 'queue', 'state']]);
      expect(config.service.pipelines).toEqual({
        traces: { receivers: ['otlp'], processors: ['batch/traces'], exporters: ['awsxray'] },
        metrics: { receivers: ['prometheus'], processors: ['batch/metrics'], exporters: ['awsemf'] },
      });
      // The collector may write only to the metrics group.
      const policy = JSON.parse(cloud.one(T.rolePolicy, `${app}-task`).inputs.policy);
      const logs = policy.Statement.find((s: Json) => s.Action.includes('logs:PutLogEvents'));
      expect(logs.Resource[0]).toBe(cloud.one(T.logGroup, 'metrics').state.arn);
    }
  });

  it('sends every alarm to one SNS topic, when it fires and when it clears, and emails the configured people', () => {
    const topic = cloud.one(T.topic, 'alarms').state.arn;
    const alarms = cloud.all(T.alarm);
    expect(alarms.map((a) => a.name).sort()).toEqual(['database-free-storage', 'gateway-5xx-rate', 'gateway-p99-latency', 'outbox-lag', 'var-queue-backlog']);
    for (const alarm of alarms) expect([alarm.name, alarm.inputs.alarmActions, alarm.inputs.okActions]).toEqual([alarm.name, [topic], [topic]]);
    expect(cloud.one(T.subscription, 'alarms-email-0').inputs).toMatchObject({ topic, protocol: 'email', endpoint: 'ops@example.com' });
  });

  it('alarms when more than 50 VaR jobs have waited for 10 minutes, reading the shared queue’s depth', () => {
    expect(cloud.one(T.alarm, 'var-queue-backlog').inputs).toMatchObject({
      namespace: 'finstack',
      metricName: 'finstack_job_queue_jobs',
      dimensions: { app: 'var', queue: 'var-runs', state: 'waiting' },
      statistic: 'Maximum',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 50,
      evaluationPeriods: 10,
      datapointsToAlarm: 10,
    });
  });

  it('alarms on the 5xx rate, the p99, the outbox lag and the database’s free storage at their thresholds', () => {
    const database = cloud.one(T.database, 'database').state.identifier;
    const rate = cloud.one(T.alarm, 'gateway-5xx-rate').inputs;
    expect(rate.threshold).toBe(5);
    expect(rate.metricQueries[0].metric.dimensions).toEqual({
      LoadBalancer: cloud.one(T.loadBalancer, 'public').state.arnSuffix,
      TargetGroup: cloud.one(T.targetGroup, 'gateway').state.arnSuffix,
    });
    expect(cloud.one(T.alarm, 'gateway-p99-latency').inputs).toMatchObject({ metricName: 'TargetResponseTime', extendedStatistic: 'p99', threshold: 1 });
    const lag = cloud.one(T.alarm, 'outbox-lag').inputs;
    expect(lag.threshold).toBe(60);
    expect(lag.metricQueries[0].expression).toContain('MAX(finstack_outbox_lag_seconds)');
    expect(cloud.one(T.alarm, 'database-free-storage').inputs).toMatchObject({
      namespace: 'AWS/RDS',
      metricName: 'FreeStorageSpace',
      dimensions: { DBInstanceIdentifier: database },
      comparisonOperator: 'LessThanThreshold',
      threshold: 2 * 1024 ** 3,
    });
  });

  it('draws one dashboard per stack: requests, 5xx, p99 (overall, by route, by RPC pattern), outbox, VaR queue, sockets, errors, and the database’s CPU, connections and storage', () => {
    const body = JSON.parse(cloud.one(T.dashboard, 'dashboard').inputs.dashboardBody);
    const titles = body.widgets.map((w: Json) => w.properties.title);
    expect(titles).toEqual([
      'Requests (gateway)',
      '5xx (gateway)',
      'p99 response time (gateway, s)',
      'p99 by route (last minute, s)',
      'RPC latency p99 by pattern (last minute, s)',
      'VaR queue: jobs waiting and running',
      'Outbox: events waiting and oldest (s)',
      'Sockets connected (notifications)',
      'Errors answered, by code',
      'Database CPU (%)',
      'Database connections',
      'Database free storage (bytes)',
    ]);
    const database = cloud.one(T.database, 'database').state.identifier;
    expect(JSON.stringify(body)).toContain(database);
    const expressionOf = (title: string) => body.widgets.find((w: Json) => w.properties.title === title).properties.metrics[0][0].expression;
    expect(expressionOf('p99 by route (last minute, s)')).toContain('{finstack,app,method,route} MetricName="finstack_http_request_p99_seconds"');
    expect(expressionOf('RPC latency p99 by pattern (last minute, s)')).toContain('{finstack,app,pattern} MetricName="finstack_rpc_handling_p99_seconds"');
    expect(expressionOf('VaR queue: jobs waiting and running')).toContain('MetricName="finstack_job_queue_jobs" queue="var-runs"');
    expect(cloud.one(T.dashboard, 'dashboard').inputs.dashboardName).toMatch(/^finstack-/);
  });
});
