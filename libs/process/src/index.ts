/*
 * Running finstack's apps as child processes and waiting for them: what
 * `npm start` (scripts/embedded-system.ts) and the end-to-end tests share.
 * Runtime code, so it imports nothing from libs/testing or @nestjs/testing.
 */
export * from './app-process';
export * from './wait';
