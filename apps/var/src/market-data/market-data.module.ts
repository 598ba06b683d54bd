import { createObjectStoreClient, ensureBucket, objectStoreClientOptions } from '@finstack/object-store';
import { Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { S3Client } from '@aws-sdk/client-s3';
import { VarEnv } from '../var-env';
import { PriceHistoryStore } from './price-history.store';
import { PricesController } from './prices.controller';

const S3_CLIENT = 'S3_CLIENT';

/** Creates the bucket when missing (embedded mode and compose start empty) and closes the client's sockets at the end. */
@Injectable()
class BucketLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(S3_CLIENT) private readonly s3: S3Client,
    private readonly env: VarEnv,
  ) {}

  onModuleInit(): Promise<void> {
    return ensureBucket(this.s3, this.env.S3_BUCKET);
  }

  onApplicationShutdown(): void {
    this.s3.destroy();
  }
}

@Module({
  controllers: [PricesController],
  providers: [
    { provide: S3_CLIENT, inject: [VarEnv], useFactory: (env: VarEnv) => createObjectStoreClient(objectStoreClientOptions(env)) },
    {
      provide: PriceHistoryStore,
      inject: [S3_CLIENT, VarEnv],
      useFactory: (s3: S3Client, env: VarEnv) => new PriceHistoryStore(s3, env.S3_BUCKET),
    },
    BucketLifecycle,
  ],
  exports: [PriceHistoryStore],
})
export class MarketDataModule {}
