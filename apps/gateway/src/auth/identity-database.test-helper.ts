import { dataSourceOptions, TransactionRunner } from '@finstack/database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { IDENTITY_MIGRATIONS } from '../migrations';
import { MailMessage } from '@finstack/mail';
import { GatewayEnv } from '../gateway-env';
import { MAIL_OUTBOX } from '../mail/mail-outbox';
import { MailRelay } from '../mail/mail-relay.module';
import { AccountsService } from './accounts.service';
import { EmailVerificationService } from './email-verification.service';
import { IDENTITY_ENTITIES } from './identity.entities';
import { PasswordHasher } from './password-hasher.service';
import { PasswordStrength } from './passwords/password-strength';
import { RegisterBody } from './register.dto';
import { emailKeyOf, UserEntity } from './user.entity';

export interface IdentityDatabase {
  dataSource: DataSource;
  transactions: TransactionRunner;
  close(): Promise<void>;
}

/** A real SQLite identity schema in a fresh temp dir, built by the real migrations. */
export async function openIdentityDatabase(): Promise<IdentityDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'finstack-identity-'));
  const dataSource = new DataSource(
    dataSourceOptions({
      dataDir,
      schema: 'identity',
      entities: IDENTITY_ENTITIES,
      migrations: IDENTITY_MIGRATIONS,
      migrationsRun: true,
    }),
  );
  await dataSource.initialize();
  return {
    dataSource,
    transactions: new TransactionRunner(dataSource),
    close: async () => {
      await dataSource.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Stands in for the mail relay in specs: the queued mail stays in mail_outbox, where specs read it. */
export const idleMailRelay = { wake: () => undefined } as unknown as MailRelay;

/** The account use cases on a spec's database, with the default settings. */
export function accountsOn(db: IdentityDatabase, passwords = new PasswordHasher()) {
  const env = new GatewayEnv();
  const verifications = new EmailVerificationService(db.transactions, env, idleMailRelay);
  const accounts = new AccountsService(db.transactions, passwords, db.dataSource.getRepository(UserEntity), verifications, idleMailRelay, env, new PasswordStrength());
  return { accounts, verifications };
}

/** Registers an account and marks its address verified, as the mailed link would; its id. */
export async function registerVerified(db: IdentityDatabase, accounts: AccountsService, body: RegisterBody): Promise<string> {
  await accounts.register(body);
  const emailKey = emailKeyOf(body.email);
  await db.dataSource.manager.update(UserEntity, { emailKey }, { emailVerifiedAt: new Date() });
  return (await db.dataSource.manager.findOneByOrFail(UserEntity, { emailKey })).id;
}

/** The messages queued for an address, oldest first. */
export async function queuedMail(dataSource: DataSource, to: string): Promise<MailMessage[]> {
  const rows = await dataSource.query<{ payload: string }[]>(`SELECT payload FROM ${MAIL_OUTBOX} ORDER BY id`);
  return rows.map((row) => JSON.parse(row.payload) as MailMessage).filter((mail) => mail.to.toLowerCase() === to.toLowerCase());
}
