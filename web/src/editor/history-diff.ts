/**
 * A history entry's before and after records as readable field changes. Records are the server's
 * stored JSON (a node, a source, a claim with its evidence, an import report); bookkeeping fields
 * (id, version, timestamps) are left out because every change moves them. Pure.
 */
import { isLevel, isRelationName, LEVEL_TEXT, relationTitle } from '../graph/vocabulary.ts';
import type { ChangeAction } from './generated.ts';
import { labelOf } from './field-labels.ts';

/** One changed field: a value replaced, or entries added to and removed from a list. */
export type FieldChange =
  | {
      readonly type: 'value';
      readonly field: string;
      readonly label: string;
      readonly before: string | null;
      readonly after: string | null;
    }
  | {
      readonly type: 'list';
      readonly field: string;
      readonly label: string;
      readonly added: readonly string[];
      readonly removed: readonly string[];
    };

/** What each action did, as the history list says it. */
export const ACTION_TEXT: Readonly<Record<ChangeAction, string>> = {
  CREATE: 'Created',
  UPDATE: 'Edited',
  DELETE: 'Deleted',
  ADD_EVIDENCE: 'Added evidence to',
  REMOVE_EVIDENCE: 'Removed evidence from',
  IMPORT: 'Imported',
};

const BOOKKEEPING: ReadonlySet<string> = new Set(['id', 'version', 'createdAt', 'updatedAt']);
const QUOTE_LENGTH = 160;

/** The fields that differ between `before` and `after` (either may be null: a create or a delete). */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const old = asRecord(before);
  const now = asRecord(after);
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter(
    (field) => !BOOKKEEPING.has(field),
  );
  return fields.flatMap((field) => diffField(field, old[field], now[field]));
}

function diffField(field: string, before: unknown, after: unknown): FieldChange[] {
  const label = labelOf(field);
  if (Array.isArray(before) || Array.isArray(after)) {
    const old = listEntries(before);
    const now = listEntries(after);
    const added = [...now].filter(([key]) => !old.has(key)).map(([, text]) => text);
    const removed = [...old].filter(([key]) => !now.has(key)).map(([, text]) => text);
    return added.length === 0 && removed.length === 0 ? [] : [{ type: 'list', field, label, added, removed }];
  }
  const old = field === 'relation' ? describeRelation(before) : describeValue(before);
  const now = field === 'relation' ? describeRelation(after) : describeValue(after);
  return old === now ? [] : [{ type: 'value', field, label, before: old, after: now }];
}

/** A list's entries keyed by identity (an item's id, else its content) with their readable text. */
function listEntries(value: unknown): Map<string, string> {
  const items: unknown[] = Array.isArray(value) ? value : [];
  return new Map(
    items.map((item) => {
      const record = asRecord(item);
      const key = typeof record['id'] === 'string' ? record['id'] : JSON.stringify(item);
      return [key, describeValue(item) ?? ''];
    }),
  );
}

/** A value in words: text as it is, an evidence item as stance, level, source and quote. */
function describeValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const record = asRecord(value);
  if (typeof record['sourceId'] === 'string') return describeEvidence(record);
  return JSON.stringify(value);
}

function describeEvidence(item: Readonly<Record<string, unknown>>): string {
  const words = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  const quote = words(item['quote']);
  const note = words(item['note']);
  const parts = [
    words(item['stance']),
    describeLevel(item['level']),
    words(item['sourceId']),
    words(item['locator']),
    quote === null ? null : `“${truncate(quote)}”`,
    note === null ? null : `note: ${truncate(note)}`,
    item['unverified'] === true ? 'unverified' : null,
  ];
  return parts.filter((part) => part !== null).join(' · ');
}

/** A stored relation code in words: CAUSES → "Causes". */
function describeRelation(value: unknown): string | null {
  return typeof value === 'string' && isRelationName(value) ? relationTitle(value) : describeValue(value);
}

/** A stored evidence level in words: "rct" → "randomised controlled trial" (as the explorer says it). */
function describeLevel(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const api = value.toUpperCase().replace(/-/g, '_');
  return isLevel(api) ? LEVEL_TEXT[api] : value;
}

function truncate(text: string): string {
  return text.length <= QUOTE_LENGTH ? text : `${text.slice(0, QUOTE_LENGTH - 1)}…`;
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
