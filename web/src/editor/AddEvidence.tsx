/** The "Add evidence" task: one more evidence item on an existing claim, at the version it was read. */
import { useId, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { request } from '../api/client.ts';
import { AddEvidenceDocument } from './generated.ts';
import { fetchClaim, type LoadedClaim } from './claim-loading.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { EvidenceFields } from './EvidenceFields.tsx';
import { checkEvidence, EMPTY_EVIDENCE, evidenceFields, type EvidenceValues } from './evidence-values.ts';
import { formErrorsOf, NO_ERRORS, toErrorLike, type FormErrors } from './field-errors.ts';
import { ErrorSummary } from './form-ui.tsx';
import { LoadFailure } from './LoadFailure.tsx';
import { proposedMessage, useSaveOrPropose } from './review-mode.tsx';
import type { TaskProps } from './task-props.ts';
import { useRemote } from '../api/use-remote.ts';

/** addEvidence names the new item `evidence` in errors. */
const PREFIX = 'evidence';
const FIELDS = evidenceFields(PREFIX);

export function AddEvidence({ claimId, onWrite }: TaskProps & { readonly claimId: string }) {
  // Loaded once per subject: a form is not refreshed under the editor's hands by writes elsewhere.
  const loaded = useRemote(JSON.stringify(['AddEvidence', claimId]), () => fetchClaim(claimId), {
    followWrites: false,
  });
  const reload = loaded.reload;
  if (loaded.status === 'loading' || loaded.status === 'idle')
    return <p className="status">Loading the claim…</p>;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  if (loaded.data === null) return <p>There is no claim {claimId}; it may have been deleted.</p>;
  return <AddEvidenceForm key={loaded.data.id} claim={loaded.data} onWrite={onWrite} />;
}

function AddEvidenceForm({ claim, onWrite }: TaskProps & { readonly claim: LoadedClaim }) {
  const formId = useId();
  const [version, setVersion] = useState(claim.version);
  const [values, setValues] = useState<EvidenceValues>(EMPTY_EVIDENCE);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  // Set when someone else changed the claim first: the version it is at now.
  const [conflict, setConflict] = useState<number | null>(null);
  const review = useSaveOrPropose();

  const send = (expectedVersion: number): void => {
    const checked = checkEvidence(values, PREFIX);
    const invalid = { ...('errors' in checked ? checked.errors : {}), ...review.check() };
    if ('errors' in checked || Object.keys(invalid).length > 0) {
      setErrors({ fields: invalid, form: null });
      return;
    }
    setSaving(true);
    setErrors(NO_ERRORS);
    const change = { claimId: claim.id, expectedVersion, evidence: checked.input };
    review
      .save({ addEvidence: change }, () =>
        request(AddEvidenceDocument, change).then(({ addEvidence }) => addEvidence),
      )
      .then(
        (outcome) => {
          setSaving(false);
          setConflict(null);
          setValues(EMPTY_EVIDENCE);
          if (outcome.kind === 'proposed') {
            onWrite(proposedMessage(outcome));
            return;
          }
          setVersion(outcome.record.version);
          onWrite('Evidence added.', claim.id);
        },
        (error: unknown) => {
          setSaving(false);
          if (error instanceof ApiError && error.code === 'CONFLICT' && error.currentVersion !== null) {
            setConflict(error.currentVersion);
          } else {
            setErrors(formErrorsOf(toErrorLike(error), FIELDS));
          }
        },
      );
  };

  return (
    <form
      className="editor-form"
      onSubmit={(event) => {
        event.preventDefault();
        send(version);
      }}
      noValidate
    >
      <p className="editor-subject">
        To the claim <q>{claim.reading}</q>
      </p>
      <ErrorSummary formId={formId} errors={errors} />
      {conflict === null ? null : (
        <ConflictNotice
          message={`Someone changed this claim while you were writing (it is now at version ${conflict}). Your evidence is still in the form.`}
          retryLabel="Add mine to the current version"
          onRetry={() => {
            setVersion(conflict);
            send(conflict);
          }}
          discardLabel="Discard mine"
          onDiscard={() => {
            setVersion(conflict);
            setValues(EMPTY_EVIDENCE);
            setConflict(null);
          }}
          busy={saving}
        />
      )}
      <EvidenceFields
        formId={formId}
        prefix={PREFIX}
        values={values}
        onChange={setValues}
        errors={errors.fields}
        onSourceCreated={(source) => onWrite(`Source added: ${source.name}.`)}
      />
      {review.field(formId, errors.fields)}
      <div className="editor-actions">
        <button type="submit" disabled={saving || conflict !== null}>
          {saving ? 'Sending…' : review.label('Add evidence')}
        </button>
      </div>
    </form>
  );
}
