import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { METRICS_NAMESPACE, VAR_JOB_QUEUE } from './collector-config';
import { Database } from './database';
import { LoadBalancing } from './load-balancer';
import { StackSettings } from './settings';

/** Thresholds of the stack's alarms (docs/operations.md says what each means and what to do first). */
export const ALARM_THRESHOLDS = {
  /** Oldest event waiting in any outbox, in seconds, for 5 minutes: notifications is down or refusing one. */
  outboxLagSeconds: 60,
  /** VaR jobs waiting, for 10 minutes: the var service is not keeping up (at its maxCapacity, or its tasks fail to start). */
  varQueueWaiting: 50,
  /** RDS free storage, in bytes: below 2 GiB, storage autoscaling is not keeping up. */
  freeStorageBytes: 2 * 1024 ** 3,
} as const;

/** The waiting jobs of the VaR queue, as the var tasks' collectors write them. */
const VAR_QUEUE_WAITING = { app: 'var', queue: VAR_JOB_QUEUE, state: 'waiting' };

export interface Monitoring {
  topic: aws.sns.Topic;
  alarms: aws.cloudwatch.MetricAlarm[];
  dashboard: aws.cloudwatch.Dashboard;
}

/**
 * What an operator watches: one CloudWatch dashboard per stack and alarms that
 * notify an SNS topic (emailed to `alarmEmails`) when they fire and when they
 * clear. Requests, 5xx and p99 come from the load balancer, the database's CPU,
 * connections and storage from RDS, and the outbox and socket series from the
 * apps' own /metrics, which each task's collector writes to the `finstack`
 * namespace (collector-config.ts).
 */
export function createMonitoring(settings: StackSettings, balancing: LoadBalancing, database: Database): Monitoring {
  const stack = pulumi.getStack();
  const topic = new aws.sns.Topic('alarms', { name: `finstack-${stack}-alarms` });
  for (const [index, email] of settings.alarmEmails.entries()) {
    new aws.sns.TopicSubscription(`alarms-email-${index}`, { topic: topic.arn, protocol: 'email', endpoint: email });
  }
  const notify = { alarmActions: [topic.arn], okActions: [topic.arn] };
  const gateway = { LoadBalancer: balancing.loadBalancer.arnSuffix, TargetGroup: balancing.gatewayTargetGroup.arnSuffix };
  const alb = (metricName: string) => ({ namespace: 'AWS/ApplicationELB', metricName, dimensions: gateway, period: 60, stat: 'Sum' });

  const alarms = [
    new aws.cloudwatch.MetricAlarm('gateway-5xx-rate', {
      ...notify,
      alarmDescription: `finstack ${stack}: more than ${settings.rollbackAlarms.http5xxPercent} % of the gateway's requests answered 5xx for 5 minutes`,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: settings.rollbackAlarms.http5xxPercent,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      treatMissingData: 'notBreaching',
      metricQueries: [
        { id: 'errors', metric: alb('HTTPCode_Target_5XX_Count'), returnData: false },
        { id: 'requests', metric: alb('RequestCount'), returnData: false },
        { id: 'rate', expression: 'IF(requests > 0, 100 * errors / requests, 0)', label: '5xx %', returnData: true },
      ],
    }),
    new aws.cloudwatch.MetricAlarm('gateway-p99-latency', {
      ...notify,
      alarmDescription: `finstack ${stack}: the gateway's p99 response time above ${settings.rollbackAlarms.p99LatencyMs} ms for 5 minutes`,
      namespace: 'AWS/ApplicationELB',
      metricName: 'TargetResponseTime',
      dimensions: gateway,
      extendedStatistic: 'p99',
      period: 60,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: settings.rollbackAlarms.p99LatencyMs / 1000,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      treatMissingData: 'notBreaching',
    }),
    new aws.cloudwatch.MetricAlarm('outbox-lag', {
      ...notify,
      alarmDescription: `finstack ${stack}: an event has waited in an outbox for more than ${ALARM_THRESHOLDS.outboxLagSeconds} s (notifications down, or refusing it)`,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: ALARM_THRESHOLDS.outboxLagSeconds,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      treatMissingData: 'notBreaching',
      metricQueries: [
        {
          id: 'lag',
          // Every outbox of every app: the series carry app and table as dimensions.
          expression: `SELECT MAX(finstack_outbox_lag_seconds) FROM SCHEMA("${METRICS_NAMESPACE}", app, "table")`,
          period: 60,
          label: 'oldest waiting event (s)',
          returnData: true,
        },
      ],
    }),
    new aws.cloudwatch.MetricAlarm('var-queue-backlog', {
      ...notify,
      alarmDescription: `finstack ${stack}: more than ${ALARM_THRESHOLDS.varQueueWaiting} VaR jobs have waited for 10 minutes (the var service is not keeping up)`,
      namespace: METRICS_NAMESPACE,
      metricName: 'finstack_job_queue_jobs',
      dimensions: VAR_QUEUE_WAITING,
      // Every var task reports the one shared queue: the maximum is its depth.
      statistic: 'Maximum',
      period: 60,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: ALARM_THRESHOLDS.varQueueWaiting,
      evaluationPeriods: 10,
      datapointsToAlarm: 10,
      treatMissingData: 'notBreaching',
    }),
    new aws.cloudwatch.MetricAlarm('database-free-storage', {
      ...notify,
      alarmDescription: `finstack ${stack}: the database has less than 2 GiB of free storage`,
      namespace: 'AWS/RDS',
      metricName: 'FreeStorageSpace',
      dimensions: { DBInstanceIdentifier: database.instance.identifier },
      statistic: 'Minimum',
      period: 300,
      comparisonOperator: 'LessThanThreshold',
      threshold: ALARM_THRESHOLDS.freeStorageBytes,
      evaluationPeriods: 1,
      treatMissingData: 'breaching',
    }),
  ];

  const dashboard = new aws.cloudwatch.Dashboard('dashboard', {
    dashboardName: `finstack-${stack}`,
    dashboardBody: pulumi
      .all([balancing.loadBalancer.arnSuffix, balancing.gatewayTargetGroup.arnSuffix, database.instance.identifier, aws.getRegionOutput().region])
      .apply(([lb, tg, db, region]) => JSON.stringify(dashboardBody(lb, tg, db, region))),
  });
  return { topic, alarms, dashboard };
}

