/** The seed JSON Schemas cannot drift from the domain: their enums and id patterns equal the domain constants. */
import { describe, expect, it } from 'vitest';
import { EVIDENCE_LEVELS, STANCES } from '../../server/src/domain/evidence-levels.ts';
import { CONCEPT_KINDS, NODE_KINDS, SOURCE_KINDS } from '../../server/src/domain/kinds.ts';
import { RELATIONS } from '../../server/src/domain/relations.ts';
import { readSchema, schemaDrift, seedValidators } from '../../server/src/seed/seed-schema.ts';

const defs = readSchema('common.schema.json').$defs ?? {};

describe('seed/schema/common.schema.json', () => {
  it.each([
    ['nodeKind', NODE_KINDS],
    ['conceptKind', CONCEPT_KINDS],
    ['relation', RELATIONS],
    ['evidenceLevel', EVIDENCE_LEVELS],
    ['stance', STANCES],
    ['sourceKind', SOURCE_KINDS],
  ] as const)('$defs.%s.enum equals the domain constant', (name, expected) => {
    expect(defs[name]?.['enum']).toEqual([...expected]);
  });

  it('builds the concept node id pattern from exactly the concept kinds', () => {
    const pattern = new RegExp(String(defs['conceptNodeId']?.['pattern']));
    for (const kind of CONCEPT_KINDS) expect(pattern.test(`${kind}:some-slug`)).toBe(true);
    expect(pattern.test('source:some-slug')).toBe(false);
    expect(pattern.test('syndrome:some-slug')).toBe(false);
  });

  it('reports no drift, and reports it when an enum changes', () => {
    expect(schemaDrift(readSchema('common.schema.json'))).toEqual([]);
    const changed = readSchema('common.schema.json');
    (changed.$defs ?? {})['relation'] = { enum: ['PROPOSES'] };
    expect(schemaDrift(changed)).toHaveLength(1);
  });

  it('compiles a validator for every kind of seed file, each rejecting unknown fields', () => {
    const validators = seedValidators();
    expect(
      validators.sources([{ id: 'source:x', sourceKind: 'paper', title: 'T', summary: 'S', extra: 1 }]),
    ).toBe(false);
    expect(validators.nodes([{ id: 'theory:x', name: 'X', summary: 'S', extra: 1 }])).toBe(false);
    expect(validators.nodes([{ id: 'theory:x', name: 'X', summary: 'S' }])).toBe(true);
    expect(
      validators.claims([{ from: 'theory:x', relation: 'PROPOSES', to: 'mechanism:y', evidence: [] }]),
    ).toBe(false);
  });
});
