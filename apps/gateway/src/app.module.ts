import { ConfigModule } from '@finstack/config';
import { DatabaseModule } from '@finstack/database';
import { rpcClientProvider } from '@finstack/rpc';
import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CategoriesController } from './ledger/categories.controller';
import { LEDGER_SERVICE } from './ledger/ledger-client';
import { TransactionsController } from './ledger/transactions.controller';
import { GatewayEnv } from './gateway-env';
import { HealthController } from './health/health.controller';
import { IDENTITY_ENTITIES } from './auth/identity.entities';
import { IDENTITY_MIGRATIONS } from './migrations';

@Module({
  imports: [
    ConfigModule.forRoot(GatewayEnv),
    DatabaseModule.forRoot(GatewayEnv, (env) => ({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
      schema: 'identity',
      entities: IDENTITY_ENTITIES,
      migrations: IDENTITY_MIGRATIONS,
      migrationsRun: env.MIGRATIONS_RUN,
    })),
    AuthModule,
  ],
  controllers: [TransactionsController, CategoriesController, HealthController],
  providers: [
    rpcClientProvider(LEDGER_SERVICE, GatewayEnv, (env) => ({ host: env.TRX_CRUD_HOST, port: env.TRX_CRUD_PORT })),
  ],
})
export class AppModule {}
