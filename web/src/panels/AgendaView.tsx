/**
 * The research agenda in the scene's place: open questions and predictions, those that would test the
 * most theories first, each with what would settle it. A question naming two or more theories opens
 * their matrix.
 */
import { useId } from 'react';
import { ResearchAgendaDocument } from '../api/generated.ts';
import { useRemote } from '../api/use-remote.ts';
import { LoadFailure } from './loading.tsx';
import type { ViewProps } from './panel-props.ts';
import './questions.css';

export function AgendaView({ dispatch }: ViewProps) {
  const headingId = useId();
  const agenda = useRemote('agenda', async (send) => (await send(ResearchAgendaDocument, {})).researchAgenda);
  return (
    <section className="agenda-view" aria-labelledby={headingId} data-testid="agenda-view">
      <div className="matrix-header">
        <h2 id={headingId}>Open questions</h2>
        <button type="button" onClick={() => dispatch({ type: 'focusOverview' })}>
          Back to the map
        </button>
      </div>
      <p className="matrix-intro">
        What nobody knows yet, and what would settle it. Questions that would test more theories come first:
        their answer would tell more theories apart.
      </p>
      {agenda.status === 'loading' ? <p className="status">Loading the questions…</p> : null}
      {agenda.status === 'error' ? (
        <LoadFailure what="the questions" message={agenda.error.message} onRetry={agenda.reload} />
      ) : null}
      {agenda.status === 'ready' && agenda.data.length === 0 ? (
        <p className="status">There are no open questions in the graph yet.</p>
      ) : null}
      {agenda.status === 'ready' && agenda.data.length > 0 ? (
        <ol className="agenda-list">
          {agenda.data.map((item) => (
            <li key={item.question.id} className="card agenda-item">
              <h3>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => dispatch({ type: 'select', id: item.question.id })}
                >
                  {item.question.name}
                </button>
              </h3>
              <p>{item.question.summary}</p>
              <p>
                <strong>What would settle it:</strong> {item.question.decisiveObservation}
              </p>
              <p>
                Would test {item.separates} {item.separates === 1 ? 'theory' : 'theories'}:{' '}
                {item.theories.map((theory, index) => (
                  <span key={theory.id}>
                    {index > 0 ? ', ' : ''}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => dispatch({ type: 'focusTheory', id: theory.id })}
                    >
                      {theory.name}
                    </button>
                  </span>
                ))}
              </p>
              {item.theories.length >= 2 ? (
                <button
                  type="button"
                  onClick={() =>
                    dispatch({ type: 'showMatrix', ids: item.theories.map((theory) => theory.id) })
                  }
                >
                  Weigh these theories
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
