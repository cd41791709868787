/**
 * Who is signed in, for the reader bundle: the stored token is checked with the `viewer` query once
 * on load. Signing in and all editing UI live in the editor chunk (src/editor), loaded on demand;
 * this file is the small bridge the reader's panels use to offer "Edit" and to ask for the editor.
 */
import { createContext, useContext } from 'react';
import type { ViewerQuery } from '../api/generated.ts';

export type Viewer = NonNullable<ViewerQuery['viewer']>;

/** What an editor asked to do; the editor dock shows the matching form. */
export type EditRequest =
  | { readonly kind: 'signIn' }
  | { readonly kind: 'createNode' }
  | { readonly kind: 'editNode'; readonly id: string }
  | { readonly kind: 'addClaim'; readonly fromId?: string; readonly toId?: string }
  | { readonly kind: 'addEvidence'; readonly claimId: string }
  | {
      readonly kind: 'removeEvidence';
      readonly claimId: string;
      readonly evidenceId: string;
      readonly expectedVersion: number;
    }
  | { readonly kind: 'history'; readonly id: string }
  | { readonly kind: 'review' }
  | { readonly kind: 'changeProposal'; readonly proposalId: string };

export interface Session {
  readonly viewer: Viewer | null;
  /** Editors and admins may write. */
  readonly canEdit: boolean;
  /** Opens the editor dock (loading the editor chunk on first use). */
  readonly requestEdit: (request: EditRequest) => void;
}

export const SessionContext = createContext<Session>({
  viewer: null,
  canEdit: false,
  requestEdit: () => undefined,
});

export function useSession(): Session {
  return useContext(SessionContext);
}

/** True for roles that may edit. */
export function mayEdit(viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.role === 'EDITOR' || viewer.role === 'ADMIN');
}
