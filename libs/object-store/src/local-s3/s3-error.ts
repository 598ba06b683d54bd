/** An S3-style failure: HTTP status plus the error code the SDK maps to an exception name. */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export const noSuchBucket = (bucket: string) => new S3Error(404, 'NoSuchBucket', `The specified bucket does not exist: ${bucket}`);
export const noSuchKey = (key: string) => new S3Error(404, 'NoSuchKey', `The specified key does not exist: ${key}`);
export const notImplemented = (what: string) => new S3Error(501, 'NotImplemented', `${what} is not implemented by the local S3 server`);
