import { StorageSettings } from '@finstack/database';
import { ClassifierEnv } from './classifier-env';
import { LearnedExampleEntity } from './learning/learned-example.entity';
import { LearningVersionEntity } from './learning/learning-version.entity';
import { CLASSIFIER_MIGRATIONS } from './migrations';
import { RuleEntity } from './rules/rule.entity';

const CLASSIFIER_ENTITIES = [RuleEntity, LearnedExampleEntity, LearningVersionEntity];

/** The classifier schema, for the running app and for the TypeORM CLI alike. */
export function classifierStorage(env: ClassifierEnv): StorageSettings {
  return {
    databaseUrl: env.DATABASE_URL,
    tls: env.DATABASE_TLS,
    dataDir: env.DATA_DIR,
    schema: 'classifier',
    entities: CLASSIFIER_ENTITIES,
    migrations: CLASSIFIER_MIGRATIONS,
    migrationsRun: env.MIGRATIONS_RUN,
  };
}
