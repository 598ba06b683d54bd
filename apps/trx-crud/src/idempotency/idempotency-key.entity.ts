import { StoredIdempotentResponse } from '@finstack/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The response to the first request made with a user's Idempotency-Key. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity implements StoredIdempotentResponse {
  @PrimaryColumn({ name: 'user_id' })
  userId!: string;

  @PrimaryColumn({ name: 'idempotency_key' })
  idempotencyKey!: string;

  @Column({ name: 'request_hash' })
  requestHash!: string;

  /** JSON of the response; empty only inside the transaction that is producing it. */
  @Column({ name: 'response_body', type: 'text' })
  responseBody!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
