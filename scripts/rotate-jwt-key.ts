/**
 * `npm run rotate-jwt-key`: a new key signs access tokens from the next start,
 * while the current one stays accepted as the previous key (tokens last 15
 * minutes), and the one before it is dropped. Works on the embedded key files
 * under DATA_DIR/keys; restart the apps afterwards.
 *
 * With JWT_PRIVATE_KEY / JWT_PUBLIC_KEY configured (AWS, compose), rotate in
 * the configuration instead: docs/operations.md, "Rotate the JWT signing key".
 */
import 'reflect-metadata';
import { rotateSigningKeyFiles } from '@finstack/auth';
import { CommonEnv, loadEnv } from '@finstack/config';

function main(): void {
  const env = loadEnv(CommonEnv);
  if (process.env.JWT_PRIVATE_KEY || process.env.JWT_PUBLIC_KEY) {
    throw new Error('JWT_PRIVATE_KEY is configured: rotate it there (docs/operations.md, "Rotate the JWT signing key"), not in DATA_DIR/keys');
  }
  const { kid, previousKid } = rotateSigningKeyFiles(env.DATA_DIR);
  console.log(`new signing key ${kid}; ${previousKid} stays accepted until the next rotation. Restart the apps (npm start) to use it.`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
