/** The new-source form's values and the CreateSourceInput they become. Pure. */
import type { CreateSourceInput, SourceKind } from './generated.ts';
import type { FieldErrors } from './field-errors.ts';
import { parseList } from './list-text.ts';

/** What the source inputs hold; authors one per line. */
export interface SourceValues {
  readonly sourceKind: SourceKind;
  readonly title: string;
  readonly authors: string;
  readonly year: string;
  readonly venue: string;
  readonly url: string;
  readonly doi: string;
  readonly pmid: string;
}

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

/** The fields of the source form, as the server names them. */
export const SOURCE_FIELDS = [
  'sourceKind',
  'title',
  'authors',
  'year',
  'venue',
  'url',
  'doi',
  'pmid',
] as const;

export const EMPTY_SOURCE: SourceValues = {
  sourceKind: 'PAPER',
  title: '',
  authors: '',
  year: '',
  venue: '',
  url: '',
  doi: '',
  pmid: '',
};

/** The input for a new source, or what is wrong; the server checks formats (DOI, URL, year range). */
export function checkSource(
  values: SourceValues,
): { readonly input: CreateSourceInput } | { readonly errors: FieldErrors } {
  const title = values.title.trim();
  const year = values.year.trim();
  if (title === '' || !/^\d*$/.test(year)) {
    return {
      errors: {
        ...(title === '' ? { title: 'Enter the title.' } : {}),
        ...(/^\d*$/.test(year) ? {} : { year: 'Enter the year in digits, e.g. 2010.' }),
      },
    };
  }
  const authors = parseList(values.authors);
  const optional = { venue: values.venue, url: values.url, doi: values.doi, pmid: values.pmid };
  const filled = Object.entries(optional)
    .map(([field, text]) => [field, text.trim()] as const)
    .filter(([, text]) => text !== '');
  return {
    input: {
      sourceKind: values.sourceKind,
      title,
      ...(authors.length === 0 ? {} : { authors }),
      ...(year === '' ? {} : { year: Number(year) }),
      ...Object.fromEntries(filled),
    },
  };
}
