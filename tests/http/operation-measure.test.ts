/** The operation measure and the rate limiter, without HTTP. */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { getIntrospectionQuery, getOperationAST, Kind, parse } from 'graphql';
import * as readerOperations from '../../web/src/api/generated.ts';
import * as editorOperations from '../../web/src/editor/generated.ts';
import { PATHS_PER_QUESTION } from '../../web/src/app/use-scene.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../server/src/http/index.ts';
import { checkOperationLimits } from '../../server/src/http/limits.ts';
import { MEASURE_VISIT_BUDGET, measureOperation } from '../../server/src/http/operation-measure.ts';
import { createRateLimiter } from '../../server/src/http/rate-limiter.ts';
import { loadTypeDefs } from '../../server/src/graphql/schema-files.ts';
import { fragmentFanOut } from './hostile-request-tests.ts';

const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
const measure = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return measureOperation(schema, document, operation, variables);
};

describe('measureOperation', () => {
  it('counts depth, aliases and root fields through fragments', () => {
    const result = measure(`
      query { a: stats { nodes } node(id: "x") { ...N } }
      fragment N on Node { id claims { from { id ... on Concept { k: kind } } } }`);
    expect(result).toMatchObject({ depth: 4, aliases: 2, rootFields: 2, introspectionDepth: 0 });
  });

  it('multiplies list fields by `first` (literal or variable) or 20, and connections by their `first`', () => {
    expect(measure('{ contested(first: 2) { id } }').cost).toBe(2 * (1 + 1));
    expect(measure('query ($n: Int) { contested(first: $n) { id } }', { n: 3 }).cost).toBe(3 * 2);
    expect(measure('{ theories { id claims { id } } }').cost).toBe(20 * (1 + 1 + 20 * (1 + 1)));
    expect(measure('{ history(first: 7) { nodes { seq } } }').cost).toBe(1 + 7 * 2);
  });

  it('bounds path hops and nodes by the hop cap, so an explorer path question with evidence fits', () => {
    const paths = `{ paths(from: "a:b", to: "c:d", first: 5) { paths {
      nodes { id } hops { claim { id evidence { id source { id } } } } } } }`;
    // A claim: id + 20 evidence × (itself + id + source (itself + id)) = 81 values.
    const claim = 1 + 20 * (1 + 1 + (1 + 1));
    // paths + 5 × (a path + 7 nodes × 2 + 6 hops × (a hop + the claim field + its 81)).
    expect(measure(paths).cost).toBe(1 + 5 * (1 + 7 * 2 + 6 * (1 + 1 + claim)));
    expect(checkOperationLimits(measure(paths), DEFAULT_LIMITS)).toBeNull();
  });

  it('gives introspection its own depth and no cost; the standard introspection query fits the limits', () => {
    const result = measure(getIntrospectionQuery());
    expect(result).toMatchObject({ depth: 0, cost: 0 });
    expect(result.introspectionDepth).toBeGreaterThan(DEFAULT_LIMITS.maxDepth);
    expect(checkOperationLimits(result, DEFAULT_LIMITS)).toBeNull();
  });
});

describe("the explorer's own operations", () => {
  it('every operation the explorer and the editor send fits the limits (a new field cannot silently break one)', () => {
    const documents = Object.entries({ ...readerOperations, ...editorOperations }).filter(([name]) =>
      name.endsWith('Document'),
    );
    expect(documents.length).toBeGreaterThan(20);
    for (const [name, document] of documents) {
      const parsed = parse(String(document));
      for (const definition of parsed.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        // Page sizes as the explorer sends them: its path question asks for PATHS_PER_QUESTION.
        const result = measureOperation(schema, parsed, definition, { first: PATHS_PER_QUESTION });
        expect(checkOperationLimits(result, DEFAULT_LIMITS), name).toBeNull();
      }
    }
  });
});

describe('measureOperation on hostile documents', () => {
  it('measures a fragment fan-out in visits linear in its size, and still sees its true expanded size', () => {
    const visits = [10, 20, 40, 200].map((n) => measure(fragmentFanOut(n)).visits);
    // Four selections per fragment (stats, nodes, two spreads; the last has no spreads) and the root
    // spread: 4n - 1 visits for 2^n spreads.
    expect(visits).toEqual([39, 79, 159, 799]);
    const thirty = measure(fragmentFanOut(30));
    expect(thirty.rootFields).toBe(2 ** 30 - 1);
    expect(checkOperationLimits(thirty, DEFAULT_LIMITS)).toMatchObject({ limit: 'rootFields' });
  });

  it('memoises a fragment per page size, so the same fragment under two `first` values is measured for each', () => {
    const result = measure(`{
      a: node(id: "x") { ...C } b: node(id: "y") { ...C }
      c: search(text: "x", first: 2) { ...H } d: search(text: "y", first: 3) { ...H }
    }
    fragment C on Node { id claims { id } }
    fragment H on SearchHit { node { id } }`);
    expect(result.cost).toBe(2 * (1 + 1 + 20 * 2) + 2 * (1 + 2) + 3 * (1 + 2));
    expect(result.aliases).toBe(4);
  });

  it('gives up past the visit budget and reports the operation as too costly', () => {
    const wide = Array.from({ length: MEASURE_VISIT_BUDGET + 10 }, (_, i) => `f${i}: id`).join(' ');
    const result = measure(`{ node(id: "x") { ${wide} } }`);
    expect(result.visits).toBe(MEASURE_VISIT_BUDGET + 1);
    expect(result.cost).toBe(Infinity);
    expect(checkOperationLimits(result, DEFAULT_LIMITS)).toMatchObject({ limit: 'aliases' });
  });

  it('counts directives, through fragments once per spread', () => {
    const result = measure(`{ stats @include(if: true) { nodes @skip(if: false) ...S ...S } }
      fragment S on Stats { claims @include(if: true) }`);
    expect(result.directives).toBe(4);
  });
});

describe('createRateLimiter', () => {
  it('allows `limit` events per window per key and says when to retry', async () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(await limiter.take('ed')).toEqual({ allowed: true });
    now = 10_000;
    expect(await limiter.take('ed')).toEqual({ allowed: true });
    expect(await limiter.take('ada')).toEqual({ allowed: true });
    expect(await limiter.take('ed')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    now = 60_001;
    expect(await limiter.take('ed')).toEqual({ allowed: true });
  });
});
