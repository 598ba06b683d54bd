export * from './payee';
export { normaliseStatement, payeeKey } from './statement-text';
