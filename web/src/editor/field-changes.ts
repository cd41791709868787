/**
 * Field-by-field comparison of an edit form's text values, shared by every record the editor can
 * change: which fields differ, the rows of a version-conflict table, and my edits rebased onto what
 * is saved now. Pure.
 */
import { sameList } from './list-text.ts';

/** The fields an edit form may change, and which of them hold lists (one entry per line). */
export interface EditableFields<F extends string> {
  readonly editable: readonly F[];
  readonly lists: ReadonlySet<F>;
}

/** A form's values: every editable field is text. */
export type TextValues<F extends string> = { readonly [K in F]: string };

/** True when a field's value differs between two sets of values (lists compared entry by entry). */
export function isFieldChanged<F extends string>(
  fields: EditableFields<F>,
  field: F,
  from: TextValues<F>,
  to: TextValues<F>,
): boolean {
  const [a, b] = [from[field], to[field]];
  if (a === b) return false;
  return fields.lists.has(field) ? !sameList(a, b) : a.trim() !== b.trim();
}

/** One field in a version conflict: what is saved now ("theirs") beside what I typed. */
export interface ConflictRow<F extends string> {
  readonly field: F;
  readonly theirs: string;
  readonly mine: string;
  readonly theyChanged: boolean;
  readonly iChanged: boolean;
}

/** The fields that someone else or I changed since `base` was loaded, in form order. */
export function conflictRowsOf<F extends string>(
  fields: EditableFields<F>,
  base: TextValues<F>,
  theirs: TextValues<F>,
  mine: TextValues<F>,
): ConflictRow<F>[] {
  return fields.editable
    .map((field) => ({
      field,
      theirs: theirs[field],
      mine: mine[field],
      theyChanged: isFieldChanged(fields, field, base, theirs),
      iChanged: isFieldChanged(fields, field, base, mine),
    }))
    .filter((row) => row.theyChanged || row.iChanged);
}

/** My edits moved onto what is saved now: fields I changed keep my text, the rest take theirs. */
export function rebaseOnto<F extends string, V extends TextValues<F>>(
  fields: EditableFields<F>,
  base: V,
  theirs: V,
  mine: V,
): V {
  const merged = { ...theirs };
  for (const field of fields.editable) {
    if (isFieldChanged(fields, field, base, mine)) merged[field] = mine[field];
  }
  return merged;
}
