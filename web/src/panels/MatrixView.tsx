/**
 * The discrimination matrix (Heuer's Analysis of Competing Hypotheses) in the scene's place: theories
 * as columns ranked by the evidence against them, findings, symptoms and therapy effects as rows
 * ranked by how well they tell the theories apart. A cell is a button: it opens the claims behind it,
 * each of which opens in the details panel. The CSV holds every row.
 */
import { useId, useState } from 'react';
import {
  ClaimDetailsDocument,
  DiscriminationMatrixDocument,
  type CellVerdict,
  type DiscriminationMatrixQuery,
  type EvidenceWeighting,
} from '../api/generated.ts';
import { downloadBlob } from '../export/download.ts';
import { KIND_LOOKS } from '../graph/vocabulary.ts';
import { weightingArgument } from '../state/view-state.ts';
import { useRemote } from '../api/use-remote.ts';
import { LoadFailure } from './loading.tsx';
import type { Dispatch, ViewProps } from './panel-props.ts';
import { weightingText } from './weighting-text.ts';
import './questions.css';

type Matrix = DiscriminationMatrixQuery['discriminationMatrix'];

/** Rows shown on screen, most telling first; the CSV has every row. */
export const MATRIX_ROWS = 40;

/** A verdict as a reader meets it: a mark for the eye and words for everyone. */
export const VERDICT_TEXT: Record<CellVerdict, { readonly mark: string; readonly words: string }> = {
  CONSISTENT: { mark: '✓', words: 'consistent' },
  INCONSISTENT: { mark: '✗', words: 'inconsistent' },
  SILENT: { mark: '·', words: 'silent' },
};

export function MatrixView({ view, dispatch }: ViewProps) {
  const headingId = useId();
  const ids = view.focus.kind === 'matrix' ? view.focus.ids : [];
  const weighting = weightingArgument(view.weighting);
  const matrix = useRemote(JSON.stringify(['matrix', ids, weighting]), async (send) => {
    const answer = await send(DiscriminationMatrixDocument, {
      theories: ids.length > 0 ? [...ids] : null,
      weighting,
      rows: MATRIX_ROWS,
    });
    return answer.discriminationMatrix;
  });
  return (
    <section className="matrix-view" aria-labelledby={headingId} data-testid="matrix-view">
      <div className="matrix-header">
        <h2 id={headingId}>Weighing the theories against the evidence</h2>
        <button type="button" onClick={() => dispatch({ type: 'focusOverview' })}>
          Back to the map
        </button>
      </div>
      <p className="matrix-intro">
        Each row is a finding, symptom or therapy effect; each column a theory. A cell says whether the
        evidence is <strong>consistent</strong> with the theory&apos;s account of the row,{' '}
        <strong>inconsistent</strong> with it, or whether the theory is <strong>silent</strong>. A row every
        theory explains alike tells them apart no better than none, so the most telling rows come first, and
        theories are ranked by the evidence against them, least first. Open a cell to read the claims behind
        it.
      </p>
      {weighting ? (
        <p className="what-if-note" role="note">
          What-if: {weightingText(view.weighting)}. The matrix is worked out again without that evidence.
        </p>
      ) : null}
      {matrix.status === 'loading' ? (
        <p className="status" role="status">
          Weighing the theories…
        </p>
      ) : null}
      {matrix.status === 'error' ? (
        <LoadFailure what="the matrix" message={matrix.error.message} onRetry={matrix.reload} />
      ) : null}
      {matrix.status === 'ready' ? (
        <MatrixTable
          // A new matrix closes whatever cell was open.
          key={JSON.stringify([ids, weighting])}
          matrix={matrix.data}
          weighting={weighting}
          dispatch={dispatch}
        />
      ) : null}
    </section>
  );
}

interface OpenCell {
  readonly row: number;
  readonly column: number;
}

