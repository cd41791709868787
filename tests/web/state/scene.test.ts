/** Scene assembly and the visual encoding: merging parts, filters, weak-only and contested claims. */
import { describe, expect, it } from 'vitest';
import type { MapClaimFragment } from '../../../web/src/api/generated.ts';
import { edgeWidth, sceneElements } from '../../../web/src/graph/elements.ts';
import { buildScene, isWeakOnly, toSceneClaim, type SceneNode } from '../../../web/src/graph/scene.ts';
import { DEFAULT_FILTERS } from '../../../web/src/state/view-state.ts';

const NODES: SceneNode[] = [
  { id: 'theory:t', kind: 'THEORY', name: 'Theory T' },
  { id: 'mechanism:m', kind: 'MECHANISM', name: 'Mechanism M' },
  { id: 'symptom:s', kind: 'SYMPTOM', name: 'Symptom S' },
  { id: 'therapy:x', kind: 'THERAPY', name: 'Therapy X' },
];

function claim(
  from: string,
  relation: MapClaimFragment['relation'],
  to: string,
  evidence: MapClaimFragment['evidence'],
): MapClaimFragment {
  const contested =
    evidence.some((item) => item.stance === 'SUPPORTS') &&
    evidence.some((item) => item.stance === 'DISPUTES');
  return {
    id: `claim:${from}--${relation}--${to}`,
    relation,
    certainty: 'LOW',
    strength: 0.5,
    contested,
    bestLevel: evidence[0]?.level ?? 'ANECDOTE',
    supportCount: evidence.filter((item) => item.stance === 'SUPPORTS').length,
    disputeCount: evidence.filter((item) => item.stance === 'DISPUTES').length,
    from: { id: from },
    to: { id: to },
    evidence,
  };
}

const PROPOSES = claim('theory:t', 'PROPOSES', 'mechanism:m', [{ level: 'HYPOTHESIS', stance: 'SUPPORTS' }]);
const CAUSES = claim('mechanism:m', 'CAUSES', 'symptom:s', [
  { level: 'OBSERVATIONAL', stance: 'SUPPORTS' },
  { level: 'RCT', stance: 'DISPUTES' },
]);
const RELIEVES = claim('therapy:x', 'RELIEVES', 'symptom:s', [{ level: 'RCT', stance: 'SUPPORTS' }]);

describe('buildScene', () => {
  it('merges parts without duplicates, first occurrence first', () => {
    const scene = buildScene({
      parts: [
        { nodes: NODES.slice(0, 3), claims: [PROPOSES, CAUSES] },
        { nodes: NODES.slice(2), claims: [CAUSES, RELIEVES], truncated: true },
      ],
      filters: DEFAULT_FILTERS,
    });
    expect(scene.nodes.map((node) => node.id)).toEqual(NODES.map((node) => node.id));
    expect(scene.claims.map((item) => item.relation)).toEqual(['PROPOSES', 'CAUSES', 'RELIEVES']);
    expect(scene.truncated).toBe(true);
    expect(scene.hidden).toEqual({ nodes: 0, claims: 0 });
  });

  it("reports the focus part's node budget: how many in all and how many left out", () => {
    const page = { totalNodes: 40, leftOut: { nodes: 36 } };
    const scene = buildScene({
      parts: [
        { nodes: NODES, claims: [], truncated: true, page },
        { nodes: NODES, claims: [], page: { totalNodes: 9, leftOut: { nodes: 5 } } },
      ],
      filters: DEFAULT_FILTERS,
    });
    expect(scene.budget).toEqual({ totalNodes: 40, leftOut: 36 });
    expect(buildScene({ parts: [{ nodes: NODES, claims: [] }], filters: DEFAULT_FILTERS }).budget).toBeNull();
  });

  it('hides kinds with their claims, but never an anchor', () => {
    const parts = [{ nodes: NODES, claims: [PROPOSES, CAUSES, RELIEVES] }];
    const scene = buildScene({
      parts,
      filters: { ...DEFAULT_FILTERS, hiddenKinds: ['THERAPY', 'THEORY'] },
      anchors: ['theory:t'],
    });
    expect(scene.nodes.map((node) => node.id)).toEqual(['theory:t', 'mechanism:m', 'symptom:s']);
    expect(scene.claims.map((item) => item.relation)).toEqual(['PROPOSES', 'CAUSES']);
    expect(scene.hidden).toEqual({ nodes: 1, claims: 1 });
  });

  it('keeps claims with evidence at the minimum level or stronger, of the chosen stance', () => {
    const parts = [{ nodes: NODES, claims: [PROPOSES, CAUSES, RELIEVES] }];
    const atLeastObservational = buildScene({
      parts,
      filters: { ...DEFAULT_FILTERS, minLevel: 'OBSERVATIONAL' },
    });
    expect(atLeastObservational.claims.map((item) => item.relation)).toEqual(['CAUSES', 'RELIEVES']);
    const disputed = buildScene({ parts, filters: { ...DEFAULT_FILTERS, stance: 'DISPUTES' } });
    expect(disputed.claims.map((item) => item.relation)).toEqual(['CAUSES']);
    // Both at once apply to the same item: CAUSES is disputed only at RCT level.
    const strongSupport = buildScene({
      parts,
      filters: { ...DEFAULT_FILTERS, minLevel: 'RCT', stance: 'SUPPORTS' },
    });
    expect(strongSupport.claims.map((item) => item.relation)).toEqual(['RELIEVES']);
  });

  it('hides, and counts, the nodes an evidence filter leaves with no claim, but never an anchor', () => {
    const parts = [{ nodes: NODES, claims: [PROPOSES, CAUSES, RELIEVES] }];
    const rctOrStronger = buildScene({ parts, filters: { ...DEFAULT_FILTERS, minLevel: 'RCT' } });
    // PROPOSES (hypothesis only) goes, and with it the theory that had no other claim.
    expect(rctOrStronger.nodes.map((node) => node.id)).toEqual(['mechanism:m', 'symptom:s', 'therapy:x']);
    expect(rctOrStronger.hidden).toEqual({ nodes: 1, claims: 1 });
    const anchored = buildScene({
      parts,
      filters: { ...DEFAULT_FILTERS, minLevel: 'RCT' },
      anchors: ['theory:t'],
    });
    expect(anchored.nodes.map((node) => node.id)).toContain('theory:t');
    // Without an evidence filter a node with no claim (a lone new node) stays.
    const lone = buildScene({ parts: [{ nodes: NODES, claims: [] }], filters: DEFAULT_FILTERS });
    expect(lone.nodes).toHaveLength(4);
  });

  it('draws a filtered claim from the items that passed, so weak-only dashes do not survive a strong filter', () => {
    // Supported by anecdotes only (dashed on the full map), and disputed by a trial.
    const mixed = claim('mechanism:m', 'CAUSES', 'symptom:s', [
      { level: 'ANECDOTE', stance: 'SUPPORTS' },
      { level: 'HYPOTHESIS', stance: 'SUPPORTS' },
      { level: 'RCT', stance: 'DISPUTES' },
    ]);
    const unfiltered = buildScene({ parts: [{ nodes: NODES, claims: [mixed] }], filters: DEFAULT_FILTERS });
    const [whole] = unfiltered.claims;
    expect(whole?.evidence).toHaveLength(3);
    expect(whole && isWeakOnly(whole)).toBe(true);
    const scene = buildScene({
      parts: [{ nodes: NODES, claims: [mixed] }],
      filters: { ...DEFAULT_FILTERS, minLevel: 'RCT' },
    });
    const [kept] = scene.claims;
    expect(kept?.evidence).toEqual([{ level: 'RCT', stance: 'DISPUTES' }]);
    expect(kept && isWeakOnly(kept)).toBe(false);
  });
});

