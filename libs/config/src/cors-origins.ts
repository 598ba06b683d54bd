import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { IsUrl } from 'class-validator';

/**
 * CORS_ORIGINS: "https://app.example.com, http://localhost:5173" → the origins
 * a browser page may call the API and the pushes from. Empty by default: only
 * the same origin (the console the gateway serves) works from a browser.
 */
export const EnvOriginList = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((origin) => origin.trim().replace(/\/+$/, ''))
            .filter((origin) => origin !== '')
        : value,
    ),
    IsUrl(
      { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
      { each: true, message: 'CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.com' },
    ),
  );

/**
 * Whether a browser request may go on: no Origin (not a browser, or a
 * same-origin GET), an Origin on the list, or the page's own origin (the
 * Host it was served from).
 */
export function isAllowedOrigin(origin: string | undefined, allowed: readonly string[], host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
