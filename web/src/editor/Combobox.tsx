/**
 * A labelled search-as-you-type picker (WAI-ARIA combobox with a listbox): type to search
 * (debounced), ↓/↑ to move, Enter to choose, Escape to close. Typing after a choice clears it, so
 * the box never shows a name that is not what will be sent.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
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
  // Hits belong to the text they were found for; a newer text reads as "Searching…" until its own arrive.
  const [found, setFound] = useState<{ readonly query: string; readonly hits: readonly T[] } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const latest = useRef(0);

  const text = chosen === null ? typed : chosen.name;
  const query = chosen === null ? typed.trim() : '';
  useEffect(() => {
    if (query === '' || !open) return;
    const ticket = ++latest.current;
    const timer = window.setTimeout(() => {
      search(query).then(
        (hits) => {
          if (ticket !== latest.current) return;
          setFound({ query, hits });
          setFailed(null);
          // None active: the first ↓ lands on the first hit, and Enter alone still chooses it.
          setActive(-1);
        },
        () => ticket === latest.current && setFailed(query),
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, open, search]);

  const expanded = open && query !== '';
  const hits = found?.query === query ? found.hits : null;
  const shown = expanded && hits !== null ? hits : [];
  const note =
    failed === query
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
