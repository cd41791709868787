/** Unit tests for the one mapping between GraphQL enum values and the domain's strings. */
import { buildASTSchema, isEnumType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_LEVELS } from '../../server/src/domain/evidence-levels.ts';
import { NODE_KINDS, SOURCE_KINDS } from '../../server/src/domain/kinds.ts';
import { RELATIONS } from '../../server/src/domain/relations.ts';
import { ENUM_VALUES, toEnumName } from '../../server/src/graphql/enum-values.ts';
import { loadTypeDefs } from '../../server/src/graphql/schema-files.ts';

describe('enum values', () => {
  it('maps upper-snake GraphQL names to the domain strings', () => {
    expect(ENUM_VALUES.EvidenceLevel.SYSTEMATIC_REVIEW).toBe('systematic-review');
    expect(ENUM_VALUES.SourceKind.BLOG_POST).toBe('blog-post');
    expect(ENUM_VALUES.SourceKind.REGULATORY_RECORD).toBe('regulatory-record');
    expect(ENUM_VALUES.ChangeAction.ADD_EVIDENCE).toBe('add-evidence');
    expect(ENUM_VALUES.Relation.BUILDS_ON).toBe('BUILDS_ON');
    expect(ENUM_VALUES.NodeKind.THEORY).toBe('theory');
    expect(ENUM_VALUES.Direction.BOTH).toBe('both');
    expect(toEnumName('web-page')).toBe('WEB_PAGE');
  });

  it('covers every domain value exactly once', () => {
    expect(Object.values(ENUM_VALUES.NodeKind)).toEqual(NODE_KINDS);
    expect(Object.values(ENUM_VALUES.SourceKind)).toEqual(SOURCE_KINDS);
    expect(Object.values(ENUM_VALUES.EvidenceLevel)).toEqual(EVIDENCE_LEVELS);
    expect(Object.values(ENUM_VALUES.Relation)).toEqual(RELATIONS);
  });

  it('matches the SDL: every schema enum is mapped, value for value', () => {
    const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
    const schemaEnums = Object.values(schema.getTypeMap()).filter(
      (type) => isEnumType(type) && !type.name.startsWith('__'),
    );
    const mapped: Record<string, Readonly<Record<string, string>>> = ENUM_VALUES;
    expect(schemaEnums.map((type) => type.name).sort()).toEqual(Object.keys(ENUM_VALUES).sort());
    for (const type of schemaEnums) {
      if (!isEnumType(type)) continue;
      expect(Object.keys(mapped[type.name] ?? {}), type.name).toEqual(
        type.getValues().map((value) => value.name),
      );
    }
  });
});
