export { LocalS3Server } from './server';
export type { LocalS3ServerOptions } from './server';
export { keyProblem, isValidBucketName } from './keys';
