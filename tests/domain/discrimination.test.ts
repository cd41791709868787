/** The discrimination matrix over hand-built theories and claims: verdicts, diagnosticity, rankings, CSV. */
import { describe, expect, it } from 'vitest';
import { buildMatrix, holds } from '../../server/src/domain/discrimination.ts';
import type { EvidenceLevel, Stance } from '../../server/src/domain/evidence-levels.ts';
import type { Claim, ConceptNode, Evidence } from '../../server/src/domain/model.ts';
import type { Relation } from '../../server/src/domain/relations.ts';
import { matrixCsv } from '../../server/src/export/matrix-csv.ts';
import { builtClaim, evidenceItem } from './claim-builders.ts';

const node = (id: string, name = id.split(':')[1] ?? id): ConceptNode => ({
  id,
  kind: id.split(':')[0] as ConceptNode['kind'],
  name,
  summary: '',
  aliases: [],
  xrefs: [],
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

let items = 0;
const item = (level: EvidenceLevel, stance: Stance = 'supports'): Evidence => {
  items += 1;
  return evidenceItem({ id: `evidence:e${items}`, sourceId: `source:s${items}`, level, stance });
};

const claim = (from: string, relation: Relation, to: string, ...evidence: Evidence[]): Claim =>
  builtClaim({
    id: `claim:${from.split(':')[1]}--${relation.toLowerCase()}--${to.split(':')[1]}`,
    relation,
    from,
    to,
    evidence,
  });

const NODES = [
  'theory:a',
  'theory:b',
  'theory:c',
  'mechanism:m',
  'symptom:pain',
  'symptom:fog',
  'finding:biopsy',
  'therapy:drug',
].map((id) => node(id));
const BY_ID = new Map(NODES.map((n) => [n.id, n]));
const theory = (id: string) => BY_ID.get(id) as ConceptNode;

/**
 * a explains pain (trial) and proposes m; m causes fog (observational) and is what the drug acts on;
 * the drug's relief is disputed by a guideline as strongly as it is supported. b explains pain too
 * and explains the biopsy finding, but a systematic review disputes that. c explains nothing here.
 */
const CLAIMS = [
  claim('theory:a', 'EXPLAINS', 'symptom:pain', item('rct'), item('rct')),
  claim('theory:a', 'PROPOSES', 'mechanism:m', item('hypothesis')),
  claim('mechanism:m', 'CAUSES', 'symptom:fog', item('observational')),
  claim('therapy:drug', 'TARGETS', 'mechanism:m', item('mechanistic')),
  claim('therapy:drug', 'RELIEVES', 'symptom:pain', item('rct'), item('guideline', 'disputes')),
  claim('theory:b', 'EXPLAINS', 'symptom:pain', item('observational')),
  claim(
    'theory:b',
    'EXPLAINS',
    'finding:biopsy',
    item('observational'),
    item('systematic-review', 'disputes'),
  ),
];

const matrix = (theories: string[], claims = CLAIMS) =>
  buildMatrix({ theories: theories.map(theory), nodes: BY_ID, claims });

const verdicts = (result: ReturnType<typeof matrix>) =>
  Object.fromEntries(
    result.rows.map((row) => [
      row.subject.id,
      Object.fromEntries(row.cells.map((cell) => [cell.theory.id, cell.verdict])),
    ]),
  );

describe('the discrimination matrix', () => {
  it('says consistent, inconsistent or silent per theory and row, from the claims behind each cell', () => {
    expect(verdicts(matrix(['theory:a', 'theory:b', 'theory:c']))).toEqual({
      'symptom:pain': { 'theory:a': 'consistent', 'theory:b': 'consistent', 'theory:c': 'silent' },
      'symptom:fog': { 'theory:a': 'consistent', 'theory:b': 'silent', 'theory:c': 'silent' },
      // b's account of the biopsy is disputed by evidence stronger than its support.
      'finding:biopsy': { 'theory:a': 'silent', 'theory:b': 'inconsistent', 'theory:c': 'silent' },
      // a expects the drug to help (it acts on a's mechanism); a guideline disputes that it does.
      'therapy:drug': { 'theory:a': 'inconsistent', 'theory:b': 'silent', 'theory:c': 'silent' },
    });
  });

  it('keeps the claims behind a cell: the links and, for a therapy, its effect', () => {
    const drug = matrix(['theory:a', 'theory:b']).rows.find((row) => row.subject.id === 'therapy:drug');
    const cell = drug?.cells.find((c) => c.theory.id === 'theory:a');
    expect(drug?.kind).toBe('therapy-effect');
    expect(cell?.claims.map((c) => c.id)).toEqual([
      'claim:a--proposes--m',
      'claim:drug--relieves--pain',
      'claim:drug--targets--m',
    ]);
    expect(cell).toMatchObject({ contested: true, weightAgainst: 1 });
  });

  it('ranks rows by how well they separate the theories: one every theory explains alike tells nothing', () => {
    const rows = matrix(['theory:a', 'theory:b']).rows;
    expect(rows.map((row) => [row.subject.id, row.diagnosticity])).toEqual([
      // One theory speaks, the other is silent: half the spread a pair can have. Ties go by name.
      ['finding:biopsy', 0.5],
      ['therapy:drug', 0.5],
      ['symptom:fog', 0.5],
      // Both explain pain and the evidence holds for both: no help in choosing.
      ['symptom:pain', 0],
    ]);
    const opposed = matrix(
      ['theory:a', 'theory:b'],
      [...CLAIMS, claim('theory:b', 'EXPLAINS', 'symptom:fog', item('rct', 'disputes'))],
    );
    expect(opposed.rows[0]).toMatchObject({ subject: { id: 'symptom:fog' }, diagnosticity: 1 });
  });

  it('ranks theories by the evidence against them, least first, and orders every row the same way', () => {
    const result = matrix(['theory:a', 'theory:b', 'theory:c']);
    expect(
      result.theories.map((s) => [s.theory.id, s.rank, s.consistent, s.inconsistent, s.weightAgainst]),
    ).toEqual([
      ['theory:c', 1, 0, 0, 0],
      ['theory:b', 2, 1, 1, 0.9],
      ['theory:a', 3, 2, 1, 1],
    ]);
    for (const row of result.rows) {
      expect(row.cells.map((cell) => cell.theory.id)).toEqual(['theory:c', 'theory:b', 'theory:a']);
    }
  });

  it('treats a claim as holding only when no dispute is at least as strong as its best support', () => {
    expect(
      holds(claim('theory:a', 'EXPLAINS', 'symptom:pain', item('rct'), item('observational', 'disputes'))),
    ).toBe(true);
    expect(holds(claim('theory:a', 'EXPLAINS', 'symptom:pain', item('rct'), item('rct', 'disputes')))).toBe(
      false,
    );
    expect(holds(claim('theory:a', 'EXPLAINS', 'symptom:pain', item('anecdote', 'disputes')))).toBe(false);
  });

  it('writes CSV a spreadsheet reads safely: quoted fields, no formulas, CRLF lines', () => {
    const named = new Map(BY_ID);
    named.set('symptom:pain', node('symptom:pain', '=HYPERLINK("x"), pain'));
    const csv = matrixCsv(
      buildMatrix({ theories: [theory('theory:a'), theory('theory:b')], nodes: named, claims: CLAIMS }),
    );
    const lines = csv.split('\r\n');
    // Columns in rank order: b has less evidence against it than a.
    expect(lines[0]).toBe('row_id,row,row_kind,diagnosticity,b,a');
    expect(lines).toContain('symptom:pain,"\'=HYPERLINK(""x""), pain",symptom,0,consistent,consistent');
    expect(lines).toContain('therapy:drug,drug,therapy-effect,0.5,silent,inconsistent (contested)');
    expect(lines).toContain(',weight of evidence against,theory-standing,,0.9,1');
    expect(lines.at(-1)).toBe('');
  });
});
