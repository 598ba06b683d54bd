import { DomainError, ErrorCode } from '@finstack/contracts';
import { decideIdempotency, idempotencyExpiry, isUniqueViolation, requestHash, TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { EntityManager, LessThanOrEqual } from 'typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export interface IdempotentRequest {
  userId: string;
  idempotencyKey: string;
  /** The validated request, fingerprinted to tell a retry from a different request under the same key. */
  request: unknown;
}

export interface IdempotentResult<T> {
  response: T;
  /** True when the response is the stored answer to an earlier, identical request. */
  replayed: boolean;
}

/**
 * Runs a write at most once per (user, Idempotency-Key), storing its response
 * in the same database transaction as the write. `work` must return plain
 * JSON data: a replay answers with the stored JSON.
 */
@Injectable()
export class IdempotentRequestsService {
  constructor(private readonly runner: TransactionRunner) {}

  async run<T>(request: IdempotentRequest, work: (manager: EntityManager) => Promise<T>): Promise<IdempotentResult<T>> {
    const hash = requestHash(request.request);
    try {
      return await this.attempt(request, hash, work);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS)) throw error;
      // A twin request with this key committed first; read again, now its stored response decides.
      return this.attempt(request, hash, work);
    }
  }

  /**
   * Which of these requests' keys have a record already (answered, in
   * progress or expired): those must take `run`, which decides between them.
   * Answers keys made by `recordKeyOf`.
   */
  async recorded(manager: EntityManager, requests: readonly IdempotentRequest[]): Promise<Set<string>> {
    if (requests.length === 0) return new Set();
    const rows = await manager.find(IdempotencyKeyEntity, {
      select: { userId: true, idempotencyKey: true },
      where: requests.map(({ userId, idempotencyKey }) => ({ userId, idempotencyKey })),
    });
    return new Set(rows.map(recordKeyOf));
  }

  /**
   * Records requests answered in the caller's transaction (a batch of
   * creates) together with their responses. A twin arriving meanwhile waits
   * on these rows and then replays; if one got here first, the insert fails
   * on its key and the caller's transaction with it.
   */
  async recordAnswered(manager: EntityManager, answered: readonly { request: IdempotentRequest; response: unknown }[], now: Date): Promise<void> {
    if (answered.length === 0) return;
    await manager.insert(
      IdempotencyKeyEntity,
      answered.map(({ request, response }) => ({
        userId: request.userId,
        idempotencyKey: request.idempotencyKey,
        requestHash: requestHash(request.request),
        responseBody: JSON.stringify(response),
        createdAt: now,
        expiresAt: idempotencyExpiry(now),
      })),
    );
  }

  private attempt<T>(
    { userId, idempotencyKey }: IdempotentRequest,
    hash: string,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<IdempotentResult<T>> {
    return this.runner.run(async (manager) => {
      const now = new Date();
      const stored = await manager.findOneBy(IdempotencyKeyEntity, { userId, idempotencyKey });
      const decision = decideIdempotency(stored, hash, now);
      if (decision.kind === 'replay') return { response: JSON.parse(decision.responseBody) as T, replayed: true };
      if (decision.kind === 'reused') {
        throw new DomainError(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          'this Idempotency-Key was already used for a different request; use a new key for a new request',
        );
      }
      if (decision.replacesExpired) {
        // Only while still expired: a twin may have replaced it a moment ago, and its fresh record must stay.
        await manager.delete(IdempotencyKeyEntity, { userId, idempotencyKey, expiresAt: LessThanOrEqual(now) });
      }
      await this.claim(manager, { userId, idempotencyKey, requestHash: hash, now });
      const response = await work(manager);
      await manager.update(IdempotencyKeyEntity, { userId, idempotencyKey }, { responseBody: JSON.stringify(response) });
      return { response, replayed: false };
    });
  }

  /**
   * Inserts the key before the work runs. On MySQL a concurrent twin blocks
   * on this row until we commit, then fails on the duplicate key instead of
   * writing a second time (and before it could trip over our unique values).
   */
  private async claim(
    manager: EntityManager,
    claim: { userId: string; idempotencyKey: string; requestHash: string; now: Date },
  ): Promise<void> {
    try {
      await manager.insert(IdempotencyKeyEntity, {
        userId: claim.userId,
        idempotencyKey: claim.idempotencyKey,
        requestHash: claim.requestHash,
        responseBody: '',
        createdAt: claim.now,
        expiresAt: idempotencyExpiry(claim.now),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError(
        ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
        'another request with this Idempotency-Key is in progress; retry shortly',
      );
    }
  }
}

/** One string per (user, key), to compare requests with `recorded`'s answer. */
export function recordKeyOf({ userId, idempotencyKey }: { userId: string; idempotencyKey: string }): string {
  return `${userId} ${idempotencyKey}`;
}
