import { createHash, randomBytes } from 'node:crypto';

/** An opaque refresh token: 32 random bytes, base64url. */
export const newRefreshTokenSecret = (): string => randomBytes(32).toString('base64url');

/** Only this is stored, so a leaked table holds no usable token. */
export const hashRefreshToken = (token: string): string => createHash('sha256').update(token).digest('hex');
