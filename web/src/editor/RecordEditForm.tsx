/**
 * The form behind "Edit node", for concept nodes and sources alike: prefilled from a fresh read,
 * saved as a patch of the changed fields against the version it was loaded at; a lost race opens
 * the ConflictNotice. Also deletes the record, which the server refuses while anything still uses it.
 */
import { useId, useState, type ReactNode } from 'react';
import { ApiError, request } from '../api/client.ts';
import { DeleteNodeDocument, type ChangeInput } from './generated.ts';
import { proposedMessage, useSaveOrPropose } from './review-mode.tsx';
import { ConflictNotice, type ConflictField } from './ConflictNotice.tsx';
import { formErrorsOf, NO_ERRORS, toErrorLike, type FieldErrors, type FormErrors } from './field-errors.ts';
import { ErrorSummary } from './form-ui.tsx';
import type { TaskProps } from './task-props.ts';

/** What every editable record has: deleteNode and the success messages need no more. */
export interface SavedRecord {
  readonly id: string;
  readonly name: string;
  readonly version: number;
}

/** The props a record's fields component gets. */
export interface RecordFieldsProps<V> {
  readonly formId: string;
  readonly values: V;
  readonly onChange: (values: V) => void;
  readonly errors: FieldErrors;
}

/** How to load, compare, patch and show one kind of record (`R` as loaded, `V` its form values, `P` its patch). */
export interface RecordEditing<R extends SavedRecord, V, P extends object> {
  /** "node", "source": how the messages name the record. */
  readonly noun: string;
  /** What a delete would break, said before asking to confirm. */
  readonly deleteNote: string;
  /** The form's field names, where server errors go. */
  readonly fields: readonly string[];
  /** The record as saved now; null when it no longer exists. */
  readonly fetch: (id: string) => Promise<R | null>;
  readonly update: (id: string, expectedVersion: number, patch: P) => Promise<R>;
  /** The same update as a proposal's change (when review is required). */
  readonly updateChange: (id: string, expectedVersion: number, patch: P) => ChangeInput;
  readonly valuesOf: (record: R) => V;
  readonly check: (values: V) => FieldErrors;
  readonly patch: (base: V, values: V) => P;
  /** The conflict table's rows, labelled. */
  readonly conflictRows: (base: V, theirs: V, mine: V) => readonly ConflictField[];
  readonly rebase: (base: V, theirs: V, mine: V) => V;
  /** The record with a stored proposal's patch (as the API keeps it) over its own fields. */
  readonly withPatch: (record: R, patch: Readonly<Record<string, unknown>>) => R;
  readonly renderFields: (props: RecordFieldsProps<V>) => ReactNode;
}

export interface RecordEditFormProps<R extends SavedRecord, V, P extends object> extends TaskProps {
  readonly editing: RecordEditing<R, V, P>;
  readonly record: R;
  /** A proposal's patch to start from instead of the record's own values (a proposal being changed). */
  readonly proposedPatch?: Readonly<Record<string, unknown>> | null;
}

type Phase<R> =
  | { readonly type: 'editing' }
  | { readonly type: 'conflict'; readonly theirs: R }
  | { readonly type: 'confirmDelete' }
  | { readonly type: 'deleted' };

