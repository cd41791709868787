/**
 * The "Remove evidence" task: shows the item (freshly read) and asks before removing it. The server
 * refuses to remove a claim's last item; its message says to delete the claim instead.
 */
import { useId, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { request } from '../api/client.ts';
import { RemoveEvidenceDocument } from './generated.ts';
import { fetchClaim, type LoadedClaim } from './claim-loading.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { formErrorsOf, NO_ERRORS, toErrorLike, type FormErrors } from './field-errors.ts';
import { ErrorSummary } from './form-ui.tsx';
import { LoadFailure } from './LoadFailure.tsx';
import { proposedMessage, useSaveOrPropose } from './review-mode.tsx';
import type { TaskProps } from './task-props.ts';
import { useRemote } from '../api/use-remote.ts';

export interface RemoveEvidenceProps extends TaskProps {
  readonly claimId: string;
  readonly evidenceId: string;
  /** The claim's version when the editor chose to remove the item. */
  readonly expectedVersion: number;
}

type Evidence = LoadedClaim['evidence'][number];

export function RemoveEvidence({ claimId, evidenceId, expectedVersion, onWrite }: RemoveEvidenceProps) {
  // Loaded once per subject: a form is not refreshed under the editor's hands by writes elsewhere.
  const loaded = useRemote(JSON.stringify(['RemoveEvidence', claimId]), () => fetchClaim(claimId), {
    followWrites: false,
  });
  const reload = loaded.reload;
  if (loaded.status === 'loading' || loaded.status === 'idle')
    return <p className="status">Loading the claim…</p>;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  const claim = loaded.data;
  if (claim === null) return <p>There is no claim {claimId}; it may have been deleted.</p>;
  const item = claim.evidence.find((evidence) => evidence.id === evidenceId);
  if (item === undefined) return <p>This evidence item is no longer on the claim.</p>;
  return <ConfirmRemoval claim={claim} item={item} expectedVersion={expectedVersion} onWrite={onWrite} />;
}

interface ConfirmRemovalProps extends TaskProps {
  readonly claim: LoadedClaim;
  readonly item: Evidence;
  readonly expectedVersion: number;
}

function ConfirmRemoval({ claim, item, expectedVersion, onWrite }: ConfirmRemovalProps) {
  const formId = useId();
  const [version, setVersion] = useState(expectedVersion);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<number | null>(null);
  const [removed, setRemoved] = useState<'removed' | 'proposed' | null>(null);
  const review = useSaveOrPropose();

  const remove = (atVersion: number): void => {
    const invalid = review.check();
    if (Object.keys(invalid).length > 0) {
      setErrors({ fields: invalid, form: null });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    setConflict(null);
    const change = { claimId: claim.id, evidenceId: item.id, expectedVersion: atVersion };
    review
      .save({ removeEvidence: change }, () => request(RemoveEvidenceDocument, change))
      .then(
        (outcome) => {
          setBusy(false);
          setRemoved(outcome.kind === 'proposed' ? 'proposed' : 'removed');
          if (outcome.kind === 'proposed') onWrite(proposedMessage(outcome));
          else onWrite('Evidence removed.', claim.id);
        },
        (error: unknown) => {
          setBusy(false);
          if (error instanceof ApiError && error.code === 'CONFLICT' && error.currentVersion !== null) {
            setConflict(error.currentVersion);
          } else {
            setErrors(formErrorsOf(toErrorLike(error), []));
          }
        },
      );
  };

  if (removed === 'proposed')
    return (
      <p>
        Removing the evidence item from <q>{claim.reading}</q> is proposed for review.
      </p>
    );
  if (removed === 'removed')
    return (
      <p>
        The evidence item was removed from <q>{claim.reading}</q>.
      </p>
    );
  return (
    <div className="editor-form">
      <p className="editor-subject">
        From the claim <q>{claim.reading}</q>
      </p>
      <ErrorSummary formId={formId} errors={errors} title="Not removed" />
      <EvidenceSummary item={item} />
      {claim.evidence.length === 1 ? (
        <p className="field-hint">
          This is the claim&apos;s only evidence item. A claim needs at least one, so the server will refuse;
          delete the claim instead.
        </p>
      ) : null}
      {review.field(formId, errors.fields)}
      {conflict === null ? (
        <div className="editor-actions">
          <button type="button" className="danger" onClick={() => remove(version)} disabled={busy}>
            {busy ? 'Sending…' : review.mustPropose ? 'Propose removing it' : 'Remove this evidence'}
          </button>
        </div>
      ) : (
        <ConflictNotice
          message={`Someone changed this claim after you opened it (it is now at version ${conflict}).`}
          retryLabel="Remove it anyway"
          onRetry={() => {
            setVersion(conflict);
            remove(conflict);
          }}
          discardLabel="Keep it"
          onDiscard={() => {
            setVersion(conflict);
            setConflict(null);
          }}
          busy={busy}
        />
      )}
    </div>
  );
}

/** The item as a reader would see it: stance, level, quote or note, and where it comes from. */
function EvidenceSummary({ item }: { readonly item: Evidence }) {
  const { source } = item;
  return (
    <div className="evidence-summary">
      <p>
        <strong>{item.stance === 'SUPPORTS' ? 'Supports' : 'Disputes'}</strong> · {item.levelLabel}
        {item.unverified ? ' · unverified' : ''}
      </p>
      {item.quote === null ? null : <blockquote>{item.quote}</blockquote>}
      {item.note === null ? null : <p>Curator&apos;s note: {item.note}</p>}
      <p className="evidence-source">
        {source.name}: {source.title}
        {source.year === null ? '' : ` (${source.year})`}
        {item.locator === null ? '' : `, ${item.locator}`}
      </p>
    </div>
  );
}
