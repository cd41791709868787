/**
 * The node form's values and what they become: a CreateNodeInput, a patch of only the changed fields,
 * and, after a version conflict, the field-by-field comparison of their saved record with mine. Pure.
 */
import type { CreateNodeInput, NodeKind, NodePatchInput } from './generated.ts';
import type { FieldErrors } from './field-errors.ts';
import {
  conflictRowsOf,
  isFieldChanged as isChanged,
  rebaseOnto,
  type ConflictRow,
  type EditableFields,
} from './field-changes.ts';
import { formatList, parseList } from './list-text.ts';

/** A concept node as the editor loads it. */
export interface NodeRecord {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  readonly summary: string;
  readonly aliases: readonly string[];
  readonly xrefs: readonly string[];
  readonly version: number;
}

/** What the form's inputs hold; lists as text, one entry per line. */
export interface NodeValues {
  readonly kind: NodeKind | '';
  readonly name: string;
  readonly summary: string;
  readonly aliases: string;
  readonly xrefs: string;
}

/** The fields a node form shows, in order (also the server's field names). */
export const NODE_FIELDS = ['kind', 'name', 'summary', 'aliases', 'xrefs'] as const;

/** The fields a patch may change. */
export type EditableNodeField = Exclude<(typeof NODE_FIELDS)[number], 'kind'>;

const NODE_EDIT: EditableFields<EditableNodeField> = {
  editable: ['name', 'summary', 'aliases', 'xrefs'],
  lists: new Set(['aliases', 'xrefs']),
};

export const EMPTY_NODE_VALUES: NodeValues = { kind: '', name: '', summary: '', aliases: '', xrefs: '' };

/** The form's starting values for a stored node. */
export function nodeValuesOf(record: NodeRecord): NodeValues {
  return {
    kind: record.kind,
    name: record.name,
    summary: record.summary,
    aliases: formatList(record.aliases),
    xrefs: formatList(record.xrefs),
  };
}

/** The input for a new node, or what is missing. */
export function checkNewNode(
  values: NodeValues,
): { readonly input: CreateNodeInput } | { readonly errors: FieldErrors } {
  const name = values.name.trim();
  if (values.kind === '' || name === '') {
    return {
      errors: {
        ...(values.kind === '' ? { kind: 'Choose what kind of node this is.' } : {}),
        ...(name === '' ? { name: 'Enter a name.' } : {}),
      },
    };
  }
  const summary = values.summary.trim();
  const aliases = parseList(values.aliases);
  const xrefs = parseList(values.xrefs);
  return {
    input: {
      kind: values.kind,
      name,
      ...(summary === '' ? {} : { summary }),
      ...(aliases.length === 0 ? {} : { aliases }),
      ...(xrefs.length === 0 ? {} : { xrefs }),
    },
  };
}

/** Client-side checks before an update (the server checks the rest). */
export function checkNodeEdit(values: NodeValues): FieldErrors {
  return values.name.trim() === '' ? { name: 'Enter a name.' } : {};
}

/** True when a field's value differs between two sets of values (lists compared entry by entry). */
export function isFieldChanged(field: EditableNodeField, from: NodeValues, to: NodeValues): boolean {
  return isChanged(NODE_EDIT, field, from, to);
}

/** A patch with only the fields that differ from `base`, the values the form was loaded with. */
export function nodePatch(base: NodeValues, values: NodeValues): NodePatchInput {
  const patch: { -readonly [K in keyof NodePatchInput]: NodePatchInput[K] } = {};
  for (const field of NODE_EDIT.editable) {
    if (!isFieldChanged(field, base, values)) continue;
    if (field === 'aliases' || field === 'xrefs') patch[field] = parseList(values[field]);
    else patch[field] = values[field].trim();
  }
  return patch;
}

/** One field in a version conflict: what is saved now ("theirs") beside what I typed. */
export type NodeConflictRow = ConflictRow<EditableNodeField>;

/** The fields that someone else or I changed since `base` was loaded. */
export function conflictRows(base: NodeValues, theirs: NodeValues, mine: NodeValues): NodeConflictRow[] {
  return conflictRowsOf(NODE_EDIT, base, theirs, mine);
}

/** My edits moved onto what is saved now: fields I changed keep my text, the rest take theirs. */
export function rebase(base: NodeValues, theirs: NodeValues, mine: NodeValues): NodeValues {
  return rebaseOnto(NODE_EDIT, base, theirs, mine);
}
