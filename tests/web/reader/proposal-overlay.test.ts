/** The editors' proposal overlay: pending marks on what open proposals change, ghosts for what they add. */
import { describe, expect, it } from 'vitest';
import { EMPTY_SCENE, type Scene } from '../../../web/src/graph/scene.ts';
import { isProposedElement, overlayProposals } from '../../../web/src/graph/proposal-overlay.ts';

const SCENE: Scene = {
  ...EMPTY_SCENE,
  nodes: [
    { id: 'symptom:brain-fog', kind: 'SYMPTOM', name: 'Brain fog' },
    { id: 'theory:central-sensitization', kind: 'THEORY', name: 'Central sensitization' },
  ],
  claims: [],
};

const proposal = (id: string, targetId: string, change: unknown) => ({
  id,
  targetId,
  targetType: 'NODE' as const,
  description: 'Edit node',
  targetLabel: targetId,
  change,
});

describe('overlayProposals', () => {
  it('marks drawn records a proposal would change, and leaves the scene alone without proposals', () => {
    expect(overlayProposals(SCENE, [])).toBe(SCENE);
    const overlaid = overlayProposals(SCENE, [
      proposal('p1', 'symptom:brain-fog', {
        kind: 'updateNode',
        id: 'symptom:brain-fog',
        expectedVersion: 1,
        patch: {},
      }),
      proposal('p2', 'symptom:elsewhere', {
        kind: 'deleteNode',
        id: 'symptom:elsewhere',
        expectedVersion: 1,
      }),
    ]);
    expect([...(overlaid.pending ?? [])]).toEqual(['symptom:brain-fog']);
    expect(overlaid.nodes).toHaveLength(2);
  });

  it('draws a proposed node, and a proposed claim whose ends are drawn, as ghosts', () => {
    const overlaid = overlayProposals(SCENE, [
      proposal('p1', 'symptom:dry-eyes', {
        kind: 'createNode',
        input: { id: 'symptom:dry-eyes', kind: 'symptom', name: 'Dry eyes' },
      }),
      proposal('p2', 'claim:x', {
        kind: 'createClaim',
        input: {
          id: 'claim:x',
          relation: 'EXPLAINS',
          from: 'theory:central-sensitization',
          to: 'symptom:dry-eyes',
          evidence: [{ level: 'systematic-review', stance: 'supports' }],
        },
      }),
      proposal('p3', 'claim:y', {
        kind: 'createClaim',
        input: {
          id: 'claim:y',
          relation: 'EXPLAINS',
          from: 'theory:central-sensitization',
          to: 'symptom:not-drawn',
          evidence: [],
        },
      }),
    ]);
    expect(overlaid.nodes.at(-1)).toEqual({
      id: 'symptom:dry-eyes',
      kind: 'SYMPTOM',
      name: 'Proposed: symptom:dry-eyes',
      proposed: true,
    });
    expect(overlaid.claims).toHaveLength(1);
    expect(overlaid.claims[0]).toMatchObject({
      id: 'claim:x',
      proposed: true,
      strength: 0,
      evidence: [{ level: 'SYSTEMATIC_REVIEW', stance: 'SUPPORTS' }],
    });
    expect(isProposedElement(overlaid, 'claim:x')).toBe(true);
    expect(isProposedElement(overlaid, 'symptom:brain-fog')).toBe(false);
  });
});