export function RecordEditForm<R extends SavedRecord, V, P extends object>({
  editing,
  record,
  onWrite,
  proposedPatch = null,
}: RecordEditFormProps<R, V, P>) {
  const { noun } = editing;
  const formId = useId();
  // `base` is the saved record my edits started from; its version goes out as expectedVersion.
  const [base, setBase] = useState(record);
  const [values, setValues] = useState<V>(() =>
    editing.valuesOf(proposedPatch === null ? record : editing.withPatch(record, proposedPatch)),
  );
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [phase, setPhase] = useState<Phase<R>>({ type: 'editing' });
  const review = useSaveOrPropose();

  /** A version conflict: fetch what is saved now and show it beside my edits. */
  const onConflict = (): Promise<void> =>
    editing.fetch(base.id).then((theirs) => {
      if (theirs === null)
        setErrors({ fields: {}, form: `Someone deleted this ${noun} while you were editing it.` });
      else setPhase({ type: 'conflict', theirs });
    });

  const fail = (error: unknown): Promise<void> => {
    if (error instanceof ApiError && error.code === 'CONFLICT' && error.currentVersion !== null)
      return onConflict();
    setErrors(formErrorsOf(toErrorLike(error), editing.fields));
    return Promise.resolve();
  };

  const save = (patch: P, expectedVersion: number): void => {
    setBusy(true);
    setErrors(NO_ERRORS);
    review
      .save(editing.updateChange(base.id, expectedVersion, patch), () =>
        editing.update(base.id, expectedVersion, patch),
      )
      .then((outcome) => {
        setPhase({ type: 'editing' });
        if (outcome.kind === 'proposed') {
          // The record itself is unchanged until the proposal is approved; the form keeps the edits.
          onWrite(proposedMessage(outcome));
          return;
        }
        setBase(outcome.record);
        setValues(editing.valuesOf(outcome.record));
        onWrite(`Saved “${outcome.record.name}”.`, outcome.record.id);
      }, fail)
      .catch((error: unknown) => setErrors(formErrorsOf(toErrorLike(error), [])))
      .finally(() => setBusy(false));
  };

  const submit = (event: React.SubmitEvent): void => {
    event.preventDefault();
    const invalid = { ...editing.check(values), ...review.check() };
    if (Object.keys(invalid).length > 0) {
      setErrors({ fields: invalid, form: null });
      return;
    }
    const patch = editing.patch(editing.valuesOf(base), values);
    if (Object.keys(patch).length === 0) {
      setErrors({ fields: {}, form: 'Nothing to save: no field has changed.' });
      return;
    }
    save(patch, base.version);
  };

  const remove = (): void => {
    setBusy(true);
    setErrors(NO_ERRORS);
    const reasonMissing = review.check();
    if (Object.keys(reasonMissing).length > 0) {
      setErrors({ fields: reasonMissing, form: null });
      setBusy(false);
      return;
    }
    const deletion = { deleteNode: { id: base.id, expectedVersion: base.version } };
    review
      .save(deletion, () => request(DeleteNodeDocument, { id: base.id, expectedVersion: base.version }))
      .then((outcome) => {
        if (outcome.kind === 'proposed') {
          setPhase({ type: 'editing' });
          onWrite(proposedMessage(outcome));
          return;
        }
        setPhase({ type: 'deleted' });
        onWrite(`Deleted “${base.name}”.`);
      }, fail)
      .catch((error: unknown) => setErrors(formErrorsOf(toErrorLike(error), [])))
      .finally(() => setBusy(false));
  };

  if (phase.type === 'deleted')
    return (
      <p>
        “{base.name}” ({base.id}) was deleted.
      </p>
    );

  const start = editing.valuesOf(base);
  return (
    <form className="editor-form" onSubmit={submit} noValidate>
      <p className="editor-subject">
        {base.id} · version {base.version}
      </p>
      <ErrorSummary
        formId={formId}
        errors={errors}
        title={phase.type === 'confirmDelete' ? 'Not deleted' : 'Not saved'}
      />
      {phase.type === 'conflict' ? (
        <ConflictNotice
          message={`Someone saved a change to this ${noun} while you were editing (it is now at version ${phase.theirs.version}).`}
          fields={editing.conflictRows(start, editing.valuesOf(phase.theirs), values)}
          retryLabel="Keep my changes and retry"
          onRetry={() => {
            const theirs = editing.valuesOf(phase.theirs);
            const merged = editing.rebase(start, theirs, values);
            setBase(phase.theirs);
            setValues(merged);
            const patch = editing.patch(theirs, merged);
            if (Object.keys(patch).length > 0) save(patch, phase.theirs.version);
            else setPhase({ type: 'editing' });
          }}
          discardLabel="Discard mine"
          onDiscard={() => {
            setBase(phase.theirs);
            setValues(editing.valuesOf(phase.theirs));
            setErrors(NO_ERRORS);
            setPhase({ type: 'editing' });
          }}
          busy={busy}
        />
      ) : null}
      {editing.renderFields({ formId, values, onChange: setValues, errors: errors.fields })}
      {review.field(formId, errors.fields)}
      <div className="editor-actions">
        <button type="submit" disabled={busy || phase.type === 'conflict'}>
          {busy && phase.type === 'editing' ? 'Sending…' : review.label('Save changes')}
        </button>
        {phase.type === 'confirmDelete' || review.amending ? null : (
          <button
            type="button"
            className="danger"
            disabled={busy || phase.type === 'conflict'}
            onClick={() => setPhase({ type: 'confirmDelete' })}
          >
            Delete {noun}…
          </button>
        )}
      </div>
      {phase.type === 'confirmDelete' ? (
        <div className="confirm" role="group" aria-label="Confirm deletion">
          <p>
            Delete “{base.name}”? It disappears from the map; its history stays. {editing.deleteNote}
          </p>
          <div className="editor-actions">
            <button type="button" className="danger" onClick={remove} disabled={busy}>
              {busy ? 'Sending…' : review.mustPropose ? 'Propose deleting it' : 'Delete'}
            </button>
            <button type="button" onClick={() => setPhase({ type: 'editing' })} disabled={busy}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
