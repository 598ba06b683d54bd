import { CommonEnv, EnvInt } from '@finstack/config';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { ObjectStoreClientOptions } from './client';

/**
 * Where objects live. `local` (the default, for `npm start` and tests) is the
 * local S3-compatible server that the launcher runs on LOCAL_S3_PORT with its
 * files under DATA_DIR; `s3` is an S3-compatible server (S3_ENDPOINT set) or AWS S3 (unset).
 */
export class ObjectStoreEnv extends CommonEnv {
  @IsIn(['local', 's3'])
  OBJECT_STORE: 'local' | 's3' = 'local';

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(65535)
  LOCAL_S3_PORT = 4569;

  /** An S3-compatible server (compose: versitygw); unset for AWS S3. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  /** Bucket names: 3-63 lower-case letters, digits, dots and hyphens. */
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a valid bucket name' })
  S3_BUCKET = 'finstack-prices';

  /** Both or neither; neither uses the SDK's default chain (an ECS task role). */
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;
}

/** The local server checks no signatures, but the SDK signs every request and needs some key. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export function localS3Endpoint(env: ObjectStoreEnv): string {
  return `http://127.0.0.1:${env.LOCAL_S3_PORT}`;
}

export function objectStoreClientOptions(env: ObjectStoreEnv): ObjectStoreClientOptions {
  if (env.OBJECT_STORE === 'local') {
    return { endpoint: localS3Endpoint(env), region: env.S3_REGION, forcePathStyle: true, ...LOCAL_CREDENTIALS };
  }
  return {
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    // S3-compatible servers serve buckets in the path; AWS S3 by host name.
    forcePathStyle: env.S3_ENDPOINT !== undefined,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
  };
}
