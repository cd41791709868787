/** STUB (to be built): "How could A relate to B?" and the ranked paths. */
import type { PathsQuery } from '../api/generated.ts';
import type { ViewProps } from './panel-props.ts';

export function PathPanel(
  _props: ViewProps & { readonly paths: PathsQuery['paths'] | null; readonly status: string },
) {
  return null;
}
