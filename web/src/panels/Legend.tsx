/**
 * The legend, which is also the kind filter: one toggle button per kind (pressed while the kind is
 * shown) drawn with the kind's shape and colour, then a key to how claims are drawn.
 */
import { useId } from 'react';
import type { NodeKind } from '../api/generated.ts';
import { CLAIM_COLOUR, CONTESTED_COLOUR, KIND_LOOKS, NODE_KINDS } from '../graph/vocabulary.ts';
import { KindIcon } from './KindIcon.tsx';
import type { Dispatch } from './panel-props.ts';
import './reader.css';

export function Legend({
  hiddenKinds,
  dispatch,
  onShowIntro,
  headingHidden = false,
}: {
  readonly hiddenKinds: readonly NodeKind[];
  readonly dispatch: Dispatch;
  /** Opens the "How to read this map" key again. */
  readonly onShowIntro?: () => void;
  /** Where something else names it already (the map's "Legend" fold), the heading is for screen readers only. */
  readonly headingHidden?: boolean;
}) {
  const id = useId();
  return (
    <section className="reader-panel legend" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={headingHidden ? 'visually-hidden' : undefined}>
        Legend
      </h2>
      {onShowIntro ? (
        <button type="button" className="legend-intro" onClick={onShowIntro}>
          How to read this map
        </button>
      ) : null}
      <p id={`${id}-hint`} className="reader-hint">
        Press a kind to hide or show it.
      </p>
      <ul className="legend-kinds">
        {NODE_KINDS.map((kind) => {
          const shown = !hiddenKinds.includes(kind);
          return (
            <li key={kind}>
              <button
                type="button"
                className="legend-kind"
                aria-pressed={shown}
                aria-describedby={`${id}-hint`}
                onClick={() => dispatch({ type: 'toggleKind', kind })}
              >
                <KindIcon kind={kind} size={18} />
                <span className="legend-kind-name">{KIND_LOOKS[kind].plural}</span>
                {shown ? null : (
                  <span className="legend-kind-state" aria-hidden="true">
                    hidden
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <details className="legend-claims-key">
        <summary>How claims are drawn</summary>
        <ul className="legend-claims">
          <li>
            <span className="legend-samples">
              <EdgeSample width={1.5} />
              <EdgeSample width={6} />
            </span>
            <span>
              Line width: certainty of the evidence (thicker is surer); the thinnest also marks what a theory
              proposes or explains, which is not graded
            </span>
          </li>
          <li>
            <span className="legend-samples">
              <EdgeSample width={2.5} dashed />
            </span>
            <span>Dashed: only weak evidence (hypothesis, regulatory record or personal account)</span>
          </li>
          <li>
            <span className="legend-samples">
              <EdgeSample width={2.5} contested />
            </span>
            <span>Vermillion with a diamond: contested (evidence both for and against)</span>
          </li>
          <li>
            <span className="legend-samples">
              <EdgeSample width={2.5} />
            </span>
            <span>
              No arrowhead: no direction claimed (&ldquo;is associated with&rdquo;, &ldquo;conflicts
              with&rdquo;); an arrow points from cause to effect
            </span>
          </li>
        </ul>
      </details>
    </section>
  );
}

/** A short claim line as the canvas draws it. */
function EdgeSample({
  width,
  dashed = false,
  contested = false,
}: {
  readonly width: number;
  readonly dashed?: boolean;
  readonly contested?: boolean;
}) {
  const colour = contested ? CONTESTED_COLOUR : CLAIM_COLOUR;
  return (
    <svg
      className="legend-edge"
      width="36"
      height="14"
      viewBox="0 0 32 14"
      aria-hidden="true"
      focusable="false"
    >
      <line
        x1="2"
        y1="7"
        x2="30"
        y2="7"
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={dashed ? '6 4' : undefined}
      />
      {contested ? <path d="M16 2l5 5-5 5-5-5z" fill="#fff" stroke={colour} strokeWidth="1.5" /> : null}
    </svg>
  );
}
