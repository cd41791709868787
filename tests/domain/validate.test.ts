import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../server/src/domain/errors.ts';
import { claimIdFor, nodeIdFor, slugify } from '../../server/src/domain/ids.ts';
import {
  assertRelationAllowed,
  isRelationAllowed,
  RELATION_RULES,
} from '../../server/src/domain/relations.ts';
import {
  checkClaimInput,
  checkEvidenceInput,
  checkNodeInput,
  checkSourceInput,
  EXISTING_EVIDENCE,
} from '../../server/src/domain/validate.ts';
import { checkSnapshot } from '../../server/src/store/snapshot.ts';

const evidence = {
  sourceId: 'source:katz-2007',
  note: 'A hypothesis paper.',
  level: 'hypothesis',
  stance: 'supports',
} as const;

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.field;
    throw error;
  }
  return undefined;
}

describe('ids', () => {
  it('makes readable, URL-safe slugs and ids', () => {
    expect(slugify('  Brain fog (“fibro fog”) — Süß ')).toBe('brain-fog-fibro-fog-su');
    expect(nodeIdFor('symptom', 'Brain fog')).toBe('symptom:brain-fog');
    expect(claimIdFor('therapy:aerobic-exercise', 'RELIEVES', 'symptom:myalgia')).toBe(
      'claim:aerobic-exercise--relieves--myalgia',
    );
    expect(encodeURIComponent('claim:a--builds-on--b')).toBe('claim%3Aa--builds-on--b');
    expect(fieldOf(() => nodeIdFor('symptom', '!!!'))).toBe('name');
  });
});

describe('relation table', () => {
  it('allows the listed connections and rejects others with the allowed kinds named', () => {
    expect(isRelationAllowed('PROPOSES', 'theory', 'mechanism')).toBe(true);
    expect(isRelationAllowed('CAUSES', 'mechanism', 'symptom')).toBe(true);
    expect(isRelationAllowed('RELIEVES', 'therapy', 'mechanism')).toBe(false);
    expect(isRelationAllowed('TARGETS', 'source', 'mechanism')).toBe(false);
    expect(() => {
      assertRelationAllowed('RELIEVES', 'therapy', 'mechanism');
    }).toThrow(/RELIEVES cannot connect a therapy to a mechanism; it connects therapy → symptom/);
    for (const rule of Object.values(RELATION_RULES)) expect(rule.from).not.toContain('source');
  });
});

