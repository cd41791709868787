/**
 * The "Edit node" task: the node form prefilled from a fresh read, saved as a patch of the changed
 * fields against the version it was loaded at; a lost race opens the ConflictNotice. Also deletes
 * the node, which the server refuses while claims still use it.
 */
import { useCallback, useId, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { request } from '../api/client.ts';
import {
  DeleteNodeDocument,
  NodeForEditDocument,
  UpdateNodeDocument,
  type NodePatchInput,
} from './generated.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { labelOf } from './field-labels.ts';
import { formErrorsOf, NO_ERRORS, toErrorLike, type FormErrors } from './field-errors.ts';
import { ErrorSummary } from './form-ui.tsx';
import { NodeFields } from './NodeForm.tsx';
import {
  checkNodeEdit,
  conflictRows,
  NODE_FIELDS,
  nodePatch,
  nodeValuesOf,
  rebase,
  type NodeRecord,
  type NodeValues,
} from './node-values.ts';
import type { TaskProps } from './task-props.ts';
import { useLoad } from './use-load.ts';
import { LoadFailure } from './LoadFailure.tsx';

/** The node as saved now; null when it no longer exists. */
function fetchNode(id: string): Promise<NodeRecord | null> {
  return request(NodeForEditDocument, { id }, { fresh: true }).then(({ node }) => node);
}

export function EditNode({ id, onWrite }: TaskProps & { readonly id: string }) {
  const load = useCallback(() => fetchNode(id), [id]);
  const [loaded, reload] = useLoad(load);
  if (loaded.status === 'loading') return <p className="status">Loading {id}…</p>;
  if (loaded.status === 'failed') return <LoadFailure error={loaded.error} onRetry={reload} />;
  const record = loaded.data;
  if (record === null) return <p>There is no node {id}; it may have been deleted.</p>;
  if (record.kind === 'SOURCE') return <p>{id} is a source; sources cannot be edited here yet.</p>;
  return <EditNodeForm key={record.id} record={record} onWrite={onWrite} />;
}

type Phase =
  | { readonly type: 'editing' }
  | { readonly type: 'conflict'; readonly theirs: NodeRecord }
  | { readonly type: 'confirmDelete' }
  | { readonly type: 'deleted' };

function EditNodeForm({ record, onWrite }: TaskProps & { readonly record: NodeRecord }) {
  const formId = useId();
  // `base` is the saved record my edits started from; its version goes out as expectedVersion.
  const [base, setBase] = useState(record);
  const [values, setValues] = useState<NodeValues>(() => nodeValuesOf(record));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [phase, setPhase] = useState<Phase>({ type: 'editing' });

  /** A version conflict: fetch what is saved now and show it beside my edits. */
  const onConflict = (): Promise<void> =>
    fetchNode(base.id).then((theirs) => {
      if (theirs === null)
        setErrors({ fields: {}, form: 'Someone deleted this node while you were editing it.' });
      else setPhase({ type: 'conflict', theirs });
    });

  const fail = (error: unknown): Promise<void> => {
    if (error instanceof ApiError && error.code === 'CONFLICT' && error.currentVersion !== null)
      return onConflict();
    setErrors(formErrorsOf(toErrorLike(error), NODE_FIELDS));
    return Promise.resolve();
  };

  const save = (patch: NodePatchInput, expectedVersion: number): void => {
    setBusy(true);
    setErrors(NO_ERRORS);
    request(UpdateNodeDocument, { id: base.id, expectedVersion, patch })
      .then(({ updateNode }) => {
        setBase(updateNode);
        setValues(nodeValuesOf(updateNode));
        setPhase({ type: 'editing' });
        onWrite(`Saved “${updateNode.name}”.`, updateNode.id);
      }, fail)
      .catch((error: unknown) => setErrors(formErrorsOf(toErrorLike(error), [])))
      .finally(() => setBusy(false));
  };

  const submit = (event: React.SubmitEvent): void => {
    event.preventDefault();
    const invalid = checkNodeEdit(values);
    if (Object.keys(invalid).length > 0) {
      setErrors({ fields: invalid, form: null });
      return;
    }
    const patch = nodePatch(nodeValuesOf(base), values);
    if (Object.keys(patch).length === 0) {
      setErrors({ fields: {}, form: 'Nothing to save: no field has changed.' });
      return;
    }
    save(patch, base.version);
  };

  const remove = (): void => {
    setBusy(true);
    setErrors(NO_ERRORS);
    request(DeleteNodeDocument, { id: base.id, expectedVersion: base.version })
      .then(() => {
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

  const start = nodeValuesOf(base);
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
          message={`Someone saved a change to this node while you were editing (it is now at version ${phase.theirs.version}).`}
          fields={conflictRows(start, nodeValuesOf(phase.theirs), values).map((row) => ({
            ...row,
            label: labelOf(row.field),
          }))}
          retryLabel="Keep my changes and retry"
          onRetry={() => {
            const theirs = nodeValuesOf(phase.theirs);
            const merged = rebase(start, theirs, values);
            setBase(phase.theirs);
            setValues(merged);
            const patch = nodePatch(theirs, merged);
            if (Object.keys(patch).length > 0) save(patch, phase.theirs.version);
            else setPhase({ type: 'editing' });
          }}
          discardLabel="Discard mine"
          onDiscard={() => {
            setBase(phase.theirs);
            setValues(nodeValuesOf(phase.theirs));
            setErrors(NO_ERRORS);
            setPhase({ type: 'editing' });
          }}
          busy={busy}
        />
      ) : null}
      <NodeFields formId={formId} values={values} onChange={setValues} errors={errors.fields} kindFixed />
      <div className="editor-actions">
        <button type="submit" disabled={busy || phase.type === 'conflict'}>
          {busy && phase.type === 'editing' ? 'Saving…' : 'Save changes'}
        </button>
        {phase.type === 'confirmDelete' ? null : (
          <button
            type="button"
            className="danger"
            disabled={busy || phase.type === 'conflict'}
            onClick={() => setPhase({ type: 'confirmDelete' })}
          >
            Delete node…
          </button>
        )}
      </div>
      {phase.type === 'confirmDelete' ? (
        <div className="confirm" role="group" aria-label="Confirm deletion">
          <p>
            Delete “{base.name}”? It disappears from the map; its history stays. A node that claims still use
            cannot be deleted.
          </p>
          <div className="editor-actions">
            <button type="button" className="danger" onClick={remove} disabled={busy}>
              {busy ? 'Deleting…' : 'Delete'}
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
