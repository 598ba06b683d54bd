import { CommonEnv, EnvBoolean, EnvInt, EnvOriginList } from '@finstack/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

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

  /** Other origins whose pages may call the API (comma-separated); the console the gateway serves needs none. */
  @EnvOriginList()
  CORS_ORIGINS: string[] = [];

  /** Serve Swagger UI at /docs and the OpenAPI document at /docs-json. */
  @EnvBoolean()
  @IsBoolean()
  API_DOCS = true;

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

  /**
   * Accounts that may post quotes, by the email of their access token
   * (comma-separated, any case). The operator role is configuration, never a
   * claim a user can set. Register these accounts before listing them here:
   * emails are not verified, so an unregistered one could be taken by anyone.
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? emailList(value) : value))
  @IsEmail({}, { each: true, message: 'OPERATOR_EMAILS must be a comma-separated list of email addresses' })
  OPERATOR_EMAILS: string[] = [];

  /** Lets a price feed post quotes with `X-Api-Key` instead of an operator's token; unset turns that off. */
  @IsOptional()
  @Matches(/^[\x21-\x7e]{32,256}$/, {
    message: 'QUOTES_INGEST_API_KEY must be 32 to 256 visible ASCII characters (e.g. openssl rand -hex 32)',
  })
  QUOTES_INGEST_API_KEY?: string;

  /** The built web console, served at `/`; nothing is served there when it holds no index.html. */
  @IsString()
  WEB_DIR = 'apps/web/dist';

  /**
   * The notifications app, to which `/socket.io` is proxied so the console has one origin
   * (embedded mode and compose). Unset where a load balancer routes `/socket.io` itself (AWS).
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'NOTIFICATIONS_URL must be an http:// or https:// URL' })
  NOTIFICATIONS_URL?: string;

}

/** "Ops@Example.com, b@example.com" → ["ops@example.com", "b@example.com"]; emails compare in lower case. */
function emailList(text: string): string[] {
  return text
    .split(',')
    .map((email) => email.trim().toLowerCase())
    .filter((email) => email !== '');
}
