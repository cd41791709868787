import { describe, expect, it } from 'vitest';
import { isFieldChanged, rebaseOnto, type EditableFields } from '../../../web/src/editor/field-changes.ts';
import {
  checkSource,
  checkSourceEdit,
  EMPTY_SOURCE,
  rebaseSource,
  sourceConflictRows,
  sourcePatch,
  sourceValuesOf,
  type SourceRecord,
} from '../../../web/src/editor/source-values.ts';

const record: SourceRecord = {
  id: 'source:doe-2000',
  name: 'Doe 2000',
  sourceKind: 'PAPER',
  title: 'An example title',
  authors: ['Doe, J', 'Roe K'],
  year: 2000,
  venue: 'Example Journal',
  url: null,
  doi: '10.1000/example',
  pmid: null,
  published: null,
  summary: 'Synthetic summary.',
  aliases: [],
  xrefs: ['EX:1'],
  version: 4,
};

describe('field changes', () => {
  const fields: EditableFields<'text' | 'list'> = { editable: ['text', 'list'], lists: new Set(['list']) };

  it('compares text trimmed and lists entry by entry', () => {
    const base = { text: 'a', list: 'x, y' };
    expect(isFieldChanged(fields, 'text', base, { ...base, text: ' a ' })).toBe(false);
    expect(isFieldChanged(fields, 'list', base, { ...base, list: 'x\ny\n' })).toBe(false);
    expect(isFieldChanged(fields, 'list', base, { ...base, list: 'y, x' })).toBe(true);
  });

  it('rebases only the fields I changed and keeps fields it does not edit from theirs', () => {
    const base = { text: 'a', list: 'x', other: 'base' };
    const theirs = { text: 'theirs', list: 'x', other: 'theirs' };
    const mine = { text: 'a', list: 'x, z', other: 'mine' };
    expect(rebaseOnto(fields, base, theirs, mine)).toEqual({ text: 'theirs', list: 'x, z', other: 'theirs' });
  });
});

describe('source form', () => {
  it('shows a stored source with lists one per line and missing values empty', () => {
    expect(sourceValuesOf(record)).toEqual({
      sourceKind: 'PAPER',
      title: 'An example title',
      name: 'Doe 2000',
      authors: 'Doe, J\nRoe K',
      year: '2000',
      venue: 'Example Journal',
      url: '',
      doi: '10.1000/example',
      pmid: '',
      published: '',
      summary: 'Synthetic summary.',
      aliases: '',
      xrefs: 'EX:1',
    });
  });

  it('sends the filled fields of a new source, the name only when given', () => {
    expect(checkSource({ ...EMPTY_SOURCE, title: 'T', published: ' 2000-01-02 ', aliases: 'A, B' })).toEqual({
      input: { sourceKind: 'PAPER', title: 'T', published: '2000-01-02', aliases: ['A', 'B'] },
    });
    expect(checkSource({ ...EMPTY_SOURCE, title: 'T', name: ' Doe 2000 ' })).toEqual({
      input: { sourceKind: 'PAPER', title: 'T', name: 'Doe 2000' },
    });
  });

  it('keeps a title, a name and a year in digits when editing', () => {
    const base = sourceValuesOf(record);
    expect(checkSourceEdit(base)).toEqual({});
    expect(Object.keys(checkSourceEdit({ ...base, title: ' ', name: '', year: 'MM' })).sort()).toEqual([
      'name',
      'title',
      'year',
    ]);
  });

  it('patches only the fields that changed', () => {
    const base = sourceValuesOf(record);
    expect(sourcePatch(base, base)).toEqual({});
    // An untouched author with a comma is not re-split, and whitespace alone is no change.
    expect(sourcePatch(base, { ...base, authors: 'Doe, J\nRoe K\n', title: ' An example title ' })).toEqual(
      {},
    );
    expect(
      sourcePatch(base, {
        ...base,
        sourceKind: 'REVIEW',
        title: ' New title ',
        year: '2001',
        pmid: ' 123 ',
        authors: 'Doe J, Roe K',
      }),
    ).toEqual({
      sourceKind: 'REVIEW',
      title: 'New title',
      year: 2001,
      pmid: '123',
      authors: ['Doe J', 'Roe K'],
    });
  });

  it('clears emptied optional fields with null and emptied lists with []', () => {
    const base = sourceValuesOf(record);
    expect(
      sourcePatch(base, { ...base, year: ' ', venue: '', doi: '  ', summary: '', authors: '', xrefs: '' }),
    ).toEqual({ year: null, venue: null, doi: null, summary: null, authors: [], xrefs: [] });
  });

  it('compares theirs and mine after a conflict and rebases mine onto theirs', () => {
    const base = sourceValuesOf(record);
    const theirs = sourceValuesOf({ ...record, title: 'Their title', doi: null, version: 5 });
    const mine = { ...base, venue: 'My venue', doi: '10.1000/mine' };
    expect(sourceConflictRows(base, theirs, mine)).toEqual([
      { field: 'title', theirs: 'Their title', mine: 'An example title', theyChanged: true, iChanged: false },
      { field: 'venue', theirs: 'Example Journal', mine: 'My venue', theyChanged: false, iChanged: true },
      { field: 'doi', theirs: '', mine: '10.1000/mine', theyChanged: true, iChanged: true },
    ]);
    const merged = rebaseSource(base, theirs, mine);
    expect(merged).toEqual({ ...theirs, venue: 'My venue', doi: '10.1000/mine' });
    expect(sourcePatch(theirs, merged)).toEqual({ venue: 'My venue', doi: '10.1000/mine' });
  });
});
