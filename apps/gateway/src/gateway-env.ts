import { CommonEnv, EnvInt } from '@finstack/config';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const PEM = /^-----BEGIN [A-Z ]+-----[\s\S]+-----END [A-Z ]+-----\s*$/;

export class GatewayEnv extends CommonEnv {
  @EnvInt()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Address the HTTP server binds; 0.0.0.0 in containers. */
  @Matches(/^[A-Za-z0-9.:\-[\]]+$/)
  HTTP_HOST = '127.0.0.1';

  /** Proxies in front of the gateway (1 behind an ALB), so req.ip is the client's address. */
  @EnvInt()
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

  /**
   * ES256 key pair (PEM). When unset, the gateway creates one under DATA_DIR
   * on first start (embedded mode); production must configure both.
   */
  @IsOptional()
  @Matches(PEM, { message: 'JWT_PRIVATE_KEY must be a PEM private key' })
  JWT_PRIVATE_KEY?: string;

  @IsOptional()
  @Matches(PEM, { message: 'JWT_PUBLIC_KEY must be a PEM public key' })
  JWT_PUBLIC_KEY?: string;

  @IsString()
  JWT_ISSUER = 'finstack';

  /** Failed log-ins allowed per IP and email within LOGIN_WINDOW_SECONDS before 429. */
  @EnvInt()
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @EnvInt()
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /** Failed log-ins allowed per IP across all emails within LOGIN_WINDOW_SECONDS (credential stuffing). */
  @EnvInt()
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 50;
}
