/**
 * Saving under review. Where the server requires review, an editor's change is sent as a proposal
 * (`propose`) with a comment for the reviewer, and it joins the graph only once another editor or an
 * admin approves it; admins, and everyone where review is off, save directly. Every form saves
 * through `useSaveOrPropose`, so the choice is made in one place.
 */
import { createContext, useContext, useState } from 'react';
import { request } from '../api/client.ts';
import type { FieldErrors } from './field-errors.ts';
import { Field } from './form-ui.tsx';
import {
  AmendProposalDocument,
  ProposeDocument,
  type ChangeInput,
  type ProposalFieldsFragment,
} from './generated.ts';

/** How the forms below it save. */
export interface ReviewMode {
  /** The signed-in person's changes go through review. */
  readonly mustPropose: boolean;
  /** The form changes this open proposal (at this version) instead of opening a new one. */
  readonly amending?: { readonly id: string; readonly version: number } | null;
}

export const ReviewModeContext = createContext<ReviewMode>({ mustPropose: false });

/** What a save did: published the record, or opened a proposal for it. */
export type SaveOutcome<T> =
  | { readonly kind: 'published'; readonly record: T }
  | {
      readonly kind: 'proposed';
      readonly proposal: ProposalFieldsFragment;
      /** An existing proposal was changed rather than a new one opened. */
      readonly amended: boolean;
    };

/** The status line after a proposal is opened or changed. */
export function proposedMessage({
  proposal,
  amended,
}: {
  proposal: ProposalFieldsFragment;
  amended: boolean;
}): string {
  return amended
    ? `Your proposal is changed: ${proposal.description} “${proposal.targetLabel}”. It waits for review again.`
    : `Proposed for review: ${proposal.description} “${proposal.targetLabel}”. It joins the graph once another editor approves it.`;
}

/** A form's save: the reviewer's comment (under review), its check, and the save itself. */
export function useSaveOrPropose() {
  const { mustPropose, amending = null } = useContext(ReviewModeContext);
  const [comment, setComment] = useState('');
  return {
    mustPropose,
    /** The "why" field, shown only when the change will be a proposal. */
    field: (formId: string, errors: FieldErrors) =>
      mustPropose ? (
        <Field
          formId={formId}
          field="comment"
          label={
            amending ? 'What you changed, and why (for the reviewer)' : 'Why this change? (for the reviewer)'
          }
          hint="What it corrects or adds, and on which source. Another editor reads this before approving."
          errors={errors}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          )}
        </Field>
      ) : null,
    /** The comment's problem, if any, to merge into the form's own checks. */
    check: (): FieldErrors =>
      mustPropose && comment.trim() === '' ? { comment: 'Say why, for the editor who reviews it.' } : {},
    /** The submit button's words. */
    label: (direct: string): string =>
      amending ? 'Save the changed proposal' : mustPropose ? 'Propose for review' : direct,
    /** True when the form changes an open proposal (deleting is then not on offer). */
    amending: amending !== null,
    /** Saves directly, or proposes `change` with the comment. */
    save: async <T,>(change: ChangeInput, direct: () => Promise<T>): Promise<SaveOutcome<T>> => {
      if (amending !== null) {
        const { amendProposal } = await request(AmendProposalDocument, {
          id: amending.id,
          expectedVersion: amending.version,
          change,
          comment: comment.trim(),
        });
        return { kind: 'proposed', proposal: amendProposal, amended: true };
      }
      if (!mustPropose) return { kind: 'published', record: await direct() };
      const { propose } = await request(ProposeDocument, { change, comment: comment.trim() });
      setComment('');
      return { kind: 'proposed', proposal: propose, amended: false };
    },
  };
}
