/**
 * Editing a source (a paper, guideline, blog post…): every field of the source form, saved as a
 * patch of the changed fields; deleting it succeeds only while no evidence cites it.
 */
import { request } from '../api/client.ts';
import { SourceForEditDocument, UpdateSourceDocument, type SourcePatchInput } from './generated.ts';
import { labelOf } from './field-labels.ts';
import { LoadFailure } from './LoadFailure.tsx';
import { RecordEditForm, type RecordEditing } from './RecordEditForm.tsx';
import { SourceFields } from './SourceFields.tsx';
import {
  checkSourceEdit,
  rebaseSource,
  SOURCE_FIELDS,
  SOURCE_KIND_LABELS,
  sourceConflictRows,
  sourcePatch,
  sourceValuesOf,
  type SourceConflictRow,
  type SourceRecord,
  type SourceValues,
} from './source-values.ts';
import type { TaskProps } from './task-props.ts';
import { useRemote } from '../api/use-remote.ts';

/** The source as saved now; null when it no longer exists (or the id names a concept). */
function fetchSource(id: string): Promise<SourceRecord | null> {
  return request(SourceForEditDocument, { id }, { fresh: true }).then(({ node }) =>
    node !== null && isSource(node) ? node : null,
  );
}

/** A concept comes back as `{}`: it matches no field of the `... on Source` fragment. */
function isSource(node: SourceRecord | Record<PropertyKey, never>): node is SourceRecord {
  return 'sourceKind' in node;
}

/** A conflict row as the table shows it: the source type by its label rather than its enum name. */
function labelled(row: SourceConflictRow) {
  // A sourceKind row holds the values' sourceKind, always a SourceKind.
  const shown = (text: string): string =>
    row.field === 'sourceKind' ? SOURCE_KIND_LABELS[text as SourceValues['sourceKind']] : text;
  return { ...row, label: labelOf(row.field), theirs: shown(row.theirs), mine: shown(row.mine) };
}

const SOURCE_EDITING: RecordEditing<SourceRecord, SourceValues, SourcePatchInput> = {
  noun: 'source',
  deleteNote: 'A source that evidence still cites cannot be deleted.',
  fields: SOURCE_FIELDS,
  fetch: fetchSource,
  update: (id, expectedVersion, patch) =>
    request(UpdateSourceDocument, { id, expectedVersion, patch }).then(({ updateSource }) => updateSource),
  updateChange: (id, expectedVersion, patch) => ({ updateSource: { id, expectedVersion, patch } }),
  valuesOf: sourceValuesOf,
  check: checkSourceEdit,
  patch: sourcePatch,
  conflictRows: (base, theirs, mine) => sourceConflictRows(base, theirs, mine).map(labelled),
  rebase: rebaseSource,
  withPatch,
  renderFields: (props) => <SourceFields {...props} />,
};

export interface EditSourceProps extends TaskProps {
  readonly id: string;
  /** A proposal's patch (as the API stores it) to start from instead of the record's own values. */
  readonly proposedPatch?: Readonly<Record<string, unknown>> | null;
}

export function EditSource({ id, onWrite, proposedPatch = null }: EditSourceProps) {
  // Loaded once per subject: a form is not refreshed under the editor's hands by writes elsewhere.
  const loaded = useRemote(JSON.stringify(['SourceEditor', id]), () => fetchSource(id), {
    followWrites: false,
  });
  const reload = loaded.reload;
  if (loaded.status === 'loading' || loaded.status === 'idle') return <p className="status">Loading {id}…</p>;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  const record = loaded.data;
  if (record === null) return <p>There is no source {id}; it may have been deleted.</p>;
  return (
    <RecordEditForm
      key={record.id}
      editing={SOURCE_EDITING}
      record={record}
      onWrite={onWrite}
      proposedPatch={proposedPatch}
    />
  );
}

/** The record with a stored patch's fields over its own; the source type as the API spells it. */
function withPatch(record: SourceRecord, patch: Readonly<Record<string, unknown>>): SourceRecord {
  const { sourceKind, ...rest } = patch;
  const fields = Object.fromEntries(Object.entries(rest).filter(([field]) => field in record));
  return {
    ...record,
    ...fields,
    ...(typeof sourceKind === 'string'
      ? { sourceKind: sourceKind.toUpperCase().replace(/-/g, '_') as SourceRecord['sourceKind'] }
      : {}),
  };
}
