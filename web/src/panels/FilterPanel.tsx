/**
 * Filters over the scene: a minimum evidence level and a stance. They only hide (nothing is
 * refetched), and a polite live line says how much they hide, kind toggles in the legend included.
 */
import { useId } from 'react';
import { EVIDENCE_LEVEL_ORDER, LEVEL_TEXT, isLevel } from '../graph/vocabulary.ts';
import type { Filters, StanceFilter } from '../state/view-state.ts';
import type { Dispatch } from './panel-props.ts';
import './reader.css';

const STANCES: readonly { readonly value: StanceFilter; readonly label: string }[] = [
  { value: 'ANY', label: 'Any' },
  { value: 'SUPPORTS', label: 'Supporting' },
  { value: 'DISPUTES', label: 'Disputing' },
];

export function FilterPanel({
  filters,
  hidden,
  dispatch,
}: {
  readonly filters: Filters;
  readonly hidden: { readonly nodes: number; readonly claims: number };
  readonly dispatch: Dispatch;
}) {
  const id = useId();
  const unfiltered =
    filters.minLevel === null && filters.stance === 'ANY' && filters.hiddenKinds.length === 0;
  return (
    <section className="reader-panel filter-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Filters</h2>
      <label className="filter-field" htmlFor={`${id}-level`}>
        Minimum evidence
      </label>
      <select
        id={`${id}-level`}
        aria-describedby={`${id}-level-hint`}
        value={filters.minLevel ?? ''}
        onChange={(event) => {
          const value = event.target.value;
          dispatch({ type: 'setMinLevel', level: isLevel(value) ? value : null });
        }}
      >
        <option value="">Any level</option>
        {EVIDENCE_LEVEL_ORDER.map((level) => (
          <option key={level} value={level}>
            {LEVEL_TEXT[level]}
          </option>
        ))}
      </select>
      <p id={`${id}-level-hint`} className="reader-hint">
        Shows only claims with evidence at this level or stronger (the list runs strongest first).
      </p>
      <fieldset className="filter-stance">
        <legend>Evidence stance</legend>
        {STANCES.map((stance) => (
          <label key={stance.value}>
            <input
              type="radio"
              name={`${id}-stance`}
              value={stance.value}
              checked={filters.stance === stance.value}
              onChange={() => dispatch({ type: 'setStance', stance: stance.value })}
            />{' '}
            {stance.label}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={() => dispatch({ type: 'resetFilters' })} disabled={unfiltered}>
        Reset filters
      </button>
      <p className="filter-hidden" role="status" aria-live="polite">
        {count(hidden.nodes, 'node')} and {count(hidden.claims, 'claim')} hidden by filters
      </p>
    </section>
  );
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
