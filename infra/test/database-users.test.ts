import { APP_NAMES, APPS } from '../src/apps';
import { parameterGroupFamily } from '../src/database';
import { DATABASE_SECRET_ARN, deploy, idOf, MockCloud } from './support/mock-cloud';
import { T } from './support/types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Container = any;
const variables = (container: Container): Record<string, string> =>
  Object.fromEntries(container.environment.map((v: { name: string; value: string }) => [v.name, v.value]));

describe('the apps’ database users and TLS to RDS', () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await deploy({});
  });

  it('require TLS on every connection to the database', () => {
    const parameters = cloud.one(T.parameterGroup, 'database').inputs;
    expect(parameters.family).toBe('mysql8.4');
    expect(parameters.parameters).toEqual([{ name: 'require_secure_transport', value: '1' }]);
    expect(cloud.one(T.database, 'database').inputs.parameterGroupName).toBe(cloud.one(T.parameterGroup, 'database').state.name);
    expect(parameterGroupFamily('8.4.3')).toBe('mysql8.4');
  });

  it('connect each app with a schema as its own user, over TLS checked against the RDS CA bundle', () => {
    for (const app of APP_NAMES) {
      const schema = APPS[app].schema;
      const plain = variables(cloud.containers(app)[0]);
      if (!schema) {
        expect(plain.DATABASE_URL).toBeUndefined();
        continue;
      }
      expect(plain.DATABASE_URL).toMatch(new RegExp(`^mysql://${schema}_app@[^/]+/${schema}$`));
      expect(plain.DATABASE_TLS).toBe('rds');
    }
  });

  it('give the master secret only to the one-off task that makes the users, with every app’s password', () => {
    const [task] = JSON.parse(cloud.one(T.taskDefinition, 'database-users').inputs.containerDefinitions);
    expect(task.command).toEqual(['node', 'dist/scripts/provision-database-users.js']);
    expect(variables(task)).toMatchObject({
      DATABASE_URL: expect.stringMatching(/^mysql:\/\/finstack@[^/]+:3306\/$/),
      DATABASE_TLS: 'rds',
      APP_DATABASE_USERS: 'identity_app:identity,ledger_app:ledger,classifier_app:classifier,portfolio_app:portfolio,var_app:var',
    });
    const secretNames = task.secrets.map((secret: { name: string }) => secret.name).sort();
    expect(secretNames).toEqual(
      ['CLASSIFIER_APP_PASSWORD', 'DATABASE_PASSWORD', 'IDENTITY_APP_PASSWORD', 'LEDGER_APP_PASSWORD', 'PORTFOLIO_APP_PASSWORD', 'VAR_APP_PASSWORD'],
    );
    expect(task.secrets).toContainEqual({ name: 'DATABASE_PASSWORD', valueFrom: `${DATABASE_SECRET_ARN}:password::` });
    const readable = JSON.parse(cloud.one(T.rolePolicy, 'database-users-execution-secrets').inputs.policy).Statement[0].Resource;
    expect(readable).toContain(DATABASE_SECRET_ARN);
    expect(readable).toHaveLength(6);
  });

  it('run that task in the private subnets, in the one group besides the apps that MySQL admits, whenever it changes', () => {
    const run = cloud.one(T.command, 'database-users').inputs;
    expect(run.create).toBe('bash scripts/run-one-off-task.sh');
    expect(run.environment).toMatchObject({
      TASK_DEFINITION: cloud.one(T.taskDefinition, 'database-users').state.arn,
      SECURITY_GROUP: idOf(T.securityGroup, 'database-admin'),
      SUBNETS: `${idOf(T.subnet, 'private-0')},${idOf(T.subnet, 'private-1')}`,
    });
    expect(run.triggers).toEqual([cloud.one(T.taskDefinition, 'database-users').state.arn]);
  });
});
