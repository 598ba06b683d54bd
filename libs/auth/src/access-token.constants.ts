/**
 * What every finstack access token looks like, shared by the signer (gateway)
 * and every verifier, so that the two cannot drift apart.
 */
export const ACCESS_TOKEN_ALGORITHM = 'ES256' as const;
export const ACCESS_TOKEN_AUDIENCE = 'finstack-api';
