/**
 * What every finstack access token looks like, shared by the signer (gateway)
 * and every verifier, so that the two cannot drift apart.
 */
export const ACCESS_TOKEN_ALGORITHM = 'ES256' as const;
export const ACCESS_TOKEN_AUDIENCE = 'finstack-api';
/** The header's `typ` (RFC 9068): only a token made to be an access token is taken as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
