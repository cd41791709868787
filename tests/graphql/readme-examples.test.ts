/** Every GraphQL example in the README parses and validates against the schema, so the docs cannot drift. */
import fs from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../server/src/graphql/schema-files.ts';

const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

describe('the README’s GraphQL examples', () => {
  const schema = buildSchema(loadTypeDefs().join('\n'));

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(9);
  });

  it.each(examples.map((text, index) => [index + 1, text] as const))(
    'example %i is valid',
    (_index, text) => {
      expect(validate(schema, parse(text)).map((error) => error.message)).toEqual([]);
    },
  );
});
