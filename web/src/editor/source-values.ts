/**
 * The source form's values and what they become: a CreateSourceInput, a patch of only the changed
 * fields, and, after a version conflict, the field-by-field comparison of their saved record with
 * mine. Pure.
 */
import type { CreateSourceInput, SourceKind, SourcePatchInput } from './generated.ts';
import {
  conflictRowsOf,
  isFieldChanged,
  rebaseOnto,
  type ConflictRow,
  type EditableFields,
} from './field-changes.ts';
import type { FieldErrors } from './field-errors.ts';
import { formatList, parseList } from './list-text.ts';

/** A source as the editor loads it. */
export interface SourceRecord {
  readonly id: string;
  readonly name: string;
  readonly sourceKind: SourceKind;
  readonly title: string;
  readonly authors: readonly string[];
  readonly year: number | null;
  readonly venue: string | null;
  readonly url: string | null;
  readonly doi: string | null;
  readonly pmid: string | null;
  readonly published: string | null;
  readonly summary: string;
  readonly aliases: readonly string[];
  readonly xrefs: readonly string[];
  readonly version: number;
}

/** What the source inputs hold; lists (authors, aliases, cross-references) one entry per line. */
export interface SourceValues {
  readonly sourceKind: SourceKind;
  readonly title: string;
  readonly name: string;
  readonly authors: string;
  readonly year: string;
  readonly venue: string;
  readonly url: string;
  readonly doi: string;
  readonly pmid: string;
  readonly published: string;
  readonly summary: string;
  readonly aliases: string;
  readonly xrefs: string;
}

/** A field of the source form, as the server names it. */
export type SourceField = keyof SourceValues;

/** Source types in the order the picker offers them. */
export const SOURCE_KIND_LABELS = {
  PAPER: 'Research paper',
  REVIEW: 'Review',
  GUIDELINE: 'Guideline',
  BOOK: 'Book',
  REGULATORY_RECORD: 'Regulatory record',
  BLOG_POST: 'Blog post',
  WEB_PAGE: 'Web page',
} as const satisfies Record<SourceKind, string>;

/** Every field of the source form, in order (the editor shows them all). */
export const SOURCE_FIELDS = [
  'sourceKind',
  'title',
  'name',
  'authors',
  'year',
  'venue',
  'url',
  'doi',
  'pmid',
  'published',
  'summary',
  'aliases',
  'xrefs',
] as const satisfies readonly SourceField[];

/** The citation fields the inline "New source" form asks for; the server makes the name from them. */
export const NEW_SOURCE_FIELDS = [
  'sourceKind',
  'title',
  'authors',
  'year',
  'venue',
  'url',
  'doi',
  'pmid',
] as const satisfies readonly SourceField[];

export const EMPTY_SOURCE: SourceValues = {
  sourceKind: 'PAPER',
  title: '',
  name: '',
  authors: '',
  year: '',
  venue: '',
  url: '',
  doi: '',
  pmid: '',
  published: '',
  summary: '',
  aliases: '',
  xrefs: '',
};

const SOURCE_EDIT: EditableFields<SourceField> = {
  editable: SOURCE_FIELDS,
  lists: new Set(['authors', 'aliases', 'xrefs']),
};

/** Fields a source may lack; an emptied one is sent as null, which clears it. */
const OPTIONAL_TEXT = ['venue', 'url', 'doi', 'pmid', 'published', 'summary'] as const;

/** The form's starting values for a stored source. */
export function sourceValuesOf(record: SourceRecord): SourceValues {
  return {
    sourceKind: record.sourceKind,
    title: record.title,
    name: record.name,
    authors: formatList(record.authors),
    year: record.year === null ? '' : String(record.year),
    venue: record.venue ?? '',
    url: record.url ?? '',
    doi: record.doi ?? '',
    pmid: record.pmid ?? '',
    published: record.published ?? '',
    summary: record.summary,
    aliases: formatList(record.aliases),
    xrefs: formatList(record.xrefs),
  };
}

/** What the client can tell is wrong before sending; the server checks formats (DOI, URL, dates). */
function checkSourceValues(values: SourceValues, nameRequired: boolean): FieldErrors {
  return {
    ...(values.title.trim() === '' ? { title: 'Enter the title.' } : {}),
    ...(nameRequired && values.name.trim() === ''
      ? { name: 'Enter a short citation, e.g. “Katz et al. 2007”.' }
      : {}),
    ...(/^\d*$/.test(values.year.trim()) ? {} : { year: 'Enter the year in digits, e.g. 2010.' }),
  };
}

/** The input for a new source, or what is wrong; an empty name is made from authors and year. */
export function checkSource(
  values: SourceValues,
): { readonly input: CreateSourceInput } | { readonly errors: FieldErrors } {
  const errors = checkSourceValues(values, false);
  if (Object.keys(errors).length > 0) return { errors };
  const year = values.year.trim();
  const lists = (['authors', 'aliases', 'xrefs'] as const)
    .map((field) => [field, parseList(values[field])] as const)
    .filter(([, list]) => list.length > 0);
  const texts = (['name', ...OPTIONAL_TEXT] as const)
    .map((field) => [field, values[field].trim()] as const)
    .filter(([, text]) => text !== '');
  return {
    input: {
      sourceKind: values.sourceKind,
      title: values.title.trim(),
      ...Object.fromEntries(lists),
      ...(year === '' ? {} : { year: Number(year) }),
      ...Object.fromEntries(texts),
    },
  };
}

/** Client-side checks before an update: a source keeps its title and short citation. */
export function checkSourceEdit(values: SourceValues): FieldErrors {
  return checkSourceValues(values, true);
}

/**
 * A patch with only the fields that differ from `base`, the values the form was loaded with.
 * An emptied optional field goes as null (the server clears it); lists go whole.
 */
export function sourcePatch(base: SourceValues, values: SourceValues): SourcePatchInput {
  const patch: { -readonly [K in keyof SourcePatchInput]: SourcePatchInput[K] } = {};
  for (const field of SOURCE_FIELDS) {
    if (!isFieldChanged(SOURCE_EDIT, field, base, values)) continue;
    const text = values[field].trim();
    switch (field) {
      case 'sourceKind':
        patch.sourceKind = values.sourceKind;
        break;
      case 'authors':
      case 'aliases':
      case 'xrefs':
        patch[field] = parseList(text);
        break;
      case 'year':
        patch.year = text === '' ? null : Number(text);
        break;
      case 'title':
      case 'name':
        patch[field] = text;
        break;
      default:
        patch[field] = text === '' ? null : text;
    }
  }
  return patch;
}

/** One source field in a version conflict. */
export type SourceConflictRow = ConflictRow<SourceField>;

/** The fields that someone else or I changed since `base` was loaded. */
export function sourceConflictRows(
  base: SourceValues,
  theirs: SourceValues,
  mine: SourceValues,
): SourceConflictRow[] {
  return conflictRowsOf(SOURCE_EDIT, base, theirs, mine);
}

/** My edits moved onto what is saved now: fields I changed keep my text, the rest take theirs. */
export function rebaseSource(base: SourceValues, theirs: SourceValues, mine: SourceValues): SourceValues {
  return rebaseOnto(SOURCE_EDIT, base, theirs, mine);
}
