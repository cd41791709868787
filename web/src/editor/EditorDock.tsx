/**
 * The editor dock, loaded as its own chunk (App.tsx lazy-loads this default export). It shows the
 * form for the requested task, asks for an editor token first when nobody who may edit is signed in,
 * and announces each success in one status region.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { mayEdit, type EditRequest, type Viewer } from '../app/session.ts';
import { AddEvidence } from './AddEvidence.tsx';
import { ChangeProposal } from './ChangeProposal.tsx';
import { AddClaim } from './ClaimForm.tsx';
import { HistoryList } from './HistoryList.tsx';
import { EditNode } from './NodeEditor.tsx';
import { CreateNode } from './NodeForm.tsx';
import { RemoveEvidence } from './RemoveEvidence.tsx';
import { ReviewDesk } from './ReviewDesk.tsx';
import { ReviewModeContext } from './review-mode.tsx';
import { SignIn } from './SignIn.tsx';
import type { TaskProps } from './task-props.ts';
import './editor.css';

export interface EditorDockProps {
  readonly request: EditRequest;
  readonly viewer: Viewer | null;
  readonly onSignedIn: (viewer: Viewer | null) => void;
  /** After a successful write: reload the scene and select `focusId` when given. */
  readonly onChanged: (focusId?: string) => void;
  readonly onClose: () => void;
}

const TITLES: Readonly<Record<EditRequest['kind'], string>> = {
  signIn: 'Sign in to edit',
  createNode: 'New node',
  editNode: 'Edit node',
  addClaim: 'New claim',
  addEvidence: 'Add evidence',
  removeEvidence: 'Remove evidence',
  history: 'History',
  review: 'Review desk',
  changeProposal: 'Change your proposal',
};

// React.lazy needs a default export.
// eslint-disable-next-line import-x/no-default-export
export default function EditorDock({ request, viewer, onSignedIn, onChanged, onClose }: EditorDockProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // A message belongs to the request it was made for, so a new task starts with a quiet status.
  const [status, setStatus] = useState<{ readonly request: EditRequest; readonly message: string } | null>(
    null,
  );
  const announce = useCallback((message: string) => setStatus({ request, message }), [request]);
  const onWrite = useCallback(
    (message: string, focusId?: string) => {
      if (message !== '') announce(message);
      onChanged(focusId);
    },
    [announce, onChanged],
  );

  // Reading and history need no editor; everything else asks for a token first.
  const gated = request.kind !== 'signIn' && request.kind !== 'history' && !mayEdit(viewer);

  // Keyboard and screen-reader users land on the task that just opened (or on sign-in, then the task).
  useEffect(() => heading.current?.focus(), [request, gated]);

  return (
    <section aria-label="Editor" className="card editor-dock">
      <div className="editor-dock-head">
        <h2 ref={heading} tabIndex={-1}>
          {gated ? TITLES.signIn : TITLES[request.kind]}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p role="status" className="editor-status">
        {status?.request === request ? status.message : ''}
      </p>
      {gated || request.kind === 'signIn' ? (
        <SignIn
          viewer={viewer}
          reason={gated ? gateReason(viewer) : null}
          onSignedIn={onSignedIn}
          announce={announce}
        />
      ) : (
        <ReviewModeContext.Provider value={{ mustPropose: viewer?.mustPropose ?? false }}>
          {request.kind === 'review' && viewer !== null ? (
            <ReviewDesk viewer={viewer} onWrite={onWrite} />
          ) : request.kind === 'review' ? null : (
            <Task key={JSON.stringify(request)} request={request} onWrite={onWrite} />
          )}
        </ReviewModeContext.Provider>
      )}
    </section>
  );
}

function gateReason(viewer: Viewer | null): string {
  return viewer === null
    ? 'Sign in with an editor token to continue.'
    : `You are signed in as ${viewer.name}, a ${viewer.role.toLowerCase()}; editing needs an editor or admin token.`;
}

function Task({
  request,
  onWrite,
}: TaskProps & { readonly request: Exclude<EditRequest, { kind: 'signIn' | 'review' }> }) {
  switch (request.kind) {
    case 'createNode':
      return <CreateNode onWrite={onWrite} />;
    case 'editNode':
      return <EditNode id={request.id} onWrite={onWrite} />;
    case 'addClaim':
      return <AddClaim fromId={request.fromId} toId={request.toId} onWrite={onWrite} />;
    case 'addEvidence':
      return <AddEvidence claimId={request.claimId} onWrite={onWrite} />;
    case 'removeEvidence':
      return (
        <RemoveEvidence
          claimId={request.claimId}
          evidenceId={request.evidenceId}
          expectedVersion={request.expectedVersion}
          onWrite={onWrite}
        />
      );
    case 'history':
      return <HistoryList id={request.id} onWrite={onWrite} />;
    case 'changeProposal':
      return <ChangeProposal proposalId={request.proposalId} onWrite={onWrite} />;
  }
}
