/** Mutation.reportProblem (anyone; the operation gate limits it per address) and resolveReport (editors). */
import { requireReviewer } from '../../auth.ts';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';

type Resolver<K extends keyof MutationResolvers> = NonNullable<MutationResolvers[K]>;

/** A reader flags a claim or an evidence item; a signed-in reader's name is kept, an anonymous one is `reader`. */
export const reportProblem: Resolver<'reportProblem'> = (
  _parent,
  { claimId, evidenceId, problem, text },
  context,
) => context.review.report(claimId, evidenceId ?? null, problem, text ?? null, context.viewer?.name ?? null);

/** An editor closes a report with a note. */
export const resolveReport: Resolver<'resolveReport'> = (_parent, { id, expectedVersion, note }, context) =>
  context.review.resolveReport(requireReviewer(context), id, expectedVersion, note);
