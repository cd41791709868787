/** The large-scene layout: deterministic, no node on top of another, components apart, odd inputs survive. */
import { describe, expect, it } from 'vitest';
import { fitPositions, layoutOptions } from '../../../web/src/graph/layouts.ts';
import { DEFAULT_SPREAD, spreadPositions } from '../../../web/src/graph/spread-layout.ts';

/** A hub-heavy random graph: every node links to `perNode` earlier nodes, the early ones favoured. */
function hubGraph(nodeCount: number, perNode: number): number[] {
  const edges: number[] = [];
  let state = 7;
  const random = (): number => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  for (let node = 1; node < nodeCount; node += 1) {
    for (let k = 0; k < perNode; k += 1) edges.push(node, Math.floor(random() ** 2 * node));
  }
  return edges;
}

function closestPair(positions: Float64Array): number {
  let closest = Infinity;
  for (let i = 0; i < positions.length; i += 2) {
    for (let j = i + 2; j < positions.length; j += 2) {
      const distance = Math.hypot(
        (positions[i] ?? 0) - (positions[j] ?? 0),
        (positions[i + 1] ?? 0) - (positions[j + 1] ?? 0),
      );
      closest = Math.min(closest, distance);
    }
  }
  return closest;
}

describe('spreadPositions', () => {
  it('places every node of a hub-heavy graph apart from the others, the same way every time', () => {
    const edges = hubGraph(800, 3);
    const positions = spreadPositions(800, edges);
    expect(positions.every(Number.isFinite)).toBe(true);
    // Nodes are 26 px (anchors 38 px); the spacing keeps centres about 36 px apart.
    expect(closestPair(positions)).toBeGreaterThan(26);
    expect(spreadPositions(800, edges)).toEqual(positions);
  });

  it('keeps neighbours nearer to each other than to strangers', () => {
    const edges = hubGraph(600, 2);
    const positions = spreadPositions(600, edges);
    const distance = (a: number, b: number): number =>
      Math.hypot(
        (positions[a * 2] ?? 0) - (positions[b * 2] ?? 0),
        (positions[a * 2 + 1] ?? 0) - (positions[b * 2 + 1] ?? 0),
      );
    let linked = 0;
    for (let e = 0; e < edges.length; e += 2) linked += distance(edges[e] ?? 0, edges[e + 1] ?? 0);
    let random = 0;
    for (let node = 0; node < 600; node += 1) random += distance(node, (node * 389 + 17) % 600);
    expect(linked / (edges.length / 2)).toBeLessThan(random / 600);
  });

  it('lays out components side by side without overlap', () => {
    // Two triangles, a pair and an isolated node.
    const edges = [0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3, 6, 7];
    const positions = spreadPositions(9, edges);
    expect(positions.every(Number.isFinite)).toBe(true);
    expect(closestPair(positions)).toBeGreaterThan(DEFAULT_SPREAD.nodeSpacing / 2);
  });

  it('survives no nodes, self-loops and repeated claims', () => {
    expect(spreadPositions(0, [])).toEqual(new Float64Array(0));
    const positions = spreadPositions(3, [0, 0, 0, 1, 0, 1, 1, 2]);
    expect(positions.every(Number.isFinite)).toBe(true);
    expect(closestPair(positions)).toBeGreaterThan(0);
  });
});

describe('large scenes in layoutOptions', () => {
  const viewport = { width: 800, height: 600, minZoom: 0.05, maxZoom: 4 };

  it('uses preset positions fitted from the nodes above the threshold, fcose below it', () => {
    const nodes = Array.from({ length: 700 }, (_, index) => ({ id: `n${index}` }));
    const claims = nodes.slice(1).map((node, index) => ({ from: node.id, to: `n${Math.floor(index / 3)}` }));
    const large = layoutOptions('fcose', { scene: { nodes, claims }, animate: true, viewport });
    expect(large).toMatchObject({ name: 'preset', animate: false, fit: false });
    const small = layoutOptions('fcose', {
      scene: { nodes: nodes.slice(0, 50), claims: [] },
      animate: true,
      viewport,
    });
    expect(small).toMatchObject({ name: 'fcose', quality: 'proof', animate: true });
  });

  it('fits positions into the viewport with the padding, centred', () => {
    const fitted = fitPositions({ a: { x: 0, y: 0 }, b: { x: 1000, y: 500 } }, viewport);
    // (800 − 2·30) / (1000 + 2·19) is the binding ratio.
    expect(fitted.zoom).toBeCloseTo(740 / 1038, 6);
    expect(fitted.pan.x + fitted.zoom * 500).toBeCloseTo(400, 6);
    expect(fitted.pan.y + fitted.zoom * 250).toBeCloseTo(300, 6);
  });
});
