/**
 * What-if weighting: leave out evidence by level, stance or verification and see certainty, paths and
 * the matrix worked out again. Unlike the filters this refetches; the choice travels in the permalink.
 */
import { useId } from 'react';
import type { EvidenceLevel, Stance } from '../api/generated.ts';
import { EVIDENCE_LEVEL_ORDER } from '../graph/vocabulary.ts';
import { isWeighing, NO_WEIGHTING, type Weighting } from '../state/view-state.ts';
import type { Dispatch } from './panel-props.ts';
import { LEVELS_LEFT_OUT, STANCES_LEFT_OUT, UNVERIFIED_LEFT_OUT, weightingText } from './weighting-text.ts';
import './reader.css';

export function WhatIfPanel({
  weighting,
  dispatch,
}: {
  readonly weighting: Weighting;
  readonly dispatch: Dispatch;
}) {
  const id = useId();
  const set = (next: Weighting) => dispatch({ type: 'setWeighting', weighting: next });
  const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
    on ? [...list, value] : list.filter((item) => item !== value);
  return (
    <section className="reader-panel what-if-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>What if…</h2>
      <p className="reader-hint">
        Leave evidence out and see certainty, paths and the matrix worked out again without it. Nothing in the
        graph changes.
      </p>
      <fieldset>
        <legend>Leave out</legend>
        {EVIDENCE_LEVEL_ORDER.map((level: EvidenceLevel) => (
          <label key={level} className="what-if-choice">
            <input
              type="checkbox"
              checked={weighting.levels.includes(level)}
              onChange={(event) =>
                set({ ...weighting, levels: toggle(weighting.levels, level, event.target.checked) })
              }
            />
            {LEVELS_LEFT_OUT[level]}
          </label>
        ))}
        {(['DISPUTES', 'SUPPORTS'] as const).map((stance: Stance) => (
          <label key={stance} className="what-if-choice">
            <input
              type="checkbox"
              checked={weighting.stances.includes(stance)}
              onChange={(event) =>
                set({ ...weighting, stances: toggle(weighting.stances, stance, event.target.checked) })
              }
            />
            {STANCES_LEFT_OUT[stance]}
          </label>
        ))}
        <label className="what-if-choice">
          <input
            type="checkbox"
            checked={weighting.unverified}
            onChange={(event) => set({ ...weighting, unverified: event.target.checked })}
          />
          {UNVERIFIED_LEFT_OUT}
        </label>
      </fieldset>
      <p className="reader-hint" role="status" aria-live="polite">
        {isWeighing(weighting)
          ? `What-if on: ${weightingText(weighting)}.`
          : 'No what-if: all evidence counts.'}
      </p>
      {isWeighing(weighting) ? (
        <button type="button" onClick={() => set(NO_WEIGHTING)}>
          Count all evidence again
        </button>
      ) : null}
    </section>
  );
}
