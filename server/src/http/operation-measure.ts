/**
 * Measures an operation before it runs: how deep it nests, how many field values it may produce,
 * how many aliases and root fields it has. Pure, over the validated document and the variables.
 */
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { EVIDENCE_CONCERNS, MAX_CERTAINTY_REASONS, RATING_UP_FACTORS } from '../domain/certainty.ts';
import { MAX_MATRIX_THEORIES } from '../domain/discrimination.ts';
import { MAX_COMPARED_THEORIES } from '../graphql/resolvers/query/compare-theories.ts';
import { QUERY_CAPS } from '../store/query-options.ts';

/** What `measureOperation` found. */
export interface OperationMeasure {
  /** The deepest chain of nested data fields; root fields are at depth 1. */
  readonly depth: number;
  /** The same for introspection (`__schema`, `__type`), limited separately: the standard introspection query nests 15 deep. */
  readonly introspectionDepth: number;
  /**
   * An upper estimate of the field values in the response: each list field multiplies its subtree by
   * its `first`, or by DEFAULT_LIST_SIZE. Introspection is not counted.
   */
  readonly cost: number;
  /** Aliased fields, counting a fragment once per place it is spread. */
  readonly aliases: number;
  /** Directives, counting a fragment once per place it is spread. */
  readonly directives: number;
  /** Fields selected on the root type (after expanding fragments). */
  readonly rootFields: number;
  /** Selections the measure visited: linear in the document's size, at most just over MEASURE_VISIT_BUDGET. */
  readonly visits: number;
}

/** Assumed length of a list field with no `first` argument (the API's usual default page size). */
export const DEFAULT_LIST_SIZE = 20;

/**
 * Lists whose length the API bounds by construction, used instead of DEFAULT_LIST_SIZE: a path has
 * at most maxHops hops and one node more; a comparison has one entry per compared theory. Without
 * these, an explorer's path question with evidence per hop was estimated at 5 × 20 × 20 … and refused.
 */
const BOUNDED_LISTS: Readonly<Record<string, number>> = {
  'Path.hops': QUERY_CAPS.maxHops,
  'Path.nodes': QUERY_CAPS.maxHops + 1,
  'TheoryComparison.theories': MAX_COMPARED_THEORIES,
  'TheoryComparison.uniqueMechanisms': MAX_COMPARED_THEORIES,
  'SymptomCoverage.explainedBy': MAX_COMPARED_THEORIES,
  'SymptomCoverage.covered': MAX_COMPARED_THEORIES,
  // A grading has a start and at most one step per rule (certainty.ts); an item at most every concern.
  'Claim.certaintyReasons': MAX_CERTAINTY_REASONS,
  'Evidence.concerns': EVIDENCE_CONCERNS.length,
  'Evidence.ratingUp': RATING_UP_FACTORS.length,
  // A matrix has a column per theory, at most MAX_MATRIX_THEORIES; its rows are paged with `first`.
  'DiscriminationMatrix.theories': MAX_MATRIX_THEORIES,
  'MatrixRow.cells': MAX_MATRIX_THEORIES,
};

/** The types of the root meta-fields; `__typename` is a leaf. */
const META_FIELD_TYPES: Readonly<Record<string, string>> = { __schema: '__Schema', __type: '__Type' };

/**
 * Selections the measure may visit before it gives up and reports the operation as too costly. A
 * fragment's subtree is measured once per page size it is spread under (memoised), so the work is
 * linear in the document; the budget is a second bound, far above anything a real client sends (the
 * explorer's largest operation visits a few hundred).
 */
export const MEASURE_VISIT_BUDGET = 100_000;

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  /** Fragment subtrees already measured, by fragment name and the page size they were spread under. */
  readonly measured: Map<string, Subtree>;
  /** Fragments being measured right now (validation rejects cycles; this keeps the walk total anyway). */
  readonly spreading: Set<string>;
  visits: number;
}

/** What a selection set contributes; pure, so a fragment's can be reused wherever it is spread. */
interface Subtree {
  readonly depth: number;
  readonly cost: number;
  readonly fields: number;
  readonly aliases: number;
  readonly directives: number;
  readonly introspectionDepth: number;
}

const EMPTY: Subtree = { depth: 0, cost: 0, fields: 0, aliases: 0, directives: 0, introspectionDepth: 0 };

/** Measures `operation` of a validated `document`; `variables` give the values of `first: $n`. */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = schema.getRootType(operation.operation);
  const walk: Walk = { schema, fragments, variables, measured: new Map(), spreading: new Set(), visits: 0 };
  const tree = root ? measureSelections(walk, root, operation.selectionSet, undefined) : EMPTY;
  return {
    depth: tree.depth,
    introspectionDepth: tree.introspectionDepth,
    // A walk cut short at the budget has no trustworthy cost: it is refused as too costly.
    cost: walk.visits > MEASURE_VISIT_BUDGET ? Infinity : tree.cost,
    aliases: tree.aliases,
    directives: tree.directives,
    rootFields: tree.fields,
    visits: walk.visits,
  };
}

