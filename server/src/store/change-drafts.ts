/**
 * What a write records in history, built once for both stores: the store adds the sequence number,
 * the time, the actor and the review stamp when it appends the entry in the write's own transaction.
 */
import type { WriteContext } from '../domain/inputs.ts';
import type { ChangeAction, ChangeReview, ChangeTarget, GraphNode, StoredClaim } from '../domain/model.ts';
import { checkActor } from '../domain/validate.ts';
import { nowIso } from './write-plans.ts';

/** A history entry before it has a sequence number. */
export interface ChangeDraft {
  readonly action: ChangeAction;
  readonly targetType: ChangeTarget;
  readonly targetId: string;
  /** Ids whose history shows this change: the target, plus a claim's ends. */
  readonly subjects: readonly string[];
  readonly before: unknown;
  readonly after: unknown;
}

/** The history entry for creating, updating or deleting a node or source. */
export function nodeChange(
  action: 'create' | 'update' | 'delete',
  before: GraphNode | null,
  after: GraphNode | null,
): ChangeDraft {
  const target = after ?? before;
  if (target === null) throw new Error('a node change needs a record');
  return {
    action,
    targetType: target.kind === 'source' ? 'source' : 'node',
    targetId: target.id,
    subjects: [target.id],
    before,
    after,
  };
}

/** The history entry for a change to a claim; its ends see it in their history too. */
export function claimChange(
  action: 'create' | 'update' | 'delete' | 'add-evidence' | 'remove-evidence',
  before: StoredClaim | null,
  after: StoredClaim | null,
): ChangeDraft {
  const target = after ?? before;
  if (target === null) throw new Error('a claim change needs a record');
  const ends = [before, after].flatMap((claim) => (claim === null ? [] : [claim.from, claim.to]));
  return { action, targetType: 'claim', targetId: target.id, subjects: [target.id, ...ends], before, after };
}

/** Who made a change, when, and how it was published: the part of a history entry a write adds. */
export interface ChangeStamp {
  readonly at: string;
  readonly actor: string;
  readonly review: ChangeReview | null;
}

/** The stamp for a write made now under `context` (its actor checked). */
export function stampOf(context: WriteContext): ChangeStamp {
  return { at: nowIso(), actor: checkActor(context.actor), review: context.review ?? null };
}
