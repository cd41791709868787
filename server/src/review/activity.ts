/** Activity entries in words, built in one place for the service and both stores. */
import type { ActivityDraft, Release } from './review-model.ts';

/** The feed's entry for a new release. */
export function releaseEvent(release: Release): ActivityDraft {
  return {
    at: release.createdAt,
    actor: release.createdBy,
    type: 'release-created',
    subjectId: `release:${release.number}`,
    targetId: null,
    summary: `Release ${release.number} “${release.name}”: ${release.counts.nodes} nodes, ${release.counts.claims} claims`,
  };
}
