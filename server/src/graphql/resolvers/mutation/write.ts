/** The shared shape of every direct mutation: check the viewer, write through the port, forget cached reads. */
import type { WriteContext } from '../../../domain/inputs.ts';
import type { GraphStore } from '../../../store/graph-store.ts';
import { requireEditor } from '../../auth.ts';
import type { FibroGraphContext } from '../../context.ts';
import { apiError } from '../../errors.ts';

/**
 * Runs `change` as the signed-in editor; the request's loaders are cleared so later reads see it.
 * With review required, only admins publish directly (stamped `direct` in history); editors propose.
 */
export async function write<T>(
  context: FibroGraphContext,
  change: (store: GraphStore, writer: WriteContext) => Promise<T>,
): Promise<T> {
  const writer = requireEditor(context);
  const direct = context.reviewPolicy === 'required';
  if (direct && context.viewer?.role !== 'admin') {
    throw apiError(
      'FORBIDDEN',
      'Changes on this server go through review: send the change with `propose(change, comment)` and another editor approves it',
      { reason: 'REVIEW_REQUIRED' },
    );
  }
  const stamped: WriteContext = direct
    ? { ...writer, review: { mode: 'direct', proposalId: null, approvedBy: null } }
    : writer;
  try {
    return await change(context.liveStore, stamped);
  } finally {
    context.loaders.clear();
  }
}
