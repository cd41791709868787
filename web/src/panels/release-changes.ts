/** What changed since a release, in words for the releases panel. Pure. */
import type { ReleaseDiffQuery } from '../api/generated.ts';
import { KIND_LOOKS } from '../graph/vocabulary.ts';

type Diff = NonNullable<ReleaseDiffQuery['releaseDiff']>;

/** One line per difference: "Added symptom “Dry eyes”", "Changed “Brain fog”: summary". */
export function changeLines(diff: Diff): string[] {
  const evidenceWords = (claim: Diff['claimsChanged'][number]): string =>
    [
      claim.relationChanged ? 'relation' : '',
      claim.summaryChanged ? 'summary' : '',
      claim.evidenceAdded > 0
        ? `${claim.evidenceAdded} evidence item${claim.evidenceAdded === 1 ? '' : 's'} added`
        : '',
      claim.evidenceRemoved > 0 ? `${claim.evidenceRemoved} removed` : '',
      claim.evidenceChanged > 0 ? `${claim.evidenceChanged} changed` : '',
    ]
      .filter((part) => part !== '')
      .join(', ');
  return [
    ...diff.nodesAdded.map((node) => `Added ${KIND_LOOKS[node.kind].label.toLowerCase()} “${node.name}”`),
    ...diff.nodesRemoved.map((node) => `Removed ${KIND_LOOKS[node.kind].label.toLowerCase()} “${node.name}”`),
    ...diff.nodesChanged.map((node) => `Changed “${node.name}”: ${node.fields.join(', ')}`),
    ...diff.claimsAdded.map((claim) => `New claim: ${claim.reading}`),
    ...diff.claimsRemoved.map((claim) => `Removed claim: ${claim.reading}`),
    ...diff.claimsChanged.map((claim) => `Claim “${claim.reading}”: ${evidenceWords(claim)}`),
  ];
}
