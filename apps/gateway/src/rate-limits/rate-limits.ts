import { createHash } from 'node:crypto';
import { Request } from 'express';
import { GatewayEnv } from '../gateway-env';

/** The routes with a limit of their own, each counted on its own key. */
export type RateLimitName = 'register' | 'verify' | 'mail';

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
  /** Who is counted: the client IP, or the address asked about together with the IP. */
  tracker: (request: Request) => string;
}

const ipOf = (request: Request): string => request.ip ?? 'unknown';

/** The address of a body, hashed: keys in Redis carry no email in clear. */
const addressOf = (request: Request): string => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return createHash('sha256')
    .update(typeof email === 'string' ? email.toLowerCase() : '')
    .digest('hex')
    .slice(0, 32);
};

export function rateLimitRules(env: GatewayEnv): Record<RateLimitName, RateLimitRule> {
  return {
    register: { limit: env.RATE_LIMIT_REGISTER, windowSeconds: env.RATE_LIMIT_REGISTER_WINDOW_SECONDS, tracker: ipOf },
    verify: { limit: env.RATE_LIMIT_VERIFY, windowSeconds: env.RATE_LIMIT_VERIFY_WINDOW_SECONDS, tracker: ipOf },
    mail: {
      limit: env.RATE_LIMIT_MAIL,
      windowSeconds: env.RATE_LIMIT_MAIL_WINDOW_SECONDS,
      tracker: (request) => `${addressOf(request)}:${ipOf(request)}`,
    },
  };
}
