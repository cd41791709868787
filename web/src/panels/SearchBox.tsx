/**
 * Search with autocomplete over names, aliases and CURIEs, following the WAI-ARIA combobox pattern:
 * type to search (debounced), ↓/↑ to move through hits, Enter to choose, Escape to close. The
 * chosen node goes to `onChoose`; the hit list says which field matched.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { request } from '../api/client.ts';
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
  const [hits, setHits] = useState<readonly Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const latest = useRef(0);

  useEffect(() => {
    const query = text.trim();
    if (query.length === 0 || !open) return;
    const ticket = ++latest.current;
    const timer = window.setTimeout(() => {
      setStatus('loading');
      request(SearchDocument, { text: query, first: 10 }).then(
        ({ search }) => {
          if (ticket !== latest.current) return;
          setHits(search);
          // None active: the first ↓ lands on the first hit, and Enter alone still opens it.
          setActive(-1);
          setStatus('idle');
        },
        () => ticket === latest.current && setStatus('error'),
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, open]);

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
