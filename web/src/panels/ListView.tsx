/**
 * The graph as two tables, its accessible twin: the same scene (filters applied) as nodes and as
 * claims, every name a button that selects it, so the details panel reads the same way from here
 * as from the canvas. Kinds, certainty, contested and weak-only evidence are spelled out in words.
 */
import { useId, useMemo } from 'react';
import { isWeakOnly, type Scene, type SceneClaim, type SceneNode } from '../graph/scene.ts';
import {
  KIND_LOOKS,
  LEVEL_BADGE,
  LEVEL_TEXT,
  NODE_KINDS,
  RELATION_ORDER,
  relationVerb,
} from '../graph/vocabulary.ts';
import { certaintyText } from './claims.ts';
import { KindIcon } from './KindIcon.tsx';
import type { Dispatch } from './panel-props.ts';
import './reader.css';

export function ListView({
  scene,
  selected,
  dispatch,
}: {
  readonly scene: Scene;
  readonly selected: string | null;
  readonly dispatch: Dispatch;
}) {
  const headingId = useId();
  const { nodes, claims, names, claimCounts } = useMemo(() => tableRows(scene), [scene]);
  const select = (id: string): void => dispatch({ type: 'select', id });
  const nodeName = (id: string): string => names.get(id) ?? id;

  return (
    <section className="list-view" aria-labelledby={headingId} data-testid="list-view">
      <h2 id={headingId}>The graph as tables</h2>
      <p className="list-view-hint">
        The same nodes and claims as the graph, with the same filters. Choose a name to read its details.
      </p>
      <div className="list-view-scroll">
        <table className="list-table">
          <caption>Nodes ({nodes.length})</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Claims</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((node) => (
              <tr key={node.id} aria-current={node.id === selected ? 'true' : undefined}>
                <th scope="row">
                  <button type="button" className="list-name" onClick={() => select(node.id)}>
                    {node.name}
                  </button>
                </th>
                <td>
                  <KindIcon kind={node.kind} /> {KIND_LOOKS[node.kind].label}
                </td>
                <td>{claimCounts.get(node.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="list-view-scroll">
        <table className="list-table">
          <caption>Claims ({claims.length})</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Claim</th>
              <th scope="col">To</th>
              <th scope="col">Certainty</th>
              <th scope="col">Best evidence</th>
              <th scope="col">Contested</th>
              <th scope="col">Weak evidence only</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((claim) => {
              const reading = `${nodeName(claim.from)} ${relationVerb(claim.relation)} ${nodeName(claim.to)}`;
              return (
                <tr key={claim.id} aria-current={claim.id === selected ? 'true' : undefined}>
                  <td>
                    <button type="button" className="list-name" onClick={() => select(claim.from)}>
                      {nodeName(claim.from)}
                    </button>
                  </td>
                  <th scope="row">
                    <button
                      type="button"
                      className="list-name"
                      onClick={() => select(claim.id)}
                      aria-label={`Claim: ${reading}`}
                    >
                      {relationVerb(claim.relation)}
                    </button>
                  </th>
                  <td>
                    <button type="button" className="list-name" onClick={() => select(claim.to)}>
                      {nodeName(claim.to)}
                    </button>
                  </td>
                  <td>{certaintyText(claim.certainty)}</td>
                  <td>
                    <span title={LEVEL_TEXT[claim.bestLevel]}>{LEVEL_BADGE[claim.bestLevel]}</span>
                  </td>
                  <td>{claim.contested ? 'Yes' : 'No'}</td>
                  <td>{isWeakOnly(claim) ? 'Yes' : 'No'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Rows in reading order: nodes by kind then name, claims by relation then their ends' names. */
function tableRows(scene: Scene): {
  readonly nodes: readonly SceneNode[];
  readonly claims: readonly SceneClaim[];
  readonly names: ReadonlyMap<string, string>;
  readonly claimCounts: ReadonlyMap<string, number>;
} {
  const names = new Map(scene.nodes.map((node) => [node.id, node.name]));
  const claimCounts = new Map<string, number>();
  for (const claim of scene.claims)
    for (const end of [claim.from, claim.to]) claimCounts.set(end, (claimCounts.get(end) ?? 0) + 1);
  const byName = (a: string, b: string): number => a.localeCompare(b, undefined, { sensitivity: 'base' });
  const nodes = [...scene.nodes].sort(
    (a, b) => NODE_KINDS.indexOf(a.kind) - NODE_KINDS.indexOf(b.kind) || byName(a.name, b.name),
  );
  const claims = [...scene.claims].sort(
    (a, b) =>
      RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation) ||
      byName(names.get(a.from) ?? a.from, names.get(b.from) ?? b.from) ||
      byName(names.get(a.to) ?? a.to, names.get(b.to) ?? b.to),
  );
  return { nodes, claims, names, claimCounts };
}
