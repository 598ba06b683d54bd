import { DomainError, ErrorCode } from '@finstack/contracts';
import { AccountsService } from './accounts.service';
import { IdentityDatabase, openIdentityDatabase } from './identity-database.test-helper';
import { PasswordHasher } from './password-hasher.service';
import { UserEntity } from './user.entity';

describe('AccountsService (on a real SQLite identity schema)', () => {
  let db: IdentityDatabase;
  let accounts: AccountsService;

  beforeEach(async () => {
    db = await openIdentityDatabase();
    accounts = new AccountsService(db.transactions, new PasswordHasher(), db.dataSource.getRepository(UserEntity));
  });

  afterEach(() => db.close());

  it('registers an account and shows it without its password', async () => {
    const account = await accounts.register({ email: 'Ada@Example.com', password: 'correct horse battery', displayName: 'Ada' });
    expect(account).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      email: 'Ada@Example.com',
      displayName: 'Ada',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    await expect(accounts.profile(account.id)).resolves.toEqual(account);
  });

  it('gives a null displayName when none is given', async () => {
    const account = await accounts.register({ email: 'bob@example.com', password: 'correct horse battery' });
    expect(account.displayName).toBeNull();
  });

  it('keeps only an argon2id hash of the password', async () => {
    const account = await accounts.register({ email: 'ada@example.com', password: 'correct horse battery' });
    const row = await db.dataSource.manager.findOneByOrFail(UserEntity, { id: account.id });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('correct horse battery');
  });

  it('refuses a second account for the same email in another case with EMAIL_TAKEN', async () => {
    await accounts.register({ email: 'ada@example.com', password: 'correct horse battery' });
    const error = await accounts.register({ email: 'ADA@example.COM', password: 'another good password' }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ErrorCode.EMAIL_TAKEN, status: 409 });
  });

  it('answers UNAUTHENTICATED for the profile of an account that no longer exists', async () => {
    await expect(accounts.profile('0190f5c2-7a3b-7c4d-8e5f-0123456789ab')).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
    });
  });
});
