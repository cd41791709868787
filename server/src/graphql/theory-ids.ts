/** Checks a list of theory ids a query names (compareTheories, discriminationMatrix) and loads them. */
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { GraphNode } from '../domain/model.ts';
import type { FibroGraphContext } from './context.ts';

/**
 * The theories, in the order named: `min` to `max` distinct ids. BAD_USER_INPUT naming `field` for a
 * wrong count, a repeat or a node that is no theory; NOT_FOUND for an unknown id.
 */
export async function requireTheories(
  context: FibroGraphContext,
  ids: readonly string[],
  field: string,
  { min, max }: { readonly min: number; readonly max: number },
): Promise<GraphNode[]> {
  if (ids.length < min || ids.length > max)
    throw new ValidationError(field, `name ${min} to ${max} theories`);
  if (new Set(ids).size !== ids.length) throw new ValidationError(field, 'names a theory twice');
  return Promise.all(
    ids.map(async (id) => {
      const node = await context.loaders.nodes.load(id);
      if (node === null) throw new NotFoundError('theory', id);
      if (node.kind !== 'theory') {
        throw new ValidationError(field, `${JSON.stringify(id)} is a ${node.kind}, not a theory`);
      }
      return node;
    }),
  );
}
