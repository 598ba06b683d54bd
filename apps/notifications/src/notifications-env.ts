import { CommonEnv, EnvInt, EnvOriginList } from '@finstack/config';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const PEM = /^-----BEGIN [A-Z ]+-----[\s\S]+-----END [A-Z ]+-----\s*$/;

/**
 * Settings of the notifications app: Socket.IO (and /health) on
 * NOTIFICATIONS_PORT, events in over TCP on NOTIFICATIONS_HOST /
 * NOTIFICATIONS_TCP_PORT (in CommonEnv, since every producer reads them).
 */
export class NotificationsEnv extends CommonEnv {
  @EnvInt()
  @IsInt()
  @Min(0)
  @Max(65535)
  NOTIFICATIONS_PORT = 3001;

  /** Address the Socket.IO server binds; 0.0.0.0 in containers. */
  @Matches(/^[A-Za-z0-9.:\-[\]]+$/)
  HTTP_HOST = '127.0.0.1';

  /** Other origins whose pages may connect (comma-separated), polling included; the same as the gateway's. */
  @EnvOriginList()
  CORS_ORIGINS: string[] = [];

  /** Set when several replicas run: they share rooms, sessions and dedupe through Redis. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prefix of every Redis key and stream of notifications, so deployments (or test runs) can share one Redis. */
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/)
  REDIS_KEY_PREFIX = 'finstack:notifications';

  /** The gateway's public key (PEM); unset in embedded mode, where it is read from DATA_DIR/keys. */
  @IsOptional()
  @Matches(PEM, { message: 'JWT_PUBLIC_KEY must be a PEM public key' })
  override JWT_PUBLIC_KEY?: string;

  @Matches(/^\S+$/)
  override JWT_ISSUER = 'finstack';

  /** How long the holders of a ticker, asked of the portfolio, are reused. */
  @EnvInt()
  @IsInt()
  @Min(0)
  @Max(60_000)
  HOLDERS_CACHE_MS = 5000;
}