describe('input validation', () => {
  it('normalises node input: trims, drops aliases equal to the name, dedupes', () => {
    expect(
      checkNodeInput({
        kind: 'symptom',
        name: ' Fatigue ',
        aliases: ['fatigue', 'Tiredness', 'tiredness'],
        xrefs: ['HP:0012378', 'HP:0012378'],
      }),
    ).toEqual({
      id: 'symptom:fatigue',
      kind: 'symptom',
      name: 'Fatigue',
      summary: '',
      aliases: ['Tiredness'],
      xrefs: ['HP:0012378'],
    });
  });

  it('names the offending field for hostile or malformed input', () => {
    expect(fieldOf(() => checkNodeInput({ kind: 'symptom', name: 'a\u0000b' }))).toBe('name');
    expect(fieldOf(() => checkNodeInput({ kind: 'symptom', name: 'x'.repeat(201) }))).toBe('name');
    expect(fieldOf(() => checkNodeInput({ kind: 'symptom', name: 'ok', xrefs: ['no curie'] }))).toBe(
      'xrefs[0]',
    );
    expect(fieldOf(() => checkNodeInput({ kind: 'symptom', name: 'ok', extra: 1 } as never))).toBe(
      'node.extra',
    );
    expect(fieldOf(() => checkNodeInput({ kind: 'symptom', name: 'ok', aliases: 'one' } as never))).toBe(
      'aliases',
    );
    expect(fieldOf(() => checkSourceInput({ sourceKind: 'paper', title: 'T', year: 20007 }))).toBe('year');
    expect(
      fieldOf(() => checkSourceInput({ sourceKind: 'paper', title: 'T', published: '2017-02-30' })),
    ).toBe('published');
    expect(fieldOf(() => checkSourceInput({ sourceKind: 'paper', title: 'T', pmid: 'PMID:1' }))).toBe('pmid');
    expect(
      fieldOf(() =>
        checkClaimInput({ relation: 'CAUSES', from: 'mechanism:a', to: 'mechanism:a', evidence: [evidence] }),
      ),
    ).toBe('to');
    expect(
      fieldOf(() =>
        checkClaimInput({
          relation: 'CAUSES',
          from: 'mechanism:a',
          to: "symptom:b' OR 1=1",
          evidence: [evidence],
        }),
      ),
    ).toBe('to');
    expect(
      fieldOf(() =>
        checkClaimInput({
          relation: 'CAUSES',
          from: 'mechanism:a',
          to: 'symptom:b',
          evidence: [evidence, evidence],
        }),
      ),
    ).toBe('evidence');
  });

  it('checks the GRADE fields: each belongs to its kind of evidence, and every rating carries its reason', () => {
    const review = { ...evidence, level: 'systematic-review' } as const;
    const guideline = { ...evidence, level: 'guideline' } as const;
    const weakFor = { strength: 'weak', direction: 'for', evidenceBasis: 'trials' } as const;
    const check = (input: object) => fieldOf(() => checkEvidenceInput('e', input as never, 'claim:x'));
    // Accepted, normalised, in a fixed order.
    const accepted = checkEvidenceInput(
      'e',
      {
        ...review,
        pooledDesign: 'rct',
        concerns: ['imprecise', 'risk-of-bias'],
        ratingNote: 'Why.',
        studyId: 'NCT1',
      },
      'claim:x',
    );
    expect(accepted).toMatchObject({
      pooledDesign: 'rct',
      concerns: ['risk-of-bias', 'imprecise'],
      ratingUp: [],
      studyId: 'NCT1',
      recommendation: null,
      reportedCertainty: null,
    });
    expect(
      checkEvidenceInput('e', { ...guideline, recommendation: weakFor }, 'claim:x').recommendation,
    ).toEqual(weakFor);
    // Each field on its own kind of evidence only.
    expect(check({ ...evidence, pooledDesign: 'rct' })).toBe('e.pooledDesign');
    expect(check({ ...review, pooledDesign: 'cohort' })).toBe('e.pooledDesign');
    expect(check({ ...review, recommendation: weakFor })).toBe('e.recommendation');
    expect(check({ ...evidence, reportedCertainty: 'low', ratingNote: 'Quoted.' })).toBe(
      'e.reportedCertainty',
    );
    // A recommendation is whole, known and points the way the stance does.
    expect(check({ ...guideline, recommendation: { strength: 'weak', direction: 'for' } })).toBe(
      'e.recommendation.evidenceBasis',
    );
    expect(check({ ...guideline, recommendation: { ...weakFor, strength: 'mild' } })).toBe(
      'e.recommendation.strength',
    );
    expect(check({ ...guideline, recommendation: { ...weakFor, grade: 'A' } })).toBe(
      'e.recommendation.grade',
    );
    expect(check({ ...guideline, recommendation: { ...weakFor, direction: 'against' } })).toBe(
      'e.recommendation.direction',
    );
    // Every rating down or up, and a reported rating, needs its reason; a reported rating is not re-rated.
    expect(check({ ...evidence, concerns: ['indirect'] })).toBe('e.ratingNote');
    expect(check({ ...evidence, level: 'observational', ratingUp: ['large-effect'] })).toBe('e.ratingNote');
    expect(check({ ...evidence, ratingUp: ['huge'], ratingNote: 'x' })).toBe('e.ratingUp[0]');
    expect(check({ ...evidence, concerns: ['indirect', 'indirect'], ratingNote: 'x' })).toBe('e.concerns');
    expect(check({ ...review, reportedCertainty: 'low' })).toBe('e.ratingNote');
    expect(check({ ...review, reportedCertainty: 'fair', ratingNote: 'x' })).toBe('e.reportedCertainty');
    expect(check({ ...review, reportedCertainty: 'low', concerns: ['risk-of-bias'], ratingNote: 'x' })).toBe(
      'e.reportedCertainty',
    );
    // Only how far the source's question is from the claim (indirectness) may be added to its rating.
    expect(
      check({ ...review, reportedCertainty: 'low', concerns: ['indirect'], ratingNote: 'x' }),
    ).toBeUndefined();
  });

  it('asks new evidence for the reason behind a rating, but keeps evidence a graph already held as it was', () => {
    // Older versions did not ask for a rating note: an export or a release of theirs still opens.
    const older = { ...evidence, level: 'mechanistic', concerns: ['indirect'] } as const;
    expect(fieldOf(() => checkEvidenceInput('e', older, 'claim:x'))).toBe('e.ratingNote');
    expect(checkEvidenceInput('e', older, 'claim:x', EXISTING_EVIDENCE).concerns).toEqual(['indirect']);
    const at = '2026-01-01T00:00:00.000Z';
    const snapshot = {
      format: 'fibrograph-snapshot',
      formatVersion: 1,
      nodes: [
        {
          id: 'mechanism:a',
          kind: 'mechanism',
          name: 'A',
          summary: 'A.',
          version: 1,
          createdAt: at,
          updatedAt: at,
        },
        {
          id: 'symptom:b',
          kind: 'symptom',
          name: 'B',
          summary: 'B.',
          version: 1,
          createdAt: at,
          updatedAt: at,
        },
        {
          id: 'source:katz-2007',
          kind: 'source',
          sourceKind: 'paper',
          title: 'T',
          name: 'Katz 2007',
          summary: 'S.',
          version: 1,
          createdAt: at,
          updatedAt: at,
        },
      ],
      claims: [
        {
          relation: 'CAUSES',
          from: 'mechanism:a',
          to: 'symptom:b',
          evidence: [{ ...older, id: 'evidence:old' }],
          version: 1,
          createdAt: at,
          updatedAt: at,
        },
      ],
    };
    expect(checkSnapshot(snapshot).claims[0]?.evidence[0]).toMatchObject({
      concerns: ['indirect'],
      ratingNote: null,
    });
  });

  it('gives evidence a content-derived id so re-seeding is idempotent', () => {
    const a = checkEvidenceInput('evidence', evidence, 'claim:x');
    const b = checkEvidenceInput('evidence', { ...evidence }, 'claim:x');
    const c = checkEvidenceInput('evidence', { ...evidence, stance: 'disputes' }, 'claim:x');
    expect(a.id).toMatch(/^evidence:[0-9a-f]{16}$/);
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
  });

  it('derives a short citation name for sources', () => {
    expect(
      checkSourceInput({ sourceKind: 'paper', title: 'T', authors: ['Clauw DJ'], year: 2014 }).name,
    ).toBe('Clauw 2014');
    expect(
      checkSourceInput({ sourceKind: 'paper', title: 'T', authors: ['Katz DL', 'Greene L'], year: 2007 }).id,
    ).toBe('source:katz-et-al-2007');
    expect(checkSourceInput({ sourceKind: 'blog-post', title: 'Neck and Shoulder Pain' }).name).toBe(
      'Neck and Shoulder Pain',
    );
  });
});
