/** Props the panels share. */
import type { ViewAction, ViewState } from '../state/view-state.ts';

export type Dispatch = (action: ViewAction) => void;

export interface ViewProps {
  readonly view: ViewState;
  readonly dispatch: Dispatch;
}
