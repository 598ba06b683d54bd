import { DomainEvent, EVENT_TYPES, RunKind, VarCompletedPayload, VarProgressPayload } from '@finstack/contracts';
import { domainEvent } from '@finstack/outbox';

/** The outbox of this schema (see @finstack/outbox). */
export const VAR_OUTBOX = 'var_outbox';

interface RunRef {
  id: string;
  userId: string;
  kind: RunKind;
}

export function varProgress(run: RunRef, progress: number, now: Date): DomainEvent {
  const payload: VarProgressPayload = { runId: run.id, kind: run.kind, progress };
  return domainEvent(EVENT_TYPES.varProgress, payload, { userId: run.userId, occurredAt: now });
}

export function varCompleted(
  run: RunRef,
  outcome: { status: 'succeeded' | 'failed'; durationMs: number; error: VarCompletedPayload['error'] },
  now: Date,
): DomainEvent {
  const payload: VarCompletedPayload = { runId: run.id, kind: run.kind, ...outcome, durationMs: Math.round(outcome.durationMs) };
  return domainEvent(EVENT_TYPES.varCompleted, payload, { userId: run.userId, occurredAt: now });
}
