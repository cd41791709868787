/**
 * The "Edit node" task: loads the record fresh and opens its edit form, the concept-node fields
 * or, for a source, the source editor.
 */
import { request } from '../api/client.ts';
import { NodeForEditDocument, UpdateNodeDocument, type NodePatchInput } from './generated.ts';
import { labelOf } from './field-labels.ts';
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
import { RecordEditForm, type RecordEditing } from './RecordEditForm.tsx';
import { EditSource } from './SourceEditor.tsx';
import type { TaskProps } from './task-props.ts';
import { useRemote } from '../api/use-remote.ts';
import { LoadFailure } from './LoadFailure.tsx';

/** The node as saved now; null when it no longer exists. */
function fetchNode(id: string): Promise<NodeRecord | null> {
  return request(NodeForEditDocument, { id }, { fresh: true }).then(({ node }) => node);
}

const NODE_EDITING: RecordEditing<NodeRecord, NodeValues, NodePatchInput> = {
  noun: 'node',
  deleteNote: 'A node that claims still use cannot be deleted.',
  fields: NODE_FIELDS,
  fetch: fetchNode,
  update: (id, expectedVersion, patch) =>
    request(UpdateNodeDocument, { id, expectedVersion, patch }).then(({ updateNode }) => updateNode),
  updateChange: (id, expectedVersion, patch) => ({ updateNode: { id, expectedVersion, patch } }),
  valuesOf: nodeValuesOf,
  check: checkNodeEdit,
  patch: nodePatch,
  conflictRows: (base, theirs, mine) =>
    conflictRows(base, theirs, mine).map((row) => ({ ...row, label: labelOf(row.field) })),
  rebase,
  withPatch,
  renderFields: (props) => <NodeFields {...props} kindFixed />,
};

export interface EditNodeProps extends TaskProps {
  readonly id: string;
  /** A proposal's patch (as the API stores it) to start from instead of the record's own values. */
  readonly proposedPatch?: Readonly<Record<string, unknown>> | null;
}

export function EditNode({ id, onWrite, proposedPatch = null }: EditNodeProps) {
  // Loaded once per subject: a form is not refreshed under the editor's hands by writes elsewhere.
  const loaded = useRemote(JSON.stringify(['NodeEditor', id]), () => fetchNode(id), { followWrites: false });
  const reload = loaded.reload;
  if (loaded.status === 'loading' || loaded.status === 'idle') return <p className="status">Loading {id}…</p>;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  const record = loaded.data;
  if (record === null) return <p>There is no node {id}; it may have been deleted.</p>;
  // A source has fields of its own, loaded by its editor.
  if (record.kind === 'SOURCE')
    return <EditSource id={record.id} onWrite={onWrite} proposedPatch={proposedPatch} />;
  return (
    <RecordEditForm
      key={record.id}
      editing={NODE_EDITING}
      record={record}
      onWrite={onWrite}
      proposedPatch={proposedPatch}
    />
  );
}

/** The record with a stored patch's fields over its own (only the fields the form edits). */
function withPatch(record: NodeRecord, patch: Readonly<Record<string, unknown>>): NodeRecord {
  const fields = ['name', 'summary', 'aliases', 'xrefs'] as const;
  return {
    ...record,
    ...Object.fromEntries(fields.filter((field) => field in patch).map((field) => [field, patch[field]])),
  };
}
