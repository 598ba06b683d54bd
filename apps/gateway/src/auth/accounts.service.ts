import { DomainError, ErrorCode } from '@finstack/contracts';
import { isUniqueViolation, TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AccountView, toAccountView } from './account.view';
import { PasswordHasher } from './password-hasher.service';
import { RegisterBody } from './register.dto';
import { emailKeyOf, UserEntity } from './user.entity';

@Injectable()
export class AccountsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly passwords: PasswordHasher,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async register(body: RegisterBody): Promise<AccountView> {
    const now = new Date();
    const user: UserEntity = {
      id: uuidv7(),
      email: body.email,
      emailKey: emailKeyOf(body.email),
      passwordHash: await this.passwords.hash(body.password),
      displayName: body.displayName ?? null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.transactions.run(async (manager) => {
        // Looked up first because TypeORM logs a failed INSERT with its parameters,
        // password hash included; the unique index still settles a race.
        if (await manager.existsBy(UserEntity, { emailKey: user.emailKey })) throw emailTaken();
        await manager.insert(UserEntity, user);
      });
    } catch (error) {
      throw isUniqueViolation(error) ? emailTaken() : error;
    }
    return toAccountView(user);
  }

  async profile(userId: string): Promise<AccountView> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the account of this token no longer exists');
    return toAccountView(user);
  }
}

const emailTaken = () => new DomainError(ErrorCode.EMAIL_TAKEN, 'an account with this email already exists');
