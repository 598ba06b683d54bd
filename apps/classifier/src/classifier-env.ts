import { CommonEnv } from '@finstack/config';

/**
 * Settings of the classifier service. Everything it needs is common to all
 * apps: its database, CLASSIFIER_HOST/CLASSIFIER_PORT to listen on (the
 * gateway reads them too) and TRX_CRUD_HOST/TRX_CRUD_PORT to reach the ledger.
 */
export class ClassifierEnv extends CommonEnv {}
