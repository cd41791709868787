import { describe, expect, it } from 'vitest';
import { labelOf } from '../../../web/src/editor/field-labels.ts';
import { diffRecords } from '../../../web/src/editor/history-diff.ts';

const labelOfRelation = labelOf('relation');

const node = {
  id: 'mechanism:example',
  kind: 'mechanism',
  name: 'Example mechanism',
  summary: 'First synthetic summary.',
  aliases: ['Alias one'],
  xrefs: [],
  version: 1,
  createdAt: '2000-01-01T00:00:00.000Z',
  updatedAt: '2000-01-01T00:00:00.000Z',
};

const item = {
  id: 'evidence:0001',
  sourceId: 'source:doe-2000',
  quote: 'A synthetic quote.',
  note: null,
  locator: 'p. 1',
  stance: 'supports',
  level: 'rct',
  unverified: false,
};

describe('diffRecords', () => {
  it('lists changed fields of an update, leaving out bookkeeping', () => {
    const after = {
      ...node,
      summary: 'Second synthetic summary.',
      aliases: ['Alias one', 'Alias two'],
      version: 2,
      updatedAt: '2000-01-02T00:00:00.000Z',
    };
    expect(diffRecords(node, after)).toEqual([
      {
        type: 'value',
        field: 'summary',
        label: 'Summary',
        before: 'First synthetic summary.',
        after: 'Second synthetic summary.',
      },
      { type: 'list', field: 'aliases', label: 'Aliases', added: ['Alias two'], removed: [] },
    ]);
  });

  it('shows a create as values set from nothing, and a delete as values cleared', () => {
    const created = diffRecords(null, node);
    expect(created).toContainEqual({
      type: 'value',
      field: 'name',
      label: 'Name',
      before: null,
      after: 'Example mechanism',
    });
    expect(created).toContainEqual({
      type: 'list',
      field: 'aliases',
      label: 'Aliases',
      added: ['Alias one'],
      removed: [],
    });
    expect(created.map((change) => change.field)).not.toContain('xrefs');
    expect(diffRecords(node, null)).toContainEqual({
      type: 'value',
      field: 'kind',
      label: 'Kind',
      before: 'mechanism',
      after: null,
    });
  });

  it('describes evidence added to or removed from a claim, matched by id', () => {
    const claim = {
      id: 'claim:x',
      relation: 'CAUSES',
      from: 'a:b',
      to: 'c:d',
      summary: null,
      evidence: [item],
    };
    const second = {
      ...item,
      id: 'evidence:0002',
      quote: null,
      note: 'A synthetic note.',
      stance: 'disputes',
    };
    const added = diffRecords(claim, { ...claim, evidence: [item, second] });
    expect(added).toEqual([
      {
        type: 'list',
        field: 'evidence',
        label: 'Evidence',
        added: ['disputes · randomised controlled trial · source:doe-2000 · p. 1 · note: A synthetic note.'],
        removed: [],
      },
    ]);
    const removed = diffRecords({ ...claim, evidence: [item, second] }, claim);
    expect(removed[0]).toMatchObject({ removed: [expect.stringContaining('note: A synthetic note.')] });
  });

  it('names a relation in words, not its code', () => {
    expect(diffRecords({ relation: 'CAUSES' }, { relation: 'ASSOCIATED_WITH' })).toEqual([
      {
        type: 'value',
        field: 'relation',
        label: labelOfRelation,
        before: 'Causes',
        after: 'Associated with',
      },
    ]);
  });

  it('shortens long quotes and marks unverified items', () => {
    const long = { ...item, quote: 'x'.repeat(400), unverified: true };
    const [change] = diffRecords({ evidence: [] }, { evidence: [long] });
    expect(change?.type).toBe('list');
    const text = change?.type === 'list' ? (change.added[0] ?? '') : '';
    expect(text).toMatch(/…” · unverified$/);
    expect(text.length).toBeLessThan(250);
  });

  it('finds nothing to show when only bookkeeping or order changed', () => {
    expect(diffRecords(node, { ...node, version: 5 })).toEqual([]);
    expect(diffRecords({ aliases: ['a', 'b'] }, { aliases: ['b', 'a'] })).toEqual([]);
  });

  it('reads an import report as plain values', () => {
    expect(diffRecords(null, { created: 3, updated: 0, unchanged: 1 })).toEqual([
      { type: 'value', field: 'created', label: 'Created', before: null, after: '3' },
      { type: 'value', field: 'updated', label: 'Updated', before: null, after: '0' },
      { type: 'value', field: 'unchanged', label: 'Unchanged', before: null, after: '1' },
    ]);
  });
});
