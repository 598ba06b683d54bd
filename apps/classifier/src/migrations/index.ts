import { CreateClassifierTables1763769600000 } from './1763769600000-create-classifier-tables';

/** Every migration of the classifier schema, oldest first. */
export const CLASSIFIER_MIGRATIONS = [CreateClassifierTables1763769600000];
