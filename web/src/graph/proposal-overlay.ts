/**
 * The editors' view of proposals in place: open proposals drawn on the map, marked. A record a
 * proposal would change is outlined as pending; a proposed node, and a proposed claim whose ends are
 * drawn, appear as ghosts (dashed, "Proposed: …") until someone approves them. Pure.
 */
import type { EvidenceLevel, NodeKind, OpenProposalsQuery, Relation, Stance } from '../api/generated.ts';
import type { Scene, SceneClaim, SceneNode } from './scene.ts';

type OpenProposal = OpenProposalsQuery['proposals'][number];

/** The API's spelling of a domain value: 'systematic-review' → 'SYSTEMATIC_REVIEW'. */
function apiName(value: unknown): string {
  return typeof value === 'string' ? value.toUpperCase().replace(/-/g, '_') : '';
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The scene with the proposals drawn in: pending marks on what they change, ghosts for what they add. */
export function overlayProposals(scene: Scene, proposals: readonly OpenProposal[]): Scene {
  if (proposals.length === 0) return scene;
  const drawn = new Set<string>([
    ...scene.nodes.map((node) => node.id),
    ...scene.claims.map((claim) => claim.id),
  ]);
  const pending = new Set<string>();
  const ghostNodes: SceneNode[] = [];
  const ghostClaims: SceneClaim[] = [];
  for (const proposal of proposals) {
    const change = record(proposal.change);
    const input = record(change['input']);
    if (change['kind'] === 'createNode' || change['kind'] === 'createSource') {
      if (drawn.has(proposal.targetId)) continue;
      ghostNodes.push({
        id: proposal.targetId,
        kind: (change['kind'] === 'createSource' ? 'SOURCE' : apiName(input['kind'])) as NodeKind,
        name: `Proposed: ${proposal.targetLabel}`,
        proposed: true,
      });
      drawn.add(proposal.targetId);
    } else if (drawn.has(proposal.targetId)) {
      pending.add(proposal.targetId);
    }
  }
  for (const proposal of proposals) {
    const change = record(proposal.change);
    if (change['kind'] !== 'createClaim') continue;
    const input = record(change['input']);
    const from = String(input['from']);
    const to = String(input['to']);
    if (!drawn.has(from) || !drawn.has(to) || drawn.has(proposal.targetId)) continue;
    const evidence = (Array.isArray(input['evidence']) ? input['evidence'] : []).map((item) => ({
      level: apiName(record(item)['level']) as EvidenceLevel,
      stance: apiName(record(item)['stance']) as Stance,
    }));
    ghostClaims.push({
      id: proposal.targetId,
      relation: String(input['relation']) as Relation,
      from,
      to,
      // Unpublished: drawn thin and weak, whatever its evidence would make it.
      certainty: 'VERY_LOW',
      strength: 0,
      contested: false,
      bestLevel: evidence[0]?.level ?? 'ANECDOTE',
      evidence,
      proposed: true,
    });
  }
  return {
    ...scene,
    nodes: [...scene.nodes, ...ghostNodes],
    claims: [...scene.claims, ...ghostClaims],
    pending,
  };
}

/** True for an element the overlay added (it is not in the graph yet). */
export function isProposedElement(scene: Scene, id: string): boolean {
  return (
    scene.nodes.some((node) => node.id === id && node.proposed === true) ||
    scene.claims.some((claim) => claim.id === id && claim.proposed === true)
  );
}
