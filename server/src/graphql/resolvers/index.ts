/** Every resolver, assembled: one file per root field, one per object type, enums from ../enum-values.ts. */
import { ENUM_VALUES } from '../enum-values.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { addEvidence } from './mutation/add-evidence.ts';
import { createClaim } from './mutation/create-claim.ts';
import { createNode } from './mutation/create-node.ts';
import { createRelease } from './mutation/create-release.ts';
import { createSource } from './mutation/create-source.ts';
import { deleteClaim } from './mutation/delete-claim.ts';
import { deleteNode } from './mutation/delete-node.ts';
import {
  amendProposal,
  approveProposal,
  commentOnProposal,
  propose,
  rejectProposal,
  withdrawProposal,
} from './mutation/proposals.ts';
import { removeEvidence } from './mutation/remove-evidence.ts';
import { reportProblem, resolveReport } from './mutation/reports.ts';
import { revertChange } from './mutation/revert-change.ts';
import { updateClaim } from './mutation/update-claim.ts';
import { updateNode } from './mutation/update-node.ts';
import { updateSource } from './mutation/update-source.ts';
import { claim } from './query/claim.ts';
import { compareTheories } from './query/compare-theories.ts';
import { contested } from './query/contested.ts';
import { discriminationMatrix } from './query/discrimination-matrix.ts';
import { history } from './query/history.ts';
import { neighborhood } from './query/neighborhood.ts';
import { node } from './query/node.ts';
import { overview } from './query/overview.ts';
import { paths } from './query/paths.ts';
import { readingRelease, release, releaseDiff, releases } from './query/releases.ts';
import { relations } from './query/relations.ts';
import { researchAgenda } from './query/research-agenda.ts';
import { activity, proposal, proposals, reports } from './query/review-queues.ts';
import { search } from './query/search.ts';
import { source } from './query/source.ts';
import { stats } from './query/stats.ts';
import { theories } from './query/theories.ts';
import { theory } from './query/theory.ts';
import { viewer } from './query/viewer.ts';
import { Claim, Evidence, Recommendation } from './types/claim.ts';
import { Change, ChangeConnection } from './types/history.ts';
import { JSON } from './types/json-scalar.ts';
import { DiscriminationMatrix, MatrixCell } from './types/matrix.ts';
import { Concept, Node, Source } from './types/node.ts';
import { Path, PathHop } from './types/path.ts';
import {
  ActivityPage,
  ClaimDifference,
  NodeDifference,
  Proposal,
  Release,
  ReleaseDiff,
  Report,
  Viewer,
} from './types/review.ts';
import { NeighbourhoodPage, Stats } from './types/stats.ts';

/** The resolver map for the whole schema. */
export const resolvers: Resolvers = {
  Query: {
    node,
    source,
    claim,
    search,
    neighborhood,
    paths,
    theories,
    theory,
    overview,
    compareTheories,
    discriminationMatrix,
    researchAgenda,
    contested,
    relations,
    history,
    stats,
    viewer,
    proposals,
    proposal,
    reports,
    activity,
    releases,
    release,
    releaseDiff,
    readingRelease,
  },
  Mutation: {
    createNode,
    updateNode,
    deleteNode,
    createSource,
    updateSource,
    createClaim,
    updateClaim,
    deleteClaim,
    addEvidence,
    removeEvidence,
    revertChange,
    propose,
    amendProposal,
    commentOnProposal,
    withdrawProposal,
    rejectProposal,
    approveProposal,
    reportProblem,
    resolveReport,
    createRelease,
  },
  Node,
  Concept,
  Source,
  Claim,
  Evidence,
  Recommendation,
  Path,
  PathHop,
  DiscriminationMatrix,
  MatrixCell,
  Change,
  ChangeConnection,
  Stats,
  NeighbourhoodPage,
  ActivityPage,
  Proposal,
  Report,
  Release,
  ReleaseDiff,
  NodeDifference,
  ClaimDifference,
  Viewer,
  JSON,
  ...ENUM_VALUES,
};
