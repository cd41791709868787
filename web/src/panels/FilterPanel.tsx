/** STUB (to be built): filters by minimum evidence level and stance. */
import type { Filters } from '../state/view-state.ts';
import type { Dispatch } from './panel-props.ts';

export function FilterPanel(_props: {
  readonly filters: Filters;
  readonly hidden: { readonly nodes: number; readonly claims: number };
  readonly dispatch: Dispatch;
}) {
  return null;
}
