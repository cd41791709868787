/**
 * Theories: focus one (its subgraph lit up on the map) or compare two side by side: the mechanisms
 * they share, those only one proposes, and which symptoms each explains, as an accessible table.
 * Focusing and comparing go through `dispatch`; this panel only fetches what it shows in words.
 */
import { useEffect, useId, useState } from 'react';
import { request } from '../api/client.ts';
import {
  CompareTheoriesDocument,
  TheoriesDocument,
  TheoryDocument,
  type TheoriesQuery,
} from '../api/generated.ts';
import type { Dispatch, ViewProps } from './panel-props.ts';
import {
  compareChoiceProblem,
  countCoverage,
  symptomCount,
  uniqueMechanismsOf,
  visibleCoverage,
  type Comparison,
} from './compare-coverage.ts';
import './questions.css';

type TheoryOption = TheoriesQuery['theories'][number];

export function TheoryPanel({ view, dispatch }: ViewProps) {
  const headingId = useId();
  const focusId = useId();
  const theories = useLoaded('theories', async () => (await request(TheoriesDocument, {})).theories);
  const { focus } = view;
  const focusedId = focus.kind === 'theory' ? focus.id : '';
  const compared = focus.kind === 'compare' ? focus.ids : null;

  return (
    <section className="question-panel theory-panel" aria-labelledby={headingId} data-testid="theory-panel">
      <h2 id={headingId}>Theories</h2>
      {theories.status === 'loading' ? <p className="status">Loading theories…</p> : null}
      {theories.status === 'error' ? (
        <LoadFailure what="the theories" message={theories.message} onRetry={theories.retry} />
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
            initial={compared ?? [focusedId, '']}
            onCompare={(ids) => dispatch({ type: 'compareTheories', ids })}
          />
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
  readonly initial: readonly [string, string];
  readonly onCompare: (ids: readonly [string, string]) => void;
}

function CompareForm({ theories, initial, onCompare }: CompareFormProps) {
  const [first, setFirst] = useState(initial[0]);
  const [second, setSecond] = useState(initial[1]);
  const [problem, setProblem] = useState<string | null>(null);
  const firstId = useId();
  const secondId = useId();
  const problemId = useId();
  const options = theories.map((theory) => (
    <option key={theory.id} value={theory.id}>
      {theory.name}
    </option>
  ));

  return (
    <form
      className="compare-form"
      aria-describedby={problem ? problemId : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        const found = compareChoiceProblem(first, second);
        setProblem(found);
        if (found === null) onCompare([first, second]);
      }}
    >
      <fieldset>
        <legend>Compare two theories</legend>
        <div className="question-field">
          <label htmlFor={firstId}>First theory</label>
          <select id={firstId} value={first} onChange={(event) => setFirst(event.target.value)}>
            <option value="">Choose…</option>
            {options}
          </select>
        </div>
        <div className="question-field">
          <label htmlFor={secondId}>Second theory</label>
          <select id={secondId} value={second} onChange={(event) => setSecond(event.target.value)}>
            <option value="">Choose…</option>
            {options}
          </select>
        </div>
        <button type="submit">Compare</button>
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
  const detail = useLoaded(`theory\n${id}`, async () => (await request(TheoryDocument, { id })).theory);
  const found = detail.status === 'ready' ? detail.data : null;
  return (
    <div className="theory-focus">
      <h3>{found?.theory.name ?? name ?? id}</h3>
      {detail.status === 'ready' && found === null ? (
        <p className="question-error">There is no theory with the id “{id}”.</p>
      ) : null}
      {found ? <p className="theory-summary">{found.theory.summary}</p> : null}
      {detail.status === 'error' ? (
        <LoadFailure what="this theory" message={detail.message} onRetry={detail.retry} />
      ) : null}
      <button type="button" onClick={() => dispatch({ type: 'focusOverview' })}>
        Back to the map
      </button>
    </div>
  );
}

interface TheoryComparisonProps {
  readonly ids: readonly [string, string];
  readonly dispatch: Dispatch;
}

function TheoryComparison({ ids, dispatch }: TheoryComparisonProps) {
  const comparison = useLoaded(
    `compare\n${ids.join('\n')}`,
    async () => (await request(CompareTheoriesDocument, { ids: [...ids] })).compareTheories,
  );
  return (
    <div className="theory-comparison">
      {comparison.status === 'loading' ? (
        <p className="status" role="status">
          Comparing the theories…
        </p>
      ) : null}
      {comparison.status === 'error' ? (
        <LoadFailure what="the comparison" message={comparison.message} onRetry={comparison.retry} />
      ) : null}
      {comparison.status === 'ready' ? (
        <ComparisonView comparison={comparison.data} dispatch={dispatch} />
      ) : null}
      <button type="button" onClick={() => dispatch({ type: 'focusOverview' })}>
        Back to the map
      </button>
    </div>
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

function LoadFailure({
  what,
  message,
  onRetry,
}: {
  readonly what: string;
  readonly message: string;
  readonly onRetry: () => void;
}) {
  return (
    <div className="question-error" role="alert">
      <p>
        Could not load {what}: {message}
      </p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

/** A request's lifecycle as this panel shows it. */
type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string; readonly retry: () => void }
  | { readonly status: 'ready'; readonly data: T };

type Settled<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly message: string };

/**
 * Runs `load` whenever `key` changes and returns where it stands. The answer is stored with the key it
 * belongs to, so a different key reads as "loading" without setting state in the effect, and a late
 * answer to an earlier key is dropped.
 */
function useLoaded<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [attempt, setAttempt] = useState(0);
  const attemptKey = `${key}\n#${attempt}`;
  const [settled, setSettled] = useState<{ readonly key: string; readonly result: Settled<T> } | null>(null);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setSettled({ key: attemptKey, result: { ok: true, data } });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (current) setSettled({ key: attemptKey, result: { ok: false, message } });
      },
    );
    return () => {
      current = false;
    };
    // `attemptKey` names what `load` fetches (and each retry).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attemptKey]);

  if (settled === null || settled.key !== attemptKey) return { status: 'loading' };
  if (settled.result.ok) return { status: 'ready', data: settled.result.data };
  return { status: 'error', message: settled.result.message, retry: () => setAttempt((value) => value + 1) };
}
