/**
 * A labelled search-as-you-type picker (WAI-ARIA combobox with a listbox): type to search
 * (debounced), ↓/↑ to move, Enter to choose, Escape to close. Typing after a choice clears it, so
 * the box never shows a name that is not what will be sent.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useRemote } from '../api/use-remote.ts';
import { listboxKeyHandler } from '../panels/listbox-keys.ts';
import type { Choice } from './evidence-values.ts';
import type { FieldErrors } from './field-errors.ts';
import { Field } from './form-ui.tsx';

export interface ComboboxProps<T extends Choice> {
  readonly formId: string;
  readonly field: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly errors: FieldErrors;
  /** Keep it stable (module-level): a new function starts a new search. */
  readonly search: (text: string) => Promise<readonly T[]>;
  /** The second line of an option: its kind, year, … */
  readonly describe: (option: T) => ReactNode;
  readonly chosen: Choice | null;
  readonly onChoose: (option: T | null) => void;
}

const DEBOUNCE_MS = 150;

export function Combobox<T extends Choice>(props: ComboboxProps<T>) {
  const { formId, field, label, hint, errors, search, describe, chosen, onChoose } = props;
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);

  const text = chosen === null ? typed : chosen.name;
  const query = chosen === null ? typed.trim() : '';
  // The text searched for: what was typed, once typing paused (DEBOUNCE_MS).
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(query), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);
  // Hits belong to the text they were found for; a newer text reads as "Searching…" until its own arrive.
  const found = useRemote(
    open && query !== '' && debounced === query ? JSON.stringify([field, query]) : null,
    () => search(query),
    { keep: 'none', followWrites: false },
  );
  const hits = found.status === 'ready' ? found.data : null;
  // The active option belongs to the hits it was chosen among: new hits arrive with none active, so
  // the first ↓ lands on the first hit, and Enter alone still chooses it.
  const [activeFor, setActiveFor] = useState<{ readonly hits: readonly T[] | null; readonly index: number }>({
    hits: null,
    index: -1,
  });
  const active = hits !== null && activeFor.hits === hits ? activeFor.index : -1;
  const setActive = (update: number | ((index: number) => number)): void =>
    setActiveFor((current) => {
      const from = hits !== null && current.hits === hits ? current.index : -1;
      return { hits, index: typeof update === 'function' ? update(from) : update };
    });

  const expanded = open && query !== '';
  const shown = expanded && hits !== null ? hits : [];
  const note =
    found.status === 'error'
      ? 'Search failed; try again.'
      : hits === null
        ? 'Searching…'
        : hits.length === 0
          ? 'No matches.'
          : null;

  const choose = (option: T | undefined): void => {
    if (!option) return;
    onChoose(option);
    setTyped('');
    setOpen(false);
  };

  const onKeyDown = listboxKeyHandler({
    count: shown.length,
    active,
    expanded,
    setActive,
    setOpen,
    choose: (index) => choose(shown[index]),
  });

  return (
    <Field formId={formId} field={field} label={label} hint={hint} errors={errors}>
      {(control) => {
        const listId = `${control.id}-options`;
        return (
          <div className="combobox">
            <input
              {...control}
              type="text"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
              autoComplete="off"
              spellCheck={false}
              value={text}
              onChange={(event) => {
                if (chosen !== null) onChoose(null);
                setTyped(event.target.value);
                setOpen(true);
              }}
              onFocus={() => setOpen(true)}
              onBlur={() => setOpen(false)}
              onKeyDown={onKeyDown}
            />
            <ul id={listId} role="listbox" aria-label={`${label}: matches`} hidden={!expanded}>
              {note === null ? null : (
                <li className="combobox-note" role="presentation">
                  {note}
                </li>
              )}
              {shown.map((option, index) => (
                <li
                  key={option.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'active' : undefined}
                  // mousedown, not click: the input must keep focus, or blur would close the list first.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(option);
                  }}
                  onMouseEnter={() => setActive(index)}
                >
                  <span className="option-name">{option.name}</span>
                  <span className="option-meta">{describe(option)}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      }}
    </Field>
  );
}
