/**
 * "Change…" on one's own open proposal: the record's edit form, started from the proposal's change
 * rather than the record, saving as an amendment of the same proposal (its discussion is kept).
 * Edits of nodes and sources can be changed this way; other kinds are withdrawn and proposed again.
 */
import { request } from '../api/client.ts';
import { useRemote } from '../api/use-remote.ts';
import { ProposalToChangeDocument } from './generated.ts';
import { LoadFailure } from './LoadFailure.tsx';
import { EditNode } from './NodeEditor.tsx';
import { ReviewModeContext } from './review-mode.tsx';
import { EditSource } from './SourceEditor.tsx';
import type { TaskProps } from './task-props.ts';

export function ChangeProposal({ proposalId, onWrite }: TaskProps & { readonly proposalId: string }) {
  // Loaded once: the form is not refreshed under the editor's hands.
  const loaded = useRemote(
    JSON.stringify(['ChangeProposal', proposalId]),
    async () => (await request(ProposalToChangeDocument, { id: proposalId }, { fresh: true })).proposal,
    { followWrites: false },
  );
  if (loaded.status === 'loading' || loaded.status === 'idle')
    return <p className="status">Loading the proposal…</p>;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={loaded.reload} />;
  const proposal = loaded.data;
  if (proposal === null) return <p>There is no proposal {proposalId}.</p>;
  if (proposal.status !== 'OPEN' && proposal.status !== 'CONFLICT') {
    return <p>This proposal is {proposal.status.toLowerCase()}; it can no longer be changed.</p>;
  }
  const change = (
    typeof proposal.change === 'object' && proposal.change !== null ? proposal.change : {}
  ) as Record<string, unknown>;
  const patch = (
    typeof change['patch'] === 'object' && change['patch'] !== null ? change['patch'] : {}
  ) as Record<string, unknown>;
  const amending = { mustPropose: true, amending: { id: proposal.id, version: proposal.version } };
  return (
    <ReviewModeContext.Provider value={amending}>
      <p className="editor-subject">
        Changing your proposal: {proposal.description} “{proposal.targetLabel}”. The form starts from what you
        proposed; saving keeps the discussion and asks for review again.
      </p>
      {change['kind'] === 'updateNode' ? (
        <EditNode id={proposal.targetId} onWrite={onWrite} proposedPatch={patch} />
      ) : change['kind'] === 'updateSource' ? (
        <EditSource id={proposal.targetId} onWrite={onWrite} proposedPatch={patch} />
      ) : (
        <p>
          A proposal to {proposal.description.toLowerCase()} is changed by withdrawing it and proposing the
          change again.
        </p>
      )}
    </ReviewModeContext.Provider>
  );
}
