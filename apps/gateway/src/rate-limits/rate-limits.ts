import { AuthUser } from '@finstack/auth';
import { createHash } from 'node:crypto';
import { Request } from 'express';
import { GatewayEnv } from '../gateway-env';

/** The routes with a limit of their own, each counted on its own key. Log-in has its own policy (login-limits.ts). */
export type RateLimitName = 'register' | 'verify' | 'mail' | 'forgot-password' | 'password-change' | 'imports' | 'var' | 'rule-apply';

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
  /** Who is counted: the client IP, the address asked about together with the IP, or the signed-in user. */
  tracker: (request: Request) => string;
}

export const ipOf = (request: Request): string => request.ip ?? 'unknown';

/** An address, hashed: keys in Redis carry no email in clear. */
export const addressKey = (email: string): string => createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);

const addressOf = (request: Request): string => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return addressKey(typeof email === 'string' ? email : '');
};

/** The caller of a route behind JwtAuthGuard (which runs first and sets request.user). */
const userOf = (request: Request): string => `user:${(request.user as AuthUser | undefined)?.userId ?? 'none'}`;

export function rateLimitRules(env: GatewayEnv): Record<RateLimitName, RateLimitRule> {
  const addressAndIp = (request: Request) => `${addressOf(request)}:${ipOf(request)}`;
  return {
    register: { limit: env.RATE_LIMIT_REGISTER, windowSeconds: env.RATE_LIMIT_REGISTER_WINDOW_SECONDS, tracker: ipOf },
    verify: { limit: env.RATE_LIMIT_VERIFY, windowSeconds: env.RATE_LIMIT_VERIFY_WINDOW_SECONDS, tracker: ipOf },
    mail: { limit: env.RATE_LIMIT_MAIL, windowSeconds: env.RATE_LIMIT_MAIL_WINDOW_SECONDS, tracker: addressAndIp },
    'forgot-password': { limit: env.RATE_LIMIT_FORGOT_PASSWORD, windowSeconds: env.RATE_LIMIT_FORGOT_PASSWORD_WINDOW_SECONDS, tracker: addressAndIp },
    'password-change': { limit: env.RATE_LIMIT_PASSWORD_CHANGE, windowSeconds: env.RATE_LIMIT_PASSWORD_CHANGE_WINDOW_SECONDS, tracker: userOf },
    imports: { limit: env.RATE_LIMIT_IMPORTS, windowSeconds: env.RATE_LIMIT_IMPORTS_WINDOW_SECONDS, tracker: userOf },
    var: { limit: env.RATE_LIMIT_VAR, windowSeconds: env.RATE_LIMIT_VAR_WINDOW_SECONDS, tracker: userOf },
    'rule-apply': { limit: env.RATE_LIMIT_RULE_APPLY, windowSeconds: env.RATE_LIMIT_RULE_APPLY_WINDOW_SECONDS, tracker: userOf },
  };
}
