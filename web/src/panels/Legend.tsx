/** STUB (to be built): the legend, which also toggles kinds. */
import type { NodeKind } from '../api/generated.ts';
import type { Dispatch } from './panel-props.ts';

export function Legend(_props: { readonly hiddenKinds: readonly NodeKind[]; readonly dispatch: Dispatch }) {
  return null;
}
