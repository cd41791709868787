/** STUB (to be built): the selected node's or claim's details with evidence. */
import type { ViewProps } from './panel-props.ts';

export function DetailsPanel({ selected }: ViewProps & { readonly selected: string | null }) {
  return (
    <section aria-label="Selection">{selected ?? 'Select a node or claim to read its evidence.'}</section>
  );
}
