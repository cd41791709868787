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
  renderFields: (props) => <NodeFields {...props} kindFixed />,
};

export function EditNode({ id, onWrite }: TaskProps & { readonly id: string }) {
  // Loaded once per subject: a form is not refreshed under the editor's hands by writes elsewhere.
  const loaded = useRemote(JSON.stringify(['NodeEditor', id]), () => fetchNode(id), { followWrites: false });
  const reload = loaded.reload;
  if (loaded.status === 'loading' || loaded.status === 'idle') return <p className="status">Loading {id}…</p>;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  const record = loaded.data;
  if (record === null) return <p>There is no node {id}; it may have been deleted.</p>;
  // A source has fields of its own, loaded by its editor.
  if (record.kind === 'SOURCE') return <EditSource id={record.id} onWrite={onWrite} />;
  return <RecordEditForm key={record.id} editing={NODE_EDITING} record={record} onWrite={onWrite} />;
}