describe('visual encoding', () => {
  it('dashes claims whose support is only hypothesis, regulatory or anecdote', () => {
    expect(isWeakOnly(toSceneClaim(PROPOSES))).toBe(true);
    expect(isWeakOnly(toSceneClaim(CAUSES))).toBe(false);
    const disputedByTrial = claim('mechanism:m', 'CAUSES', 'symptom:s', [
      { level: 'RCT', stance: 'DISPUTES' },
    ]);
    expect(isWeakOnly(toSceneClaim(disputedByTrial))).toBe(false);
    const disputedByAnecdote = claim('mechanism:m', 'CAUSES', 'symptom:s', [
      { level: 'ANECDOTE', stance: 'DISPUTES' },
    ]);
    expect(isWeakOnly(toSceneClaim(disputedByAnecdote))).toBe(true);
  });

  it('widens edges with strength, within bounds', () => {
    expect(edgeWidth(0)).toBe(1.5);
    expect(edgeWidth(1)).toBe(7.5);
    expect(edgeWidth(5)).toBe(7.5);
    expect(edgeWidth(0.5)).toBeGreaterThan(edgeWidth(0.2));
  });

  it('draws an ungraded claim at the thinnest width, whatever its ranking strength', () => {
    // What a theory proposes: not graded, strength 1 so that it never weakens a path.
    const ungraded = { ...PROPOSES, certainty: null, strength: 1 };
    const scene = buildScene({
      parts: [{ nodes: NODES, claims: [ungraded, CAUSES] }],
      filters: DEFAULT_FILTERS,
    });
    const widths = sceneElements(scene, null)
      .filter((element) => element.group === 'edges')
      .map((element) => element.data['width'] as number);
    expect(widths).toEqual([edgeWidth(0), edgeWidth(CAUSES.strength)]);
  });

  it('classes elements by kind, contested, weak, highlight and selection', () => {
    const scene = buildScene({
      parts: [{ nodes: NODES, claims: [PROPOSES, CAUSES] }],
      filters: DEFAULT_FILTERS,
      highlighted: ['theory:t', PROPOSES.id],
      anchors: ['theory:t'],
    });
    const byId = new Map(sceneElements(scene, 'mechanism:m').map((element) => [element.data.id, element]));
    expect(byId.get('theory:t')?.classes).toBe('kind-theory anchor lit');
    expect(byId.get('mechanism:m')?.classes).toBe('kind-mechanism faded chosen');
    expect(byId.get(PROPOSES.id)?.classes).toBe('weak lit');
    expect(byId.get(CAUSES.id)?.classes).toBe('contested faded');
    expect(byId.get(CAUSES.id)?.data).toMatchObject({
      source: 'mechanism:m',
      target: 'symptom:s',
      label: 'is proposed to cause',
    });
  });
});
