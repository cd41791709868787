/** STUB (to be built): the editor dock, loaded as its own chunk. */
import type { EditRequest, Viewer } from '../app/session.ts';

export interface EditorDockProps {
  readonly request: EditRequest;
  readonly viewer: Viewer | null;
  readonly onSignedIn: (viewer: Viewer | null) => void;
  /** After a successful write: reload the scene and select `focusId` when given. */
  readonly onChanged: (focusId?: string) => void;
  readonly onClose: () => void;
}

// React.lazy needs a default export.
// eslint-disable-next-line import-x/no-default-export
export default function EditorDock({ onClose }: EditorDockProps) {
  return (
    <button type="button" onClick={onClose}>
      Close
    </button>
  );
}
