/** The limits the HTTP layer enforces on every request, their defaults, and the check against a measured operation. */
import { MAX_DOCUMENT_TOKENS } from '../graphql/index.ts';
import { HEALTH_TIMEOUT_MS } from './health.ts';
import type { OperationMeasure } from './operation-measure.ts';

/** Limits for one server; every field has a default in DEFAULT_LIMITS. */
export interface HttpLimits {
  /** Largest request body, in bytes (413 above it). */
  readonly maxBodyBytes: number;
  /** Most lexical tokens in a GraphQL document; parsing stops there (400). */
  readonly maxTokens: number;
  /** Deepest nesting of data fields (400 above it). */
  readonly maxDepth: number;
  /** Deepest nesting under `__schema` / `__type` (the standard introspection query needs 15). */
  readonly maxIntrospectionDepth: number;
  /** Largest estimated number of field values in a response (400 above it; see operation-measure.ts). */
  readonly maxCost: number;
  /** Most aliased fields in one operation (400 above it). */
  readonly maxAliases: number;
  /** Most fields selected on the root type of one operation (400 above it). */
  readonly maxRootFields: number;
  /** Most directives (`@include`, `@skip`) in one operation, counting a fragment once per spread (400 above it). */
  readonly maxDirectives: number;
  /** Mutations one viewer may send per minute (429 with Retry-After above it). */
  readonly mutationsPerMinute: number;
  /** Reader reports per client address per hour (anyone may report, so it is counted by address). */
  readonly reportsPerHour: number;
  /** Longest a GraphQL request may take before the client gets a 503. */
  readonly timeoutMs: number;
  /** Longest /healthz waits for the store before it answers 503. */
  readonly healthTimeoutMs: number;
  /** How long shutdown waits for requests in flight before closing their connections. */
  readonly shutdownGraceMs: number;
}

/** The defaults: generous for the explorer and scripts, small enough to keep one process responsive. */
export const DEFAULT_LIMITS: HttpLimits = {
  maxBodyBytes: 256 * 1024,
  maxTokens: MAX_DOCUMENT_TOKENS,
  maxDepth: 12,
  maxIntrospectionDepth: 20,
  // The explorer's own node details (20 claims × 20 evidence items, each with its GRADE appraisal)
  // are estimated at about 53,000; this leaves it room without letting a much larger question through.
  maxCost: 60_000,
  maxAliases: 30,
  maxRootFields: 30,
  maxDirectives: 50,
  mutationsPerMinute: 60,
  reportsPerHour: 10,
  timeoutMs: 10_000,
  healthTimeoutMs: HEALTH_TIMEOUT_MS,
  shutdownGraceMs: 10_000,
};

/** Which operation limit a request broke. */
export type OperationLimit =
  'depth' | 'introspectionDepth' | 'cost' | 'aliases' | 'rootFields' | 'directives';

/** A broken operation limit: what, the maximum, what the operation has, and a sentence for the client. */
export interface LimitViolation {
  readonly limit: OperationLimit;
  readonly max: number;
  readonly actual: number;
  readonly message: string;
}

/** The first operation limit `measure` breaks, or null when it is within all of them. */
export function checkOperationLimits(measure: OperationMeasure, limits: HttpLimits): LimitViolation | null {
  const checks: readonly [OperationLimit, number, number, string][] = [
    ['depth', measure.depth, limits.maxDepth, 'nests fields %a deep; the maximum depth is %m'],
    [
      'introspectionDepth',
      measure.introspectionDepth,
      limits.maxIntrospectionDepth,
      'nests introspection fields %a deep; the maximum is %m',
    ],
    ['aliases', measure.aliases, limits.maxAliases, 'uses %a aliases; the maximum is %m'],
    ['rootFields', measure.rootFields, limits.maxRootFields, 'selects %a root fields; the maximum is %m'],
    ['directives', measure.directives, limits.maxDirectives, 'uses %a directives; the maximum is %m'],
    [
      'cost',
      measure.cost,
      limits.maxCost,
      'may return about %a values (each list counts as its `first`, or 20); the maximum cost is %m: ask for less, or page with `first`',
    ],
  ];
  for (const [limit, actual, max, text] of checks) {
    if (actual > max) {
      // A fan-out of fragments can make the counts astronomical; the client needs no exact figure.
      const shown = Number.isFinite(actual) ? Math.round(actual) : actual;
      const count = shown > 1e9 ? 'more than 1,000,000,000' : String(shown);
      const message = `The operation ${text.replace('%a', count).replace('%m', String(max))}`;
      return { limit, max, actual: shown, message };
    }
  }
  return null;
}