function MatrixTable({
  matrix,
  weighting,
  dispatch,
}: {
  readonly matrix: Matrix;
  readonly weighting: EvidenceWeighting | null;
  readonly dispatch: Dispatch;
}) {
  const [open, setOpen] = useState<OpenCell | null>(null);
  const { theories, rows } = matrix;
  const openRow = open === null ? undefined : rows[open.row];
  const openCell = open === null ? undefined : openRow?.cells[open.column];
  const openTheory = open === null ? undefined : theories[open.column];
  return (
    <>
      <div className="matrix-actions">
        <button
          type="button"
          onClick={() =>
            downloadBlob(new Blob([matrix.csv], { type: 'text/csv;charset=utf-8' }), 'fibrograph-matrix.csv')
          }
        >
          Download the matrix (CSV)
        </button>
        <p className="status" role="status">
          {rows.length < matrix.rowCount
            ? `The ${rows.length} most telling of ${matrix.rowCount} rows; the CSV has them all.`
            : `${matrix.rowCount} rows.`}
        </p>
      </div>
      <h3>Theories, least evidence against first</h3>
      <ol className="matrix-standings">
        {theories.map((standing) => (
          <li key={standing.theory.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => dispatch({ type: 'select', id: standing.theory.id })}
            >
              {standing.theory.name}
            </button>
            : {standing.consistent} consistent, {standing.inconsistent} inconsistent
            {standing.weightAgainst > 0 ? ` (weight against ${standing.weightAgainst})` : ''}
          </li>
        ))}
      </ol>
      {rows.length === 0 ? (
        <p className="status">No compared theory speaks to any finding, symptom or therapy.</p>
      ) : (
        <div className="matrix-scroll">
          {/* The key stands above the scrolling table, so a wide table cannot push it out of view. */}
          <p className="matrix-key" aria-hidden="true">
            ✓ consistent · ✗ inconsistent · · silent · * contested
          </p>
          <table className="matrix-table">
            <caption className="visually-hidden">
              Theories against findings, symptoms and therapy effects (✓ consistent · ✗ inconsistent · ·
              silent; * contested)
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col" title="0 to 1: how far apart the theories' verdicts are">
                  Tells apart
                </th>
                {theories.map((standing) => (
                  <th key={standing.theory.id} scope="col">
                    {standing.rank}. {standing.theory.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rowIndex) => (
                <tr key={row.subject.id}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => dispatch({ type: 'select', id: row.subject.id })}
                    >
                      {row.subject.name}
                    </button>
                    <span className="matrix-row-kind">
                      {row.kind === 'THERAPY_EFFECT'
                        ? 'therapy effect'
                        : KIND_LOOKS[row.subject.kind].label.toLowerCase()}
                    </span>
                  </th>
                  <td className="matrix-diagnosticity">{row.diagnosticity.toFixed(2)}</td>
                  {row.cells.map((cell, column) => {
                    const theoryName = theories[column]?.theory.name ?? '';
                    const text = VERDICT_TEXT[cell.verdict];
                    const isOpen = open?.row === rowIndex && open.column === column;
                    return (
                      <td
                        key={theories[column]?.theory.id ?? column}
                        className={`cell-${cell.verdict.toLowerCase()}`}
                      >
                        {cell.verdict === 'SILENT' ? (
                          <span title={`${theoryName} is silent on ${row.subject.name}`}>
                            <span aria-hidden="true">{text.mark}</span>
                            <span className="visually-hidden">silent</span>
                          </span>
                        ) : (
                          <button
                            type="button"
                            className="matrix-cell"
                            aria-pressed={isOpen}
                            aria-label={`${row.subject.name} and ${theoryName}: ${text.words}${cell.contested ? ', contested' : ''}. Show the claims.`}
                            onClick={() => setOpen(isOpen ? null : { row: rowIndex, column })}
                          >
                            <span aria-hidden="true">
                              {text.mark}
                              {cell.contested ? '*' : ''}
                            </span>
                          </button>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {openRow && openCell && openTheory ? (
        <CellClaims
          heading={`${openTheory.theory.name} and ${openRow.subject.name}: ${VERDICT_TEXT[openCell.verdict].words}`}
          claimIds={openCell.claimIds}
          weighting={weighting}
          dispatch={dispatch}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}

function CellClaims({
  heading,
  claimIds,
  weighting,
  dispatch,
  onClose,
}: {
  readonly heading: string;
  readonly claimIds: readonly string[];
  readonly weighting: EvidenceWeighting | null;
  readonly dispatch: Dispatch;
  readonly onClose: () => void;
}) {
  const headingId = useId();
  const claims = useRemote(JSON.stringify(['cell', claimIds, weighting]), (send) =>
    Promise.all(claimIds.map(async (id) => (await send(ClaimDetailsDocument, { id, weighting })).claim)),
  );
  return (
    <section className="matrix-cell-claims" aria-labelledby={headingId} data-testid="matrix-cell-claims">
      <h3 id={headingId}>{heading}</h3>
      {claims.status === 'loading' ? <p className="status">Loading the claims…</p> : null}
      {claims.status === 'error' ? (
        <LoadFailure what="the claims" message={claims.error.message} onRetry={claims.reload} />
      ) : null}
      {claims.status === 'ready' ? (
        <ul className="matrix-claim-list">
          {claims.data.flatMap((claim) =>
            claim === null
              ? []
              : [
                  <li key={claim.id}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => dispatch({ type: 'select', id: claim.id })}
                    >
                      {claim.reading}
                    </button>{' '}
                    <span className="matrix-claim-certainty">(certainty {claim.certaintySummary})</span>
                  </li>,
                ],
          )}
        </ul>
      ) : null}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
