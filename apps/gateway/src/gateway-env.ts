import { EnvBoolean, EnvInt, EnvOriginList } from '@finstack/config';
import { KeyEnv } from '@finstack/crypto';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const MAIL_TRANSPORTS = ['smtp', 'ses'] as const;
export type MailTransport = (typeof MAIL_TRANSPORTS)[number];

const PEM = /^-----BEGIN [A-Z ]+-----[\s\S]+-----END [A-Z ]+-----\s*$/;

/** KeyEnv: the key-encryption key that seals TOTP secrets (KMS_KEY_ID, LOCAL_KEK, or DATA_DIR/keys). */
export class GatewayEnv extends KeyEnv {
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
  override JWT_PUBLIC_KEY?: string;

  @IsString()
  override JWT_ISSUER = 'finstack';

  /** Active sessions (signed-in devices) per account; a log-in past it ends the least recently used one. */
  @EnvInt()
  @IsInt()
  @Min(1)
  // The sessions table keeps each user's last 100 (sessions/session-rows.ts): every active one must be among them.
  @Max(100)
  SESSIONS_PER_USER_MAX = 20;

  /**
   * A session ends this many days after its log-in however often it is used
   * (refresh tokens also lapse after 30 idle days): a stolen refresh token is
   * not good forever, and everyone signs in again now and then.
   */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(365)
  SESSION_MAX_AGE_DAYS = 90;

  /** How long a mailed password-reset link works. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(86_400)
  PASSWORD_RESET_TTL_SECONDS = 1800;

  /**
   * Accounts that may post quotes, by the email of their access token
   * (comma-separated, any case). The operator role is configuration, never a
   * claim a user can set, and only a verified address gets it (an unverified
   * account cannot log in at all).
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? emailList(value) : value))
  @IsEmail({}, { each: true, message: 'OPERATOR_EMAILS must be a comma-separated list of email addresses' })
  OPERATOR_EMAILS: string[] = [];

  /** How mail leaves: over SMTP (SMTP_URL: the local catcher, Mailpit, any relay), or through Amazon SES's API with the task's role (AWS). */
  @IsIn(MAIL_TRANSPORTS, { message: `MAIL_TRANSPORT must be one of ${MAIL_TRANSPORTS.join(', ')}` })
  MAIL_TRANSPORT: MailTransport = 'smtp';

  /** SES only: its region; unset, the SDK's (AWS_REGION). */
  @IsOptional()
  @Matches(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: 'SES_REGION must be an AWS region such as eu-west-1' })
  SES_REGION?: string;

  /** SES only: a configuration set for delivery events (bounces, complaints); unset, none. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'SES_CONFIGURATION_SET must be an SES configuration set name' })
  SES_CONFIGURATION_SET?: string;

  /**
   * Where the gateway sends mail: smtp://[user:pass@]host:port (STARTTLS when
   * offered) or smtps://. The default is the local catcher `npm start` runs.
   */
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:2525';

  /** The sender of every mail, e.g. "finstack <no-reply@example.com>"; with SES, an address of the verified identity. */
  @IsString()
  @Matches(/^[^\r\n]{3,254}$/, { message: 'MAIL_FROM must be one line, e.g. "finstack <no-reply@example.com>"' })
  MAIL_FROM = 'finstack <no-reply@finstack.local>';

  /** The web console's address, which mailed links point at (…/verify-email?token=…). */
  @Matches(/^https?:\/\/[^\s?#]+$/, { message: 'PUBLIC_APP_URL must be an http(s) URL without query or fragment' })
  PUBLIC_APP_URL = 'http://127.0.0.1:3000';

  /** Redis shared by the gateway replicas (rate limits); unset: limits counted in this process's memory. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prefix of the rate-limit keys in Redis (several systems may share one Redis). */
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/)
  RATE_LIMIT_REDIS_PREFIX = 'finstack:rate:';

  /** Registrations per client IP per window. */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_REGISTER = 10;

  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_REGISTER_WINDOW_SECONDS = 3600;

  /** Email verifications tried (link or code) per client IP per window. */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_VERIFY = 30;

  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_VERIFY_WINDOW_SECONDS = 900;

  /** Mail asked for (verification resends) per address and client IP per window. */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_MAIL = 5;

  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_MAIL_WINDOW_SECONDS = 3600;

  /** Log-in attempts (right or wrong) per client IP, whatever the account, per window. */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_IP = 100;

  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_IP_WINDOW_SECONDS = 900;

  /** Log-in attempts per account from one client IP, per window (RATE_LIMIT_LOGIN_ACCOUNT_WINDOW_SECONDS). */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_ACCOUNT_IP = 10;

  /** Log-in attempts per account from all IPs per window that go undelayed; past them, delays grow. */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_ACCOUNT = 10;

  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_ACCOUNT_WINDOW_SECONDS = 900;

  /** The first delay past RATE_LIMIT_LOGIN_ACCOUNT; each further attempt doubles it. */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_DELAY_SECONDS = 2;

  /** The longest delay between two log-in attempts of one account: never longer, so never a lock-out. */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_MAX_DELAY_SECONDS = 60;

  /** Password-reset mails asked for per address and client IP per window. */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_FORGOT_PASSWORD = 5;

  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_FORGOT_PASSWORD_WINDOW_SECONDS = 3600;

  /** Password changes tried per user per window (each checks the current password). */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_PASSWORD_CHANGE = 10;

  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_PASSWORD_CHANGE_WINDOW_SECONDS = 3600;

  /** CSV imports started per user per window. */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_IMPORTS = 30;

  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_IMPORTS_WINDOW_SECONDS = 3600;

  /** VaR analyses (runs) started per user per window. */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_VAR = 60;

  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_VAR_WINDOW_SECONDS = 3600;

  /** Rule applies (re-categorising the ledger) per user per window. */
  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_RULE_APPLY = 30;

  @EnvInt()
  @IsInt()
  @Min(1)
  RATE_LIMIT_RULE_APPLY_WINDOW_SECONDS = 3600;

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
