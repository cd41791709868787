/**
 * Theories: focus one (its subgraph lit up on the map), compare several side by side (the mechanisms
 * they share, those only one proposes, and which symptoms each explains, as an accessible table), or
 * open the discrimination matrix and the research agenda, which have views of their own.
 * Focusing and comparing go through `dispatch`; this panel only fetches what it shows in words.
 */
import { useId, useState } from 'react';
import {
  CompareTheoriesDocument,
  TheoriesDocument,
  TheoryDocument,
  type TheoriesQuery,
} from '../api/generated.ts';
import { MAX_COMPARED } from '../state/view-state.ts';
import type { Dispatch, ViewProps } from './panel-props.ts';
import {
  compareChoiceProblem,
  countCoverage,
  symptomCount,
  uniqueMechanismsOf,
  visibleCoverage,
  type Comparison,
} from './compare-coverage.ts';
import { useRemote } from '../api/use-remote.ts';
import { LoadFailure } from './loading.tsx';
import { InResultsDock } from '../app/results-dock.tsx';
import './questions.css';

type TheoryOption = TheoriesQuery['theories'][number];

export function TheoryPanel({ view, dispatch }: ViewProps) {
  const headingId = useId();
  const focusId = useId();
  const theories = useRemote('theories', async (send) => (await send(TheoriesDocument, {})).theories);
  const { focus } = view;
  const focusedId = focus.kind === 'theory' ? focus.id : '';
  const compared = focus.kind === 'compare' ? focus.ids : null;

  return (
    <section className="question-panel theory-panel" aria-labelledby={headingId} data-testid="theory-panel">
      <h2 id={headingId}>Theories</h2>
      {theories.status === 'loading' ? <p className="status">Loading theories…</p> : null}
      {theories.status === 'error' ? (
        <LoadFailure what="the theories" message={theories.error.message} onRetry={theories.reload} />
      ) : null}
      {theories.status === 'ready' && theories.data.length === 0 ? (
        <p className="status">There are no theories in the graph yet.</p>
      ) : null}
      {theories.status === 'ready' && theories.data.length > 0 ? (
        <>
          <div className="question-field">
            <label htmlFor={focusId}>Focus a theory</label>
            <select
              id={focusId}
              value={focusedId}
              onChange={(event) => {
                if (event.target.value !== '') dispatch({ type: 'focusTheory', id: event.target.value });
              }}
            >
              <option value="">Choose a theory…</option>
              {theories.data.map((theory) => (
                <option key={theory.id} value={theory.id}>
                  {theory.name}
                </option>
              ))}
            </select>
          </div>
          <CompareForm
            // A new comparison (or a newly focused theory) resets the choices to it.
            key={compared ? compared.join('\n') : focusedId}
            theories={theories.data}
            initial={compared ?? [focusedId]}
            onCompare={(ids) => dispatch({ type: 'compareTheories', ids })}
            onWeigh={(ids) => dispatch({ type: 'showMatrix', ids })}
          />
          <div className="question-links">
            <button type="button" onClick={() => dispatch({ type: 'showMatrix', ids: [] })}>
              Weigh every theory (matrix)
            </button>
            <button type="button" onClick={() => dispatch({ type: 'showAgenda' })}>
              Open questions
            </button>
          </div>
        </>
      ) : null}
      {focus.kind === 'theory' ? (
        <FocusedTheory
          id={focus.id}
          name={theories.status === 'ready' ? theories.data.find((t) => t.id === focus.id)?.name : undefined}
          dispatch={dispatch}
        />
      ) : null}
      {compared ? <TheoryComparison ids={compared} dispatch={dispatch} /> : null}
    </section>
  );
}

interface CompareFormProps {
  readonly theories: readonly TheoryOption[];
  readonly initial: readonly string[];
  readonly onCompare: (ids: readonly string[]) => void;
  readonly onWeigh: (ids: readonly string[]) => void;
}

/** Any number of theories (2 to MAX_COMPARED) to set side by side, or to weigh in the matrix. */
function CompareForm({ theories, initial, onCompare, onWeigh }: CompareFormProps) {
  const [chosen, setChosen] = useState<readonly string[]>(initial.filter((id) => id !== ''));
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const submit = (then: (ids: readonly string[]) => void) => {
    const found = compareChoiceProblem(chosen, MAX_COMPARED);
    setProblem(found);
    if (found === null) then(chosen);
  };

  return (
    <form
      className="compare-form"
      aria-describedby={problem ? problemId : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        submit(onCompare);
      }}
    >
      <fieldset>
        <legend>Compare theories (two to {MAX_COMPARED})</legend>
        <ul className="theory-choices">
          {theories.map((theory) => (
            <li key={theory.id}>
              <label className="question-check">
                <input
                  type="checkbox"
                  checked={chosen.includes(theory.id)}
                  onChange={(event) =>
                    setChosen((ids) =>
                      event.target.checked ? [...ids, theory.id] : ids.filter((id) => id !== theory.id),
                    )
                  }
                />
                {theory.name}
              </label>
            </li>
          ))}
        </ul>
        <div className="compare-actions">
          <button type="submit">Compare {chosen.length > 1 ? chosen.length : ''} theories</button>
          <button type="button" onClick={() => submit(onWeigh)}>
            Weigh them against the evidence
          </button>
        </div>
        <p id={problemId} className="question-problem" role="alert">
          {problem}
        </p>
      </fieldset>
    </form>
  );
}

