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
  /** Fields selected on the root type (after expanding fragments). */
  readonly rootFields: number;
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
};

/** The types of the root meta-fields; `__typename` is a leaf. */
const META_FIELD_TYPES: Readonly<Record<string, string>> = { __schema: '__Schema', __type: '__Type' };

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  aliases: number;
  introspectionDepth: number;
}

interface Subtree {
  readonly depth: number;
  readonly cost: number;
  readonly fields: number;
}

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
  const walk: Walk = { schema, fragments, variables, aliases: 0, introspectionDepth: 0 };
  const tree = root ? measureSelections(walk, root, operation.selectionSet, undefined, new Set()) : null;
  return {
    depth: tree?.depth ?? 0,
    introspectionDepth: walk.introspectionDepth,
    cost: tree?.cost ?? 0,
    aliases: walk.aliases,
    rootFields: tree?.fields ?? 0,
  };
}

function measureSelections(
  walk: Walk,
  parent: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  pageSize: number | undefined,
  spreading: ReadonlySet<string>,
): Subtree {
  let depth = 0;
  let cost = 0;
  let fields = 0;
  const add = (tree: Subtree) => {
    depth = Math.max(depth, tree.depth);
    cost += tree.cost;
    fields += tree.fields;
  };
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD: {
        if (selection.alias) walk.aliases += 1;
        fields += 1;
        const name = selection.name.value;
        if (name.startsWith('__')) {
          // Introspection (only ever on the root) has a depth limit of its own and no cost: its size is
          // bounded by the schema.
          const meta = META_FIELD_TYPES[name];
          const on = meta === undefined ? undefined : walk.schema.getType(meta);
          const child =
            selection.selectionSet && on
              ? measureSelections(walk, on, selection.selectionSet, undefined, spreading)
              : null;
          walk.introspectionDepth = Math.max(walk.introspectionDepth, 1 + (child?.depth ?? 0));
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
            ? measureSelections(walk, named, selection.selectionSet, list ? undefined : first, spreading)
            : { depth: 0, cost: 0, fields: 0 };
        depth = Math.max(depth, 1 + child.depth);
        cost += size * (1 + child.cost);
        break;
      }
      case Kind.INLINE_FRAGMENT: {
        const on = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
        if (on) add(measureSelections(walk, on, selection.selectionSet, pageSize, spreading));
        break;
      }
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = walk.fragments.get(name);
        // Validation rejects cycles already; the guard keeps this function total anyway.
        if (fragment === undefined || spreading.has(name)) break;
        const on = walk.schema.getType(fragment.typeCondition.name.value);
        if (on) {
          add(measureSelections(walk, on, fragment.selectionSet, pageSize, new Set([...spreading, name])));
        }
        break;
      }
    }
  }
  return { depth, cost, fields };
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
