/**
 * The keyboard of a search-as-you-type combobox (WAI-ARIA combobox with a listbox), shared by the
 * reader's SearchBox and the editor's pickers: ↓/↑ move through the options and wrap around, Enter
 * chooses the active option (the first, best hit when none is active), Escape closes. No React: the
 * component keeps the state.
 *
 * New hits arrive with no option active, so the first ↓ lands on the first hit: typing "brain fog", ↓,
 * Enter opens the first hit, not the second.
 */

/** The part of a keydown event the handler reads (React's and the DOM's both fit). */
export interface ListboxKeyEvent {
  readonly key: string;
  preventDefault(): void;
}

export interface ListboxKeysOptions {
  /** How many options the list holds. */
  readonly count: number;
  /** The active option's index; -1 for none. */
  readonly active: number;
  /** True while the list is shown: Enter then belongs to it. */
  readonly expanded: boolean;
  /** Moves the active option (a state setter's updater form, so quick presses add up). */
  readonly setActive: (update: (index: number) => number) => void;
  readonly setOpen: (open: boolean) => void;
  /** Chooses the option at this index. */
  readonly choose: (index: number) => void;
}

/** Where the active option goes on ↓ (`step` 1) or ↑ (-1): around the ends; -1 when there are none. */
export function nextActiveIndex(index: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  // From no option (or one that is gone), ↓ starts at the first and ↑ at the last.
  if (index < 0 || index >= count) return step === 1 ? 0 : count - 1;
  return (index + step + count) % count;
}

/** The combobox input's keydown handler. */
export function listboxKeyHandler(options: ListboxKeysOptions): (event: ListboxKeyEvent) => void {
  const { count, active, expanded, setActive, setOpen, choose } = options;
  return (event) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((index) => nextActiveIndex(index, count, 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => nextActiveIndex(index, count, -1));
        break;
      case 'Enter':
        // While the list is shown, Enter picks from it and must not submit a form around the box.
        if (expanded) {
          event.preventDefault();
          if (active >= 0 && active < count) choose(active);
          else if (active === -1 && count > 0) choose(0);
        }
        break;
      case 'Escape':
        // Not prevented: in a search input the browser's own Escape also empties the box.
        setOpen(false);
        break;
    }
  };
}
