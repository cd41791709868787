/** STUB (to be built): PNG, SVG and Cytoscape.js JSON export of the current view. */
import type { Core } from 'cytoscape';
import type { Scene } from '../graph/scene.ts';
import type { ViewState } from '../state/view-state.ts';

export function ExportMenu(_props: {
  readonly getCy: () => Core | null;
  readonly scene: Scene;
  readonly view: ViewState;
}) {
  return null;
}
