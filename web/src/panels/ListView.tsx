/** STUB (to be built): the accessible list/table twin of the scene. */
import type { Scene } from '../graph/scene.ts';
import type { Dispatch } from './panel-props.ts';

export function ListView({
  scene,
}: {
  readonly scene: Scene;
  readonly selected: string | null;
  readonly dispatch: Dispatch;
}) {
  return <p>{scene.nodes.length} nodes</p>;
}
