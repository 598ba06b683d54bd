import { DynamicModule, Global, Module } from '@nestjs/common';
import { loadEnv } from './load-env';

/**
 * Makes the app's validated settings injectable by their class:
 * `constructor(private readonly env: GatewayEnv)`.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot<T extends object>(settingsClass: new () => T, settings: T = loadEnv(settingsClass)): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: settingsClass, useValue: settings }],
      exports: [settingsClass],
    };
  }
}
