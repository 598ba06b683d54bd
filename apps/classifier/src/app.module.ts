import { ConfigModule } from '@finstack/config';
import { DatabaseModule, UserRowsEraseController } from '@finstack/database';
import { CallableBy, HealthRpcController, SERVICE_NAME } from '@finstack/rpc';
import { LifecycleModule } from '@finstack/lifecycle';
import { MetricsModule } from '@finstack/metrics';
import { Module } from '@nestjs/common';
import { ClassificationModule } from './classification/classification.module';
import { ClassifierEnv } from './classifier-env';
import { classifierStorage } from './classifier-storage';
import { LearningModule } from './learning/learning.module';
import { RulesModule } from './rules/rules.module';

/** Account deletion (USER_DATA.erase): every table of this schema with a user_id column, the classifier: rules, learned examples and the learning version. */
/** USER_DATA.erase comes from the gateway's identity-outbox relay after an account deletion, with its service token. */
const ERASED_BY_THE_GATEWAY = CallableBy('service:gateway');
const UserDataController = UserRowsEraseController('classifier', ['rules', 'learned_examples', 'learning_versions'], ERASED_BY_THE_GATEWAY);

@Module({
  imports: [
    ConfigModule.forRoot(ClassifierEnv),
    MetricsModule.forRoot('classifier'),
    LifecycleModule.forRoot({ settingsClass: ClassifierEnv, database: true, opsListener: (env) => ({ host: env.CLASSIFIER_HOST, defaultPort: 9102 }) }),
    DatabaseModule.forRoot(ClassifierEnv, classifierStorage),
    RulesModule,
    LearningModule,
    ClassificationModule,
  ],
  controllers: [HealthRpcController, UserDataController],
  providers: [{ provide: SERVICE_NAME, useValue: 'classifier' }],
})
export class AppModule {}
