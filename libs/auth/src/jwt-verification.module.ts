import { DynamicModule, FactoryProvider, Module, ModuleMetadata, Provider } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { JWT_VERIFICATION_OPTIONS, JwtVerificationOptions } from './jwt-verification.options';
import { JwtStrategy } from './jwt.strategy';
import { JwtVerifier } from './jwt.verifier';
import { VerifiedTokenCache } from './verified-token-cache';

export interface JwtVerificationAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: FactoryProvider['inject'];
  useFactory: (...args: never[]) => JwtVerificationOptions | Promise<JwtVerificationOptions>;
}

/**
 * Registers the access-token strategy used by JwtAuthGuard and provides
 * JwtVerifier. Import it once per app; the guard then works on any controller.
 */
@Module({})
export class JwtVerificationModule {
  static register(options: JwtVerificationOptions): DynamicModule {
    return JwtVerificationModule.with([], { provide: JWT_VERIFICATION_OPTIONS, useValue: options });
  }

  /** For a key known only once the app's providers run (read from a file, created on first start). */
  static registerAsync(options: JwtVerificationAsyncOptions): DynamicModule {
    return JwtVerificationModule.with(options.imports ?? [], {
      provide: JWT_VERIFICATION_OPTIONS,
      inject: options.inject ?? [],
      useFactory: options.useFactory,
    });
  }

  private static with(imports: NonNullable<ModuleMetadata['imports']>, optionsProvider: Provider): DynamicModule {
    return {
      module: JwtVerificationModule,
      imports: [PassportModule, ...imports],
      providers: [optionsProvider, JwtStrategy, JwtVerifier, { provide: VerifiedTokenCache, useValue: new VerifiedTokenCache() }],
      exports: [JwtVerifier, VerifiedTokenCache],
    };
  }
}