interface FocusedTheoryProps {
  readonly id: string;
  readonly name: string | undefined;
  readonly dispatch: Dispatch;
}

/** The focused theory's name and summary (the same cached query the scene uses). */
function FocusedTheory({ id, name, dispatch }: FocusedTheoryProps) {
  const detail = useRemote(`theory\n${id}`, async (send) => (await send(TheoryDocument, { id })).theory);
  const found = detail.status === 'ready' ? detail.data : null;
  return (
    <div className="theory-focus">
      <h3>{found?.theory.name ?? name ?? id}</h3>
      {detail.status === 'ready' && found === null ? (
        <p className="question-error">There is no theory with the id “{id}”.</p>
      ) : null}
      {found ? <p className="theory-summary">{found.theory.summary}</p> : null}
      {detail.status === 'error' ? (
        <LoadFailure what="this theory" message={detail.error.message} onRetry={detail.reload} />
      ) : null}
      <button type="button" onClick={() => dispatch({ type: 'focusOverview' })}>
        Back to the map
      </button>
    </div>
  );
}

interface TheoryComparisonProps {
  readonly ids: readonly string[];
  readonly dispatch: Dispatch;
}

function TheoryComparison({ ids, dispatch }: TheoryComparisonProps) {
  const comparison = useRemote(
    `compare\n${ids.join('\n')}`,
    async (send) => (await send(CompareTheoriesDocument, { ids: [...ids] })).compareTheories,
  );
  return (
    <InResultsDock>
      <div className="theory-comparison" data-testid="theory-comparison">
        {comparison.status === 'loading' ? (
          <p className="status" role="status">
            Comparing the theories…
          </p>
        ) : null}
        {comparison.status === 'error' ? (
          <LoadFailure what="the comparison" message={comparison.error.message} onRetry={comparison.reload} />
        ) : null}
        {comparison.status === 'ready' ? (
          <ComparisonView comparison={comparison.data} dispatch={dispatch} />
        ) : null}
        <button type="button" onClick={() => dispatch({ type: 'focusOverview' })}>
          Back to the map
        </button>
      </div>
    </InResultsDock>
  );
}

function ComparisonView({
  comparison,
  dispatch,
}: {
  readonly comparison: Comparison;
  readonly dispatch: Dispatch;
}) {
  const [showAll, setShowAll] = useState(false);
  const { theories, sharedMechanisms, coverage } = comparison;
  const counts = countCoverage(coverage, theories.length);
  const rows = visibleCoverage(coverage, showAll);
  const select = (id: string): void => dispatch({ type: 'select', id });
  const names = theories.map((theory) => theory.name);

  return (
    <>
      <h3>Comparing {names.join(' and ')}</h3>
      <p role="status">
        {theories
          .map((theory, index) => `${theory.name} explains ${symptomCount(counts.perTheory[index] ?? 0)}`)
          .join('; ')}
        ; {theories.length === 2 ? 'both' : 'all'} explain {symptomCount(counts.byAll)}.
      </p>
      <h4>Mechanisms {theories.length === 2 ? 'both' : 'all'} propose</h4>
      <NodeButtons nodes={sharedMechanisms} empty="None in common." onSelect={select} />
      {theories.map((theory) => (
        <section key={theory.id} aria-label={`Mechanisms only ${theory.name} proposes`}>
          <h4>Only {theory.name}</h4>
          <NodeButtons
            nodes={uniqueMechanismsOf(comparison, theory.id)}
            empty="No mechanism of its own."
            onSelect={select}
          />
        </section>
      ))}
      <h4>Symptoms explained</h4>
      {coverage.length === 0 ? (
        <p className="status">There are no symptoms in the graph yet.</p>
      ) : (
        <>
          <label className="question-check">
            <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} />
            Show all symptoms, including the {symptomCount(counts.byNone)} neither explains
          </label>
          <p className="question-hint" aria-hidden="true">
            ✓ explains · — does not explain
          </p>
          <div className="coverage-scroll">
            <table className="coverage-table">
              <caption>
                Which symptoms each theory explains
                {showAll ? '' : ' (only symptoms at least one explains)'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Symptom</th>
                  {theories.map((theory) => (
                    <th key={theory.id} scope="col">
                      {theory.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.symptom.id}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => select(row.symptom.id)}>
                        {row.symptom.name}
                      </button>
                    </th>
                    {theories.map((theory, column) => (
                      <CoverageCell key={theory.id} explains={row.covered[column] === true} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length === 0 ? (
            <p className="status">Neither theory explains any symptom in the graph.</p>
          ) : null}
        </>
      )}
    </>
  );
}

/** A matrix cell: a mark for the eye, words for everyone else (not colour or symbol alone). */
function CoverageCell({ explains }: { readonly explains: boolean }) {
  return (
    <td className={explains ? 'covered' : 'not-covered'}>
      <span aria-hidden="true">{explains ? '✓' : '—'}</span>
      <span className="visually-hidden">{explains ? 'explains' : 'does not explain'}</span>
    </td>
  );
}

interface NodeButtonsProps {
  readonly nodes: readonly { readonly id: string; readonly name: string }[];
  readonly empty: string;
  readonly onSelect: (id: string) => void;
}

function NodeButtons({ nodes, empty, onSelect }: NodeButtonsProps) {
  if (nodes.length === 0) return <p className="status">{empty}</p>;
  return (
    <ul className="node-buttons">
      {nodes.map((node) => (
        <li key={node.id}>
          <button type="button" className="link-button" onClick={() => onSelect(node.id)}>
            {node.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
