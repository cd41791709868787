/**
 * The path question, "How could these connect?": pick two nodes and a hop limit, then read the ranked
 * chains of claims between them, each as one sentence with its weakest link, and open any step's
 * evidence. Asking and highlighting go through `dispatch`, so both land in the URL and in undo.
 */
import { useEffect, useId, useState } from 'react';
import { request } from '../api/client.ts';
import { NodeDetailsDocument, type PathsQuery } from '../api/generated.ts';
import { LEVEL_BADGE, WEAK_LEVELS } from '../graph/vocabulary.ts';
import { DEFAULT_MAX_HOPS, MAX_HOPS, type Focus } from '../state/view-state.ts';
import { PATH_NATURE_TEXT } from './claims.ts';
import { CertaintyBadge } from './EvidenceList.tsx';
import type { Dispatch, ViewProps } from './panel-props.ts';
import {
  answersQuestion,
  asSentence,
  hopChoices,
  namesInPaths,
  orderEvidence,
  pathQuestionProblem,
  stanceCounts,
  type NamedNode,
  type PathHop,
  type RankedPath,
} from './path-reading.ts';
import { SearchBox } from './SearchBox.tsx';
import { InResultsDock } from '../app/results-dock.tsx';
import './questions.css';

type PathFocus = Extract<Focus, { kind: 'path' }>;
type Paths = PathsQuery['paths'];
type Evidence = PathHop['claim']['evidence'][number];

export interface PathPanelProps extends ViewProps {
  /** The fetched answer while the focus is a path (it may be a stale one while loading). */
  readonly paths: Paths | null;
  /** The scene's status; for a path focus, the status of the path search. */
  readonly status: 'loading' | 'error' | 'ready';
  /** The scene's error, to say what went wrong (optional). */
  readonly error?: { readonly message: string } | null;
  /** Fetches the view again (optional; without it there is no "Try again" button). */
  readonly onRetry?: () => void;
}

export function PathPanel({ view, dispatch, paths, status, error = null, onRetry }: PathPanelProps) {
  const headingId = useId();
  const focus = view.focus.kind === 'path' ? view.focus : null;
  const { nameOf, remember } = useEndNames(focus, paths, status);
  const initialFrom = focus ? namedNode(focus.from, nameOf) : null;
  const initialTo = focus ? namedNode(focus.to, nameOf) : null;
  // A new question (or its names arriving) resets the form to it.
  const formKey = focus
    ? [focus.from, focus.to, focus.maxHops, initialFrom?.name, initialTo?.name].join('\n')
    : 'no-question';

  return (
    <section className="question-panel path-panel" aria-labelledby={headingId} data-testid="path-panel">
      <h2 id={headingId}>How could these connect?</h2>
      <PathQuestionForm
        key={formKey}
        initialFrom={initialFrom}
        initialTo={initialTo}
        initialMaxHops={focus?.maxHops ?? DEFAULT_MAX_HOPS}
        onChoose={remember}
        onAsk={(from, to, maxHops) => dispatch({ type: 'askPath', from, to, maxHops })}
      />
      {focus ? (
        <InResultsDock>
          <PathAnswer
            focus={focus}
            paths={paths}
            status={status}
            error={error}
            onRetry={onRetry}
            pathIndex={view.pathIndex}
            nameOf={(id) => nameOf(id) ?? id}
            dispatch={dispatch}
          />
        </InResultsDock>
      ) : null}
    </section>
  );
}

function namedNode(id: string, nameOf: (id: string) => string | undefined): NamedNode {
  return { id, name: nameOf(id) ?? id };
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * Names for the question's two ends: those chosen in the pickers, else those in the answer, else (a
 * shared link with no path found) fetched once per node.
 */
