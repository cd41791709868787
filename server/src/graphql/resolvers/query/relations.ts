/** Query.relations: the relation table as the domain defines it, so clients need not copy it. */
import { isSymmetric, RELATION_RULES, RELATIONS } from '../../../domain/relations.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const relations: QueryResolvers['relations'] = () =>
  RELATIONS.map((relation) => {
    const rule = RELATION_RULES[relation];
    return {
      relation,
      class: rule.class,
      fromKinds: [...rule.from],
      toKinds: [...rule.to],
      reads: rule.reads,
      readsBackwards: rule.readsBackwards,
      symmetric: isSymmetric(relation),
    };
  });
