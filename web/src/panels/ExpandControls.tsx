/** STUB (to be built): expand/collapse a node's neighbourhood by depth, kinds and relations. */
import type { ViewProps } from './panel-props.ts';

export function ExpandControls(_props: ViewProps & { readonly nodeId: string }) {
  return null;
}