function measureSelections(
  walk: Walk,
  parent: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  pageSize: number | undefined,
): Subtree {
  let depth = 0;
  let cost = 0;
  let fields = 0;
  let aliases = 0;
  let directives = 0;
  let introspectionDepth = 0;
  const add = (tree: Subtree) => {
    depth = Math.max(depth, tree.depth);
    cost += tree.cost;
    fields += tree.fields;
    aliases += tree.aliases;
    directives += tree.directives;
    introspectionDepth = Math.max(introspectionDepth, tree.introspectionDepth);
  };
  for (const selection of selectionSet.selections) {
    walk.visits += 1;
    // Over budget: stop walking; the caller reports the operation as too costly.
    if (walk.visits > MEASURE_VISIT_BUDGET) break;
    directives += selection.directives?.length ?? 0;
    switch (selection.kind) {
      case Kind.FIELD: {
        if (selection.alias) aliases += 1;
        fields += 1;
        const name = selection.name.value;
        if (name.startsWith('__')) {
          // Introspection (only ever on the root) has a depth limit of its own and no cost: its size is
          // bounded by the schema.
          const meta = META_FIELD_TYPES[name];
          const on = meta === undefined ? undefined : walk.schema.getType(meta);
          const child =
            selection.selectionSet && on
              ? measureSelections(walk, on, selection.selectionSet, undefined)
              : EMPTY;
          aliases += child.aliases;
          directives += child.directives;
          introspectionDepth = Math.max(introspectionDepth, 1 + child.depth, child.introspectionDepth);
          continue;
        }
        const field = fieldOf(parent, name);
        if (field === undefined) continue;
        const list = isList(field.type);
        const first = firstArgument(walk, selection.arguments ?? []);
        const size = list
          ? (pageSize ?? first ?? BOUNDED_LISTS[`${parent.name}.${name}`] ?? DEFAULT_LIST_SIZE)
          : 1;
        const named = namedTypeOf(walk.schema, field.type);
        const child =
          selection.selectionSet && named
            ? measureSelections(walk, named, selection.selectionSet, list ? undefined : first)
            : EMPTY;
        depth = Math.max(depth, 1 + child.depth);
        cost += size * (1 + child.cost);
        aliases += child.aliases;
        directives += child.directives;
        introspectionDepth = Math.max(introspectionDepth, child.introspectionDepth);
        break;
      }
      case Kind.INLINE_FRAGMENT: {
        const on = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
        if (on) add(measureSelections(walk, on, selection.selectionSet, pageSize));
        break;
      }
      case Kind.FRAGMENT_SPREAD:
        add(measureSpread(walk, selection.name.value, pageSize));
        break;
    }
  }
  return { depth, cost, fields, aliases, directives, introspectionDepth };
}

/**
 * A spread fragment's subtree, measured once per page size: n fragments that each spread the next
 * twice would otherwise cost 2^n walks (see the hostile-request suite).
 */
function measureSpread(walk: Walk, name: string, pageSize: number | undefined): Subtree {
  const key = `${name}\u0000${pageSize ?? ''}`;
  const known = walk.measured.get(key);
  if (known !== undefined) return known;
  const fragment = walk.fragments.get(name);
  if (fragment === undefined || walk.spreading.has(name)) return EMPTY;
  const on = walk.schema.getType(fragment.typeCondition.name.value);
  if (on === undefined) return EMPTY;
  walk.spreading.add(name);
  const tree = measureSelections(walk, on, fragment.selectionSet, pageSize);
  walk.spreading.delete(name);
  walk.measured.set(key, tree);
  return tree;
}

// Types are read by their printed form and by shape, never with instanceof: a test runner may load
// two copies of graphql, and the schema may come from the other one.

function fieldOf(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return 'getFields' in parent
    ? (parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined)
    : undefined;
}

function isList(type: GraphQLOutputType): boolean {
  return String(type).startsWith('[');
}

function namedTypeOf(schema: GraphQLSchema, type: GraphQLOutputType): GraphQLNamedType | undefined {
  return schema.getType(String(type).replace(/[[\]!]/g, ''));
}

function firstArgument(
  walk: Walk,
  args: readonly { readonly name: { readonly value: string }; readonly value: ValueNode }[],
): number | undefined {
  const value = args.find((arg) => arg.name.value === 'first')?.value;
  if (value === undefined) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = walk.variables[value.name.value];
    return typeof given === 'number' ? given : undefined;
  }
  return undefined;
}