/** The dashboard's widgets, two to a row. */
export function dashboardBody(loadBalancer: string, targetGroup: string, database: string, region: string): { widgets: object[] } {
  const gateway = ['LoadBalancer', loadBalancer, 'TargetGroup', targetGroup];
  /** One line of a widget from a SEARCH expression over the apps' series. */
  const search = (expression: string, label: string) => [{ expression, label, id: label.replace(/\W/g, '').toLowerCase() }];
  const panels: Array<{ title: string; metrics: unknown[] }> = [
    { title: 'Requests (gateway)', metrics: [['AWS/ApplicationELB', 'RequestCount', ...gateway, { stat: 'Sum' }]] },
    { title: '5xx (gateway)', metrics: [['AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', ...gateway, { stat: 'Sum' }]] },
    { title: 'p99 response time (gateway, s)', metrics: [['AWS/ApplicationELB', 'TargetResponseTime', ...gateway, { stat: 'p99' }]] },
    {
      title: 'p99 by route (last minute, s)',
      metrics: [search(`SEARCH('{${METRICS_NAMESPACE},app,method,route} MetricName="finstack_http_request_p99_seconds"', 'Maximum', 60)`, 'route p99')],
    },
    {
      title: 'RPC latency p99 by pattern (last minute, s)',
      metrics: [search(`SEARCH('{${METRICS_NAMESPACE},app,pattern} MetricName="finstack_rpc_handling_p99_seconds"', 'Maximum', 60)`, 'pattern p99')],
    },
    {
      title: 'VaR queue: jobs waiting and running',
      metrics: [search(`SEARCH('{${METRICS_NAMESPACE},app,queue,state} MetricName="finstack_job_queue_jobs" queue="${VAR_JOB_QUEUE}"', 'Maximum', 60)`, 'var queue')],
    },
    {
      title: 'Outbox: events waiting and oldest (s)',
      metrics: [
        search(`SEARCH('{${METRICS_NAMESPACE},app,table} MetricName="finstack_outbox_pending_events"', 'Maximum', 60)`, 'pending'),
        search(`SEARCH('{${METRICS_NAMESPACE},app,table} MetricName="finstack_outbox_lag_seconds"', 'Maximum', 60)`, 'lag'),
      ],
    },
    {
      title: 'Sockets connected (notifications)',
      metrics: [search(`SEARCH('{${METRICS_NAMESPACE},app} MetricName="finstack_socketio_connected_sockets"', 'Sum', 60)`, 'sockets')],
    },
    {
      title: 'Errors answered, by code',
      metrics: [search(`SEARCH('{${METRICS_NAMESPACE},app,code} MetricName="finstack_errors_total"', 'Sum', 60)`, 'errors')],
    },
    { title: 'Database CPU (%)', metrics: [['AWS/RDS', 'CPUUtilization', 'DBInstanceIdentifier', database]] },
    { title: 'Database connections', metrics: [['AWS/RDS', 'DatabaseConnections', 'DBInstanceIdentifier', database]] },
    { title: 'Database free storage (bytes)', metrics: [['AWS/RDS', 'FreeStorageSpace', 'DBInstanceIdentifier', database]] },
  ];
  return {
    widgets: panels.map((panel, index) => ({
      type: 'metric',
      x: (index % 2) * 12,
      y: Math.floor(index / 2) * 6,
      width: 12,
      height: 6,
      properties: { title: panel.title, region, view: 'timeSeries', stat: 'Average', period: 60, metrics: panel.metrics },
    })),
  };
}
