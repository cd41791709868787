/** The JSON scalar: any JSON value, passed through as is. */
import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** JSON: output as the value itself; input from a variable or an inline literal. */
export const JSON = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value: a record as it was before or after a change.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
