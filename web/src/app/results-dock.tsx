/**
 * The results dock: answers that need room (the ranked paths, a theory comparison) are shown under the
 * map, across the scene's width, instead of in the explore panel's narrow column. The panel that asks
 * the question still owns its answer; `InResultsDock` only moves where it is drawn (a portal), and
 * draws it in place when there is no dock.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** The dock's element while the scene shows one; null otherwise. */
export const ResultsDockContext = createContext<HTMLElement | null>(null);

export function InResultsDock({ children }: { readonly children: ReactNode }) {
  const dock = useContext(ResultsDockContext);
  return dock === null ? children : createPortal(children, dock);
}
