/** Who may write: editors and admins; only admins may revert. Mutations check before touching the store. */
import type { WriteContext } from '../domain/inputs.ts';
import type { Reviewer } from '../review/review-service.ts';
import type { FibroGraphContext } from './context.ts';
import { apiError } from './errors.ts';

/** The write context for the viewer, or UNAUTHENTICATED (nobody signed in) / FORBIDDEN (a reader). */
export function requireEditor(context: Pick<FibroGraphContext, 'viewer'>): WriteContext {
  const { viewer } = context;
  if (viewer === null) throw apiError('UNAUTHENTICATED', 'Sign in to make changes');
  if (viewer.role !== 'editor' && viewer.role !== 'admin') {
    throw apiError('FORBIDDEN', 'Only editors and admins can make changes');
  }
  return { actor: viewer.name };
}

/** The write context for an admin viewer, or UNAUTHENTICATED (nobody signed in) / FORBIDDEN (anyone else). */
export function requireAdmin(context: Pick<FibroGraphContext, 'viewer'>): WriteContext {
  const { viewer } = context;
  if (viewer === null) throw apiError('UNAUTHENTICATED', 'Sign in to make changes');
  if (viewer.role !== 'admin') throw apiError('FORBIDDEN', 'Only admins can do this');
  return { actor: viewer.name };
}

/** The signed-in editor or admin as the review workflow sees them; UNAUTHENTICATED / FORBIDDEN otherwise. */
export function requireReviewer(context: Pick<FibroGraphContext, 'viewer'>): Reviewer {
  const { actor } = requireEditor(context);
  return { name: actor, role: context.viewer?.role === 'admin' ? 'admin' : 'editor' };
}
