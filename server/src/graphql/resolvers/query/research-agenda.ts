/** Query.researchAgenda: questions and predictions by how many theories they would test. */
import type { QuestionStatus } from '../../../domain/kinds.ts';
import type { ConceptNode } from '../../../domain/model.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import type { AgendaItemModel } from '../../models.ts';
import { loadNodes } from '../../node-loading.ts';
import { listAll } from './theories.ts';

/** Resolves Query.researchAgenda: most theories tested first, then by name. */
export const researchAgenda: NonNullable<QueryResolvers['researchAgenda']> = async (
  _parent,
  { status },
  context,
) => {
  // Codegen types the argument by its default (OPEN), but a caller may send null: every status.
  const wanted = status as QuestionStatus | null;
  const questions = (await listAll(context.store, 'question')).filter(
    (node): node is ConceptNode => node.kind === 'question' && (wanted === null || node.status === wanted),
  );
  const items: AgendaItemModel[] = await Promise.all(
    questions.map(async (question) => {
      const claims = (await context.store.claimsOf(question.id, 'out')).filter((c) => c.relation === 'TESTS');
      const theories = await loadNodes(context, [...new Set(claims.map((claim) => claim.to))].sort());
      return { question, theories, separates: theories.length, claims };
    }),
  );
  return items.sort((a, b) => b.separates - a.separates || a.question.name.localeCompare(b.question.name));
};
