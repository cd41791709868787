/** The shared shape of every mutation: check the viewer, write through the port, forget cached reads. */
import type { WriteContext } from '../../../domain/inputs.ts';
import type { GraphStore } from '../../../store/graph-store.ts';
import { requireEditor } from '../../auth.ts';
import type { FibroGraphContext } from '../../context.ts';

/** Runs `change` as the signed-in editor; the request's loaders are cleared so later reads see it. */
export async function write<T>(
  context: FibroGraphContext,
  change: (store: GraphStore, writer: WriteContext) => Promise<T>,
): Promise<T> {
  const writer = requireEditor(context);
  try {
    return await change(context.store, writer);
  } finally {
    context.loaders.clear();
  }
}
