/** STUB (to be built): focus a theory, compare two theories. */
import type { ViewProps } from './panel-props.ts';

export function TheoryPanel(_props: ViewProps) {
  return null;
}
