/**
 * Search with autocomplete over names, aliases and CURIEs, following the WAI-ARIA combobox pattern:
 * type to search (debounced), ↓/↑ to move through hits, Enter to choose, Escape to close. The
 * chosen node goes to `onChoose`; the hit list says which field matched.
 */
import { useEffect, useId, useState } from 'react';
import { useRemote } from '../api/use-remote.ts';
import { SearchDocument, type SearchQuery } from '../api/generated.ts';
import { KIND_LOOKS } from '../graph/vocabulary.ts';
import { KindIcon } from './KindIcon.tsx';
import { listboxKeyHandler } from './listbox-keys.ts';

type Hit = SearchQuery['search'][number];

export interface SearchBoxProps {
  /** Accessible name, also the placeholder: "Search the graph". */
  readonly label: string;
  readonly onChoose: (node: Hit['node']) => void;
  /** Empties the box after a choice (the main search) or shows the chosen name (path ends). */
  readonly keepChoice?: boolean;
  readonly id?: string;
  /** Starting text; to reset it later, give the box a new React `key`. */
  readonly initialText?: string;
}

const DEBOUNCE_MS = 150;

export function SearchBox({ label, onChoose, keepChoice = false, id, initialText = '' }: SearchBoxProps) {
  const generated = useId();
  const inputId = id ?? `search-${generated}`;
  const listId = `${inputId}-hits`;
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(false);
  // The text searched for: what was typed, once typing paused (DEBOUNCE_MS).
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  const search = useRemote(
    open && query !== '' ? query : null,
    async (send) => (await send(SearchDocument, { text: query, first: 10 })).search,
    // Hits of an earlier text stay until the new ones arrive.
    { keep: 'any' },
  );
  const hits: readonly Hit[] = search.data ?? [];
  // The active hit belongs to the hits it was chosen among: new hits arrive with none active, so
  // the first ↓ lands on the first hit and Enter alone still opens it.
  const [activeFor, setActiveFor] = useState<{ readonly hits: readonly Hit[]; readonly index: number }>({
    hits,
    index: -1,
  });
  const active = activeFor.hits === hits ? activeFor.index : -1;
  const setActive = (update: number | ((index: number) => number)): void =>
    setActiveFor((current) => {
      const from = current.hits === hits ? current.index : -1;
      return { hits, index: typeof update === 'function' ? update(from) : update };
    });
  const status = search.status === 'ready' || search.status === 'idle' ? 'idle' : search.status;

  const choose = (hit: Hit | undefined): void => {
    if (!hit) return;
    onChoose(hit.node);
    setOpen(false);
    setText(keepChoice ? hit.node.name : '');
  };

  const expanded = open && text.trim().length > 0;
  // Hits of an earlier text stay until the new ones arrive; with no text there are none.
  const shown = expanded ? hits : [];
  const onKeyDown = listboxKeyHandler({
    count: hits.length,
    active,
    expanded,
    setActive,
    setOpen,
    choose: (index) => choose(hits[index]),
  });
  return (
    <div className="search">
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={label}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label}: results`}
        className="search-hits"
        hidden={!expanded}
      >
        {status === 'loading' && shown.length === 0 ? (
          <li className="search-note" role="presentation">
            Searching…
          </li>
        ) : null}
        {status === 'error' ? (
          <li className="search-note" role="presentation">
            Search failed; try again.
          </li>
        ) : null}
        {status === 'idle' && shown.length === 0 ? (
          <li className="search-note" role="presentation">
            No matches.
          </li>
        ) : null}
        {shown.map((hit, index) => (
          <li
            key={hit.node.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(hit);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <KindIcon kind={hit.node.kind} />
            <span className="hit-name">{hit.node.name}</span>
            <span className="hit-meta">
              {KIND_LOOKS[hit.node.kind].label}
              {hit.matchedField !== 'NAME' ? ` · ${hit.matchedField.toLowerCase()}: ${hit.matchedText}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
