import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { dataSourceOptions, StorageSettings } from './data-source-options';
import { initializeWithExclusiveMigrations } from './exclusive-migrations';
import { TransactionRunner } from './transaction-runner';

/**
 * TypeORM for one app's schema. `settings` is a factory so that it runs after
 * configuration has been validated; migrations run at start unless disabled,
 * one replica at a time.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot<E>(configToken: new (...args: never[]) => E, settings: (env: E) => StorageSettings): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [configToken],
          useFactory: (env: E) => dataSourceOptions(settings(env)),
          dataSourceFactory: (options) => initializeWithExclusiveMigrations(options as DataSourceOptions),
        }),
      ],
      providers: [TransactionRunner],
      exports: [TransactionRunner],
    };
  }
}

/** Liveness of the database connection, for readiness checks. */
export async function pingDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT 1');
}