function useEndNames(focus: PathFocus | null, paths: Paths | null, status: PathPanelProps['status']) {
  const [remembered, setRemembered] = useState<ReadonlyMap<string, string>>(NO_NAMES);
  const answered = focus && answersQuestion(paths, focus.from, focus.to) ? namesInPaths(paths) : NO_NAMES;
  const nameOf = (id: string): string | undefined => remembered.get(id) ?? answered.get(id);
  // Wait for the answer first: it usually carries both names.
  const missing =
    focus && status !== 'loading' ? [focus.from, focus.to].filter((id) => nameOf(id) === undefined) : [];
  const missingKey = missing.join('\n');

  useEffect(() => {
    if (missingKey === '') return;
    let current = true;
    const ids = missingKey.split('\n');
    Promise.all(
      ids.map((id) =>
        request(NodeDetailsDocument, { id }).then(
          ({ node }) => [id, node?.name ?? id] as const,
          // Unknown or unreachable: show the id rather than ask again and again.
          () => [id, id] as const,
        ),
      ),
    ).then(
      (entries) => {
        if (current) setRemembered((previous) => new Map([...previous, ...entries]));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [missingKey]);

  const remember = (node: NamedNode): void =>
    setRemembered((previous) => new Map(previous).set(node.id, node.name));
  return { nameOf, remember };
}

interface PathQuestionFormProps {
  readonly initialFrom: NamedNode | null;
  readonly initialTo: NamedNode | null;
  readonly initialMaxHops: number;
  readonly onChoose: (node: NamedNode) => void;
  readonly onAsk: (from: string, to: string, maxHops: number) => void;
}

function PathQuestionForm({
  initialFrom,
  initialTo,
  initialMaxHops,
  onChoose,
  onAsk,
}: PathQuestionFormProps) {
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [maxHops, setMaxHops] = useState(initialMaxHops);
  // Bumped on swap: the pickers only take their text when they mount.
  const [swaps, setSwaps] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const hopsId = useId();
  const problemId = useId();

  const choose =
    (set: (node: NamedNode) => void) =>
    (node: NamedNode): void => {
      set({ id: node.id, name: node.name });
      onChoose(node);
      setProblem(null);
    };

  return (
    <form
      className="path-question"
      aria-describedby={problem ? problemId : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        const found = pathQuestionProblem(from, to);
        setProblem(found);
        if (found === null && from && to) onAsk(from.id, to.id, maxHops);
      }}
    >
      <div className="path-end">
        <span className="path-end-label" aria-hidden="true">
          From
        </span>
        <SearchBox
          key={`from-${swaps}`}
          label="From"
          keepChoice
          initialText={from?.name ?? ''}
          onChoose={choose(setFrom)}
        />
      </div>
      <button
        type="button"
        className="path-swap"
        aria-label="Swap from and to"
        onClick={() => {
          setFrom(to);
          setTo(from);
          setSwaps((count) => count + 1);
        }}
      >
        <span aria-hidden="true">⇅</span> Swap
      </button>
      <div className="path-end">
        <span className="path-end-label" aria-hidden="true">
          To
        </span>
        <SearchBox
          key={`to-${swaps}`}
          label="To"
          keepChoice
          initialText={to?.name ?? ''}
          onChoose={choose(setTo)}
        />
      </div>
      <div className="path-submit-row">
        <label className="inline-field" htmlFor={hopsId}>
          <span>Max hops</span>
        </label>
        <select id={hopsId} value={maxHops} onChange={(event) => setMaxHops(Number(event.target.value))}>
          {hopChoices(MAX_HOPS).map((hops) => (
            <option key={hops} value={hops}>
              {hops}
            </option>
          ))}
        </select>
        <button type="submit">Find paths</button>
      </div>
      <p id={problemId} className="question-problem" role="alert">
        {problem}
      </p>
    </form>
  );
}

interface PathAnswerProps {
  readonly focus: PathFocus;
  readonly paths: Paths | null;
  readonly status: PathPanelProps['status'];
  readonly error: { readonly message: string } | null;
  readonly onRetry: (() => void) | undefined;
  readonly pathIndex: number;
  readonly nameOf: (id: string) => string;
  readonly dispatch: Dispatch;
}

/** The ranked paths for the question in focus, or why there are none. */
function PathAnswer({ focus, paths, status, error, onRetry, pathIndex, nameOf, dispatch }: PathAnswerProps) {
  // While loading, keep showing an earlier answer to the same question (highlighting refetches the view).
  const answer = status === 'ready' || answersQuestion(paths, focus.from, focus.to) ? paths : null;
  const chosen = answer ? Math.min(pathIndex, Math.max(0, answer.paths.length - 1)) : 0;
  const ends = `${nameOf(focus.from)} and ${nameOf(focus.to)}`;

  let message: string;
  if (status === 'error') message = `Could not find paths between ${ends}. ${error?.message ?? ''}`.trim();
  else if (answer === null) message = `Finding paths between ${ends}…`;
  else if (answer.paths.length === 0)
    message = `No path within ${focus.maxHops} ${focus.maxHops === 1 ? 'hop' : 'hops'} connects ${ends}.`;
  else
    message = `${answer.paths.length} ${answer.paths.length === 1 ? 'way' : 'ways'} ${ends} could connect, strongest first.`;

  return (
    <div className="path-answer" aria-busy={status === 'loading'}>
      <p className={status === 'error' ? 'question-error' : 'status'} role="status">
        {message}
      </p>
      {status === 'error' && onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
      {status !== 'error' && answer?.paths.length === 0 ? (
        focus.maxHops < MAX_HOPS ? (
          <p>
            Longer chains may connect them.{' '}
            <button
              type="button"
              onClick={() =>
                dispatch({ type: 'askPath', from: focus.from, to: focus.to, maxHops: focus.maxHops + 1 })
              }
            >
              Try {focus.maxHops + 1} hops
            </button>
          </p>
        ) : (
          <p>The graph does not link them through its claims yet.</p>
        )
      ) : null}
      {status !== 'error' && answer && answer.paths.length > 0 ? (
        <>
          <p className="question-hint">
            Ranked by how sure they are, then by length: a chain is only as sure as its weakest link.
          </p>
          <ol className="path-list">
            {answer.paths.map((path, index) => (
              <PathItem
                key={path.hops.map((hop) => hop.claim.id).join(' ')}
                path={path}
                index={index}
                highlighted={index === chosen}
                dispatch={dispatch}
              />
            ))}
          </ol>
          {answer.truncated ? (
            <p className="question-hint">The search stopped at its limit; there may be other paths.</p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

interface PathItemProps {
  readonly path: RankedPath;
  readonly index: number;
  readonly highlighted: boolean;
  readonly dispatch: Dispatch;
}

function PathItem({ path, index, highlighted, dispatch }: PathItemProps) {
  const steps = path.hops.length;
  return (
    <li className={highlighted ? 'card path-item highlighted' : 'card path-item'}>
      <p className="path-reading">{asSentence(path.reading)}</p>
      <p className="path-strength">
        <CertaintyBadge certainty={path.certainty} /> at its weakest step; {steps}{' '}
        {steps === 1 ? 'step' : 'steps'}; {PATH_NATURE_TEXT[path.nature]}.
      </p>
      <button type="button" aria-pressed={highlighted} onClick={() => dispatch({ type: 'showPath', index })}>
        Highlight path {index + 1}
      </button>
      <details className="path-evidence">
        <summary>Evidence for each step</summary>
        <ol className="hop-list">
          {path.hops.map((hop) => (
            <HopEvidence key={hop.claim.id} hop={hop} dispatch={dispatch} />
          ))}
        </ol>
      </details>
    </li>
  );
}

function HopEvidence({ hop, dispatch }: { readonly hop: PathHop; readonly dispatch: Dispatch }) {
  const { claim } = hop;
  return (
    <li className="hop">
      <p className="hop-reading">
        <button
          type="button"
          className="link-button"
          title="Select this claim"
          onClick={() => dispatch({ type: 'select', id: claim.id })}
        >
          {asSentence(claim.reading)}
        </button>
        {claim.contested ? <span className="badge contested">Contested</span> : null}
      </p>
      <p className="hop-meta">
        Certainty {claim.certaintySummary}. {claim.evidence.length} evidence{' '}
        {claim.evidence.length === 1 ? 'item' : 'items'}: {stanceCounts(claim.evidence)}.
      </p>
      <ul className="evidence-list">
        {orderEvidence(claim.evidence).map((item) => (
          <EvidenceItem key={item.id} item={item} />
        ))}
      </ul>
    </li>
  );
}

function EvidenceItem({ item }: { readonly item: Evidence }) {
  const { source } = item;
  return (
    <li className="evidence-item">
      <p className="evidence-badges">
        <span
          className={WEAK_LEVELS.has(item.level) ? 'badge level weak' : 'badge level'}
          title={item.levelLabel}
        >
          <span className="visually-hidden">Evidence level: </span>
          {LEVEL_BADGE[item.level]}
        </span>{' '}
        <span className={item.stance === 'SUPPORTS' ? 'badge stance supports' : 'badge stance disputes'}>
          {item.stance === 'SUPPORTS' ? 'Supports' : 'Disputes'}
        </span>
      </p>
      {item.quote ? <blockquote className="evidence-quote">“{item.quote}”</blockquote> : null}
      {item.note ? <p className="evidence-note">{item.note}</p> : null}
      <p className="evidence-source">
        {source.title}
        {source.year === null ? '' : ` (${source.year})`}
        {item.locator ? `, ${item.locator}` : ''}
        {item.unverified ? '. Not fully verified by the curator.' : ''}
      </p>
    </li>
  );
}
