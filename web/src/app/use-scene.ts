/**
 * Fetches what the view's focus and expansions need and builds the filtered scene. Each part is one
 * cached query, so expanding a node only fetches that node's neighbourhood, and undoing a view change
 * costs nothing. A stale answer (the view moved on meanwhile) is dropped, and after an edit the view
 * loads again (api/use-remote.ts).
 */
import { useMemo } from 'react';
import { ApiError } from '../api/client.ts';
import { useRemote, type RequestFn } from '../api/use-remote.ts';
import {
  NeighborhoodDocument,
  OverviewDocument,
  PathsDocument,
  SourceSceneDocument,
  TheoryDocument,
  type EvidenceWeighting,
  type PathsQuery,
} from '../api/generated.ts';
import { buildScene, EMPTY_SCENE, type FetchedGraph, type Scene } from '../graph/scene.ts';
import { weightingArgument, type Expansion, type Focus, type ViewState } from '../state/view-state.ts';

/** Loading, failed or ready; `scene` keeps the last good scene while a new one loads. */
export interface SceneResult {
  readonly status: 'loading' | 'error' | 'ready';
  readonly scene: Scene;
  readonly error: ApiError | null;
  /** Path focus: the ranked paths (also drawn in the scene). */
  readonly paths: PathsQuery['paths'] | null;
  /** Bumped by `reload()`, e.g. after an edit. */
  readonly reload: () => void;
}

/** Everything fetched for a view, before filtering. */
interface Fetched {
  readonly parts: readonly FetchedGraph[];
  readonly highlighted: readonly string[];
  readonly anchors: readonly string[];
  readonly paths: PathsQuery['paths'] | null;
}

export const PATHS_PER_QUESTION = 5;

export function useScene(view: ViewState): SceneResult {
  const weighting = weightingArgument(view.weighting);
  // The last good scene stays on screen while a new view loads, and behind an error.
  const remote = useRemote(
    JSON.stringify([view.focus, view.expansions, view.pathIndex, view.weighting]),
    (send) => fetchView(send, view.focus, view.expansions, view.pathIndex, weighting),
    { keep: 'any' },
  );
  const fetched = remote.data;
  const scene = useMemo(
    () =>
      fetched === null
        ? EMPTY_SCENE
        : buildScene({
            parts: fetched.parts,
            filters: view.filters,
            highlighted: fetched.highlighted,
            anchors: fetched.anchors,
          }),
    [fetched, view.filters],
  );
  return {
    status: remote.status === 'idle' ? 'loading' : remote.status,
    scene,
    error: remote.error,
    paths: fetched?.paths ?? null,
    reload: remote.reload,
  };
}

/** The queries behind a view, in parallel. */
export async function fetchView(
  request: RequestFn,
  focus: Focus,
  expansions: readonly Expansion[],
  pathIndex: number,
  weighting: EvidenceWeighting | null = null,
): Promise<Fetched> {
  const expanded = Promise.all(
    expansions.map(
      async (expansion) =>
        (
          await request(NeighborhoodDocument, {
            id: expansion.id,
            depth: expansion.depth,
            ...(expansion.kinds.length > 0 ? { kinds: [...expansion.kinds] } : {}),
            ...(expansion.relations.length > 0 ? { relations: [...expansion.relations] } : {}),
            weighting,
          })
        ).neighborhood,
    ),
  );
  const base = await fetchFocus(request, focus, pathIndex, weighting);
  return { ...base, parts: [...base.parts, ...(await expanded)] };
}

/** How many citing claims a source's scene holds (`first` in reader.graphql's SourceScene). */
const SOURCE_SCENE_CLAIMS = 200;

/**
 * A source's neighbourhood would be the source alone (evidence cites it; no claim connects it), so
 * its scene is the claims resting on it, with their ends, the source standing beside them.
 */
async function fetchSourceScene(request: RequestFn, id: string): Promise<Fetched> {
  const { source } = await request(SourceSceneDocument, { id });
  if (source === null) throw new ApiError(`There is no source "${id}".`, 'NOT_FOUND');
  const part: FetchedGraph = {
    nodes: [source, ...source.citedBy.flatMap((claim) => [claim.from, claim.to])],
    claims: source.citedBy,
    truncated: source.citedBy.length === SOURCE_SCENE_CLAIMS,
  };
  return { parts: [part], highlighted: [], anchors: [id], paths: null };
}

async function fetchFocus(
  request: RequestFn,
  focus: Focus,
  pathIndex: number,
  weighting: EvidenceWeighting | null,
): Promise<Fetched> {
  switch (focus.kind) {
    // The matrix and the agenda have views of their own; the map beside them is the overview.
    case 'overview':
    case 'matrix':
    case 'agenda': {
      const { overview } = await request(OverviewDocument, { weighting });
      return { parts: [overview], highlighted: [], anchors: [], paths: null };
    }
    case 'node': {
      if (focus.id.startsWith('source:')) return fetchSourceScene(request, focus.id);
      const { neighborhood } = await request(NeighborhoodDocument, {
        id: focus.id,
        depth: focus.depth,
        weighting,
        ...(focus.limit === undefined ? {} : { limit: focus.limit }),
      });
      return { parts: [neighborhood], highlighted: [], anchors: [focus.id], paths: null };
    }
    case 'theory': {
      const [{ overview }, { theory }] = await Promise.all([
        request(OverviewDocument, { weighting }),
        request(TheoryDocument, { id: focus.id, weighting }),
      ]);
      if (theory === null) throw new ApiError(`There is no theory "${focus.id}".`, 'NOT_FOUND');
      const lit = [
        theory.theory.id,
        ...theory.nodes.map((node) => node.id),
        ...theory.claims.map((claim) => claim.id),
      ];
      return { parts: [theory, overview], highlighted: lit, anchors: [focus.id], paths: null };
    }
    case 'compare': {
      const answers = await Promise.all(focus.ids.map((id) => request(TheoryDocument, { id, weighting })));
      const parts = answers.map((answer, index) => {
        if (answer.theory === null)
          throw new ApiError(`There is no theory "${focus.ids[index] ?? ''}".`, 'NOT_FOUND');
        return answer.theory;
      });
      return { parts, highlighted: [], anchors: [...focus.ids], paths: null };
    }
    case 'path': {
      const { paths } = await request(PathsDocument, {
        from: focus.from,
        to: focus.to,
        maxHops: focus.maxHops,
        first: PATHS_PER_QUESTION,
        weighting,
      });
      const parts = paths.paths.map((path) => ({
        nodes: path.nodes,
        claims: path.hops.map((hop) => hop.claim),
      }));
      const chosen = paths.paths[Math.min(pathIndex, paths.paths.length - 1)];
      const highlighted = chosen
        ? [...chosen.nodes.map((node) => node.id), ...chosen.hops.map((hop) => hop.claim.id)]
        : [];
      return { parts, highlighted, anchors: [focus.from, focus.to], paths };
    }
  }
}
