import { describe, expect, it } from 'vitest';
import { checkClaim, claimValues, type NodeChoice } from '../../../web/src/editor/claim-values.ts';
import { checkEvidence, EMPTY_EVIDENCE } from '../../../web/src/editor/evidence-values.ts';
import { formatList, parseList } from '../../../web/src/editor/list-text.ts';
import {
  checkNewNode,
  conflictRows,
  EMPTY_NODE_VALUES,
  nodePatch,
  nodeValuesOf,
  rebase,
  type NodeRecord,
} from '../../../web/src/editor/node-values.ts';
import { checkSource, EMPTY_SOURCE } from '../../../web/src/editor/source-values.ts';

const record: NodeRecord = {
  id: 'theory:example',
  kind: 'THEORY',
  name: 'Example theory',
  summary: 'Synthetic summary.',
  aliases: ['Doe, J'],
  xrefs: ['EX:1'],
  version: 3,
};

describe('list text', () => {
  it('splits lines, or commas when everything is on one line', () => {
    expect(parseList('a, b ,, c')).toEqual(['a', 'b', 'c']);
    expect(parseList('Doe, J\nRoe, K\n\n')).toEqual(['Doe, J', 'Roe, K']);
    expect(parseList('  ')).toEqual([]);
    expect(parseList(formatList(['x', 'y, z']))).toEqual(['x', 'y, z']);
  });
});

describe('node form', () => {
  it('needs a kind and a name for a new node and leaves out empty optional fields', () => {
    expect(checkNewNode(EMPTY_NODE_VALUES)).toEqual({
      errors: { kind: expect.any(String) as string, name: expect.any(String) as string },
    });
    expect(
      checkNewNode({ ...EMPTY_NODE_VALUES, kind: 'SYMPTOM', name: ' Example ', xrefs: 'EX:1, EX:2' }),
    ).toEqual({
      input: { kind: 'SYMPTOM', name: 'Example', xrefs: ['EX:1', 'EX:2'] },
    });
  });

  it('patches only the fields that changed', () => {
    const base = nodeValuesOf(record);
    expect(nodePatch(base, base)).toEqual({});
    // An untouched alias with a comma is not re-split into two.
    expect(nodePatch(base, { ...base, name: 'Renamed  ' })).toEqual({ name: 'Renamed' });
    expect(nodePatch(base, { ...base, xrefs: 'EX:1\n' })).toEqual({});
    expect(nodePatch(base, { ...base, aliases: '', summary: '' })).toEqual({ summary: '', aliases: [] });
  });

  it('compares theirs and mine field by field after a conflict, and rebases mine onto theirs', () => {
    const base = nodeValuesOf(record);
    const theirs = nodeValuesOf({ ...record, summary: 'Their summary.', version: 4 });
    const mine = { ...base, name: 'My name', summary: base.summary };
    expect(conflictRows(base, theirs, mine)).toEqual([
      { field: 'name', theirs: 'Example theory', mine: 'My name', theyChanged: false, iChanged: true },
      {
        field: 'summary',
        theirs: 'Their summary.',
        mine: 'Synthetic summary.',
        theyChanged: true,
        iChanged: false,
      },
    ]);
    const merged = rebase(base, theirs, mine);
    expect(merged).toEqual({ ...theirs, name: 'My name' });
    expect(nodePatch(theirs, merged)).toEqual({ name: 'My name' });
  });
});

describe('evidence, claim and source forms', () => {
  const source = { id: 'source:doe-2000', name: 'Doe 2000' };
  const from: NodeChoice = { id: 'theory:example', name: 'Example theory', kind: 'THEORY' };
  const to: NodeChoice = { id: 'mechanism:example', name: 'Example mechanism', kind: 'MECHANISM' };

  it('needs a source, a level and a quote or a note', () => {
    expect(checkEvidence(EMPTY_EVIDENCE, 'evidence')).toEqual({
      errors: {
        evidence: expect.any(String) as string,
        'evidence.sourceId': expect.any(String) as string,
        'evidence.level': expect.any(String) as string,
      },
    });
    expect(
      checkEvidence(
        { ...EMPTY_EVIDENCE, source, level: 'RCT', note: ' Synthetic. ', unverified: true },
        'evidence',
      ),
    ).toEqual({
      input: {
        sourceId: 'source:doe-2000',
        level: 'RCT',
        stance: 'SUPPORTS',
        note: 'Synthetic.',
        unverified: true,
      },
    });
  });

  it('builds a claim with its first evidence item, keyed evidence[0]', () => {
    const empty = checkClaim(claimValues(null, null));
    expect('errors' in empty && Object.keys(empty.errors).sort()).toEqual([
      'evidence[0]',
      'evidence[0].level',
      'evidence[0].sourceId',
      'from',
      'relation',
      'to',
    ]);
    const loop = checkClaim({ ...claimValues(from, from), relation: 'BUILDS_ON' });
    expect('errors' in loop && loop.errors['to']).toMatch(/itself/);
    const evidence = { ...EMPTY_EVIDENCE, source, level: 'HYPOTHESIS' as const, quote: 'Synthetic quote.' };
    expect(checkClaim({ ...claimValues(from, to), relation: 'PROPOSES', evidence })).toEqual({
      input: {
        from: 'theory:example',
        to: 'mechanism:example',
        relation: 'PROPOSES',
        evidence: [
          { sourceId: 'source:doe-2000', level: 'HYPOTHESIS', stance: 'SUPPORTS', quote: 'Synthetic quote.' },
        ],
      },
    });
  });

  it('builds a source from the filled fields only', () => {
    expect(checkSource({ ...EMPTY_SOURCE, year: '20x0' })).toEqual({
      errors: { title: expect.any(String) as string, year: expect.any(String) as string },
    });
    expect(
      checkSource({
        ...EMPTY_SOURCE,
        title: ' Example title ',
        authors: 'Doe J',
        year: '2000',
        doi: ' 10.1000/x ',
      }),
    ).toEqual({
      input: {
        sourceKind: 'PAPER',
        title: 'Example title',
        authors: ['Doe J'],
        year: 2000,
        doi: '10.1000/x',
      },
    });
  });
});
