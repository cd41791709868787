/**
 * Positions for scenes of thousands of nodes, in tens of milliseconds. fCoSE cannot do this here:
 * its force phase runs at least five rounds per node (layout-base raises `numIter` to 5 × nodes),
 * about 40 s for 2,000 nodes on a 2-core machine, and its draft (spectral) result piles every node
 * with the same distances onto one spot. Three steps instead, each close to linear in nodes + claims:
 *
 * 1. Pivot MDS (Brandes & Pich, "Eigensolver methods for progressive multidimensional scaling of
 *    large data", 2006): hop distances from up to PIVOTS far-apart nodes, double-centred, projected
 *    on their two main axes. This gives the global shape, as fCoSE's spectral step does.
 * 2. Radii evened out into a disc, so a dense core does not force the rest apart.
 * 3. A fixed number of grid-local repulsion rounds, so no two nodes sit on each other.
 *
 * Components are laid out on their own and packed in rows, largest first. Pure and deterministic
 * (a seeded jitter), so the same scene always gets the same picture.
 */
import { seededRandom } from './seeded-random.ts';

/** Tuning for `spreadPositions`. */
export interface SpreadOptions {
  /** The least distance between node centres (Fruchterman–Reingold's k); nodes are 26–38 px. */
  readonly nodeSpacing: number;
  /** Rounds of local forces. */
  readonly rounds: number;
  readonly seed: number;
}

/** The tuning the explorer uses: 36 px between centres fits 26 px nodes with room to spare. */
export const DEFAULT_SPREAD: SpreadOptions = { nodeSpacing: 36, rounds: 40, seed: 1 };

/** Pivots for the distance matrix: more gives a steadier shape, each costs one walk of the graph. */
const PIVOTS = 40;
const POWER_ITERATIONS = 60;

/**
 * Positions for `nodeCount` nodes joined by `edges` (pairs of node indices, flattened):
 * x of node i at [2i], y at [2i + 1].
 */
export function spreadPositions(
  nodeCount: number,
  edges: ArrayLike<number>,
  options: SpreadOptions = DEFAULT_SPREAD,
): Float64Array {
  const graph = adjacency(nodeCount, edges);
  const positions = new Float64Array(nodeCount * 2);
  const random = seededRandom(options.seed);
  const indexOf = new Int32Array(nodeCount).fill(-1);
  const placed: Component[] = [];
  for (const members of components(graph)) {
    const local = layoutComponent(graph, members, indexOf, options, random);
    placed.push({ members, local, ...extent(local) });
  }
  packComponents(placed, positions, options.nodeSpacing * 2);
  return positions;
}

/** Undirected adjacency in compressed rows: the neighbours of i are targets[offsets[i] .. offsets[i + 1]). */
interface Adjacency {
  readonly nodeCount: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

function adjacency(nodeCount: number, edges: ArrayLike<number>): Adjacency {
  const degree = new Int32Array(nodeCount + 1);
  for (let e = 0; e + 1 < edges.length; e += 2) {
    const [a, b] = [edges[e] ?? 0, edges[e + 1] ?? 0];
    if (a === b) continue;
    degree[a] = (degree[a] ?? 0) + 1;
    degree[b] = (degree[b] ?? 0) + 1;
  }
  const offsets = new Int32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i += 1) offsets[i + 1] = (offsets[i] ?? 0) + (degree[i] ?? 0);
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(offsets[nodeCount] ?? 0);
  for (let e = 0; e + 1 < edges.length; e += 2) {
    const [a, b] = [edges[e] ?? 0, edges[e + 1] ?? 0];
    if (a === b) continue;
    targets[(fill[a] = (fill[a] ?? 0) + 1) - 1] = b;
    targets[(fill[b] = (fill[b] ?? 0) + 1) - 1] = a;
  }
  return { nodeCount, offsets, targets };
}

/** Connected components, each as the list of its node indices. */
function components(graph: Adjacency): Int32Array[] {
  const seen = new Uint8Array(graph.nodeCount);
  const queue = new Int32Array(graph.nodeCount);
  const found: Int32Array[] = [];
  for (let start = 0; start < graph.nodeCount; start += 1) {
    if (seen[start]) continue;
    seen[start] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    while (head < tail) {
      const node = queue[head++] ?? 0;
      for (let k = graph.offsets[node] ?? 0; k < (graph.offsets[node + 1] ?? 0); k += 1) {
        const next = graph.targets[k] ?? 0;
        if (seen[next]) continue;
        seen[next] = 1;
        queue[tail++] = next;
      }
    }
    found.push(queue.slice(0, tail));
  }
  return found;
}

/** Local positions (x, y interleaved, in `members` order) for one component, centred on 0. */
function layoutComponent(
  graph: Adjacency,
  members: Int32Array,
  indexOf: Int32Array,
  options: SpreadOptions,
  random: () => number,
): Float64Array {
  const size = members.length;
  const local = new Float64Array(size * 2);
  if (size === 1) return local;
  // `indexOf` maps a node to its place in `members` for this component only (-1 elsewhere).
  members.forEach((node, index) => {
    indexOf[node] = index;
  });
  pivotMds(graph, members, indexOf, local);
  members.forEach((node) => {
    indexOf[node] = -1;
  });
  equalizeRadii(local, options.nodeSpacing);
  // Nodes with the same distances to every pivot share a spot; a jitter gives the forces a direction.
  for (let i = 0; i < local.length; i += 1)
    local[i] = (local[i] ?? 0) + (random() - 0.5) * options.nodeSpacing * 0.5;
  relax(local, options);
  return local;
}

/** Writes pivot-MDS coordinates of the component into `out`. */
function pivotMds(graph: Adjacency, members: Int32Array, indexOf: Int32Array, out: Float64Array): void {
  const size = members.length;
  const pivotCount = Math.min(PIVOTS, size);
  // Squared hop distances, size × pivotCount, row-major.
  const squared = new Float64Array(size * pivotCount);
  const nearest = new Float64Array(size).fill(Infinity);
  const distance = new Int32Array(size);
  const queue = new Int32Array(size);
  let pivot = highestDegree(graph, members);
  for (let p = 0; p < pivotCount; p += 1) {
    distance.fill(-1);
    distance[pivot] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = pivot;
    while (head < tail) {
      const at = queue[head++] ?? 0;
      const node = members[at] ?? 0;
      for (let k = graph.offsets[node] ?? 0; k < (graph.offsets[node + 1] ?? 0); k += 1) {
        const next = indexOf[graph.targets[k] ?? 0] ?? -1;
        if (next < 0 || (distance[next] ?? 0) >= 0) continue;
        distance[next] = (distance[at] ?? 0) + 1;
        queue[tail++] = next;
      }
    }
    // Next pivot: the node farthest from every pivot so far (max-min), spreading them over the graph.
    let farthest = 0;
    for (let i = 0; i < size; i += 1) {
      const hops = distance[i] ?? 0;
      squared[i * pivotCount + p] = hops * hops;
      const near = Math.min(nearest[i] ?? Infinity, hops);
      nearest[i] = near;
      if (near > (nearest[farthest] ?? 0)) farthest = i;
    }
    pivot = farthest;
  }
  doubleCentre(squared, size, pivotCount);
  const axes = mainAxes(squared, size, pivotCount);
  for (let i = 0; i < size; i += 1) {
    let x = 0;
    let y = 0;
    for (let p = 0; p < pivotCount; p += 1) {
      const value = squared[i * pivotCount + p] ?? 0;
      x += value * (axes.first[p] ?? 0);
      y += value * (axes.second[p] ?? 0);
    }
    out[i * 2] = x;
    out[i * 2 + 1] = y;
  }
}

function highestDegree(graph: Adjacency, members: Int32Array): number {
  let best = 0;
  let bestDegree = -1;
  members.forEach((node, index) => {
    const degree = (graph.offsets[node + 1] ?? 0) - (graph.offsets[node] ?? 0);
    if (degree > bestDegree) [best, bestDegree] = [index, degree];
  });
  return best;
}

/** C = -½ (D² − row means − column means + grand mean), in place. */
function doubleCentre(matrix: Float64Array, rows: number, columns: number): void {
  const rowMean = new Float64Array(rows);
  const columnMean = new Float64Array(columns);
  let grand = 0;
  for (let i = 0; i < rows; i += 1) {
    for (let p = 0; p < columns; p += 1) {
      const value = matrix[i * columns + p] ?? 0;
      rowMean[i] = (rowMean[i] ?? 0) + value / columns;
      columnMean[p] = (columnMean[p] ?? 0) + value / rows;
      grand += value / (rows * columns);
    }
  }
  for (let i = 0; i < rows; i += 1) {
    for (let p = 0; p < columns; p += 1) {
      const index = i * columns + p;
      matrix[index] = -0.5 * ((matrix[index] ?? 0) - (rowMean[i] ?? 0) - (columnMean[p] ?? 0) + grand);
    }
  }
}

/** The two leading eigenvectors of CᵀC (columns × columns), by power iteration with deflation. */
function mainAxes(
  matrix: Float64Array,
  rows: number,
  columns: number,
): { first: Float64Array; second: Float64Array } {
  const gram = new Float64Array(columns * columns);
  for (let i = 0; i < rows; i += 1) {
    const row = i * columns;
    for (let a = 0; a < columns; a += 1) {
      const value = matrix[row + a] ?? 0;
      if (value === 0) continue;
      for (let b = a; b < columns; b += 1)
        gram[a * columns + b] = (gram[a * columns + b] ?? 0) + value * (matrix[row + b] ?? 0);
    }
  }
  for (let a = 0; a < columns; a += 1)
    for (let b = 0; b < a; b += 1) gram[a * columns + b] = gram[b * columns + a] ?? 0;
  const first = powerIteration(gram, columns, null);
  const second = powerIteration(gram, columns, first);
  return { first, second };
}

function powerIteration(gram: Float64Array, size: number, orthogonalTo: Float64Array | null): Float64Array {
  let vector = new Float64Array(size).map((_, index) => 1 + ((index * 7919) % 13) / 13);
  for (let round = 0; round < POWER_ITERATIONS; round += 1) {
    if (orthogonalTo) {
      const dot = vector.reduce((sum, value, index) => sum + value * (orthogonalTo[index] ?? 0), 0);
      vector = vector.map((value, index) => value - dot * (orthogonalTo[index] ?? 0));
    }
    const next = new Float64Array(size);
    for (let a = 0; a < size; a += 1) {
      let sum = 0;
      for (let b = 0; b < size; b += 1) sum += (gram[a * size + b] ?? 0) * (vector[b] ?? 0);
      next[a] = sum;
    }
    const norm = Math.hypot(...next);
    if (norm === 0) return next;
    vector = next.map((value) => value / norm);
  }
  return vector;
}

/**
 * Spreads the MDS picture into an even disc: keeps each node's direction from the centroid and its
 * rank by distance, and gives the i-th nearest of n nodes the radius R·√(i/n), so every ring holds
 * as many nodes as its area allows. MDS alone leaves a dense core and a few far outliers, which
 * would either pile up or shrink the rest to specks when fitted.
 */
function equalizeRadii(local: Float64Array, spacing: number): void {
  const size = local.length / 2;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < size; i += 1) {
    cx += (local[i * 2] ?? 0) / size;
    cy += (local[i * 2 + 1] ?? 0) / size;
  }
  const radius = new Float64Array(size);
  for (let i = 0; i < size; i += 1)
    radius[i] = Math.hypot((local[i * 2] ?? 0) - cx, (local[i * 2 + 1] ?? 0) - cy);
  const byDistance = Array.from({ length: size }, (_, index) => index).sort(
    (a, b) => (radius[a] ?? 0) - (radius[b] ?? 0),
  );
  // π R² = size × spacing²: one spacing² of room per node.
  const outer = Math.sqrt((size * spacing * spacing) / Math.PI);
  byDistance.forEach((node, rank) => {
    const wanted = outer * Math.sqrt((rank + 0.5) / size);
    const current = radius[node] ?? 0;
    const angle =
      current > 0 ? Math.atan2((local[node * 2 + 1] ?? 0) - cy, (local[node * 2] ?? 0) - cx) : rank * 2.39996;
    local[node * 2] = wanted * Math.cos(angle);
    local[node * 2 + 1] = wanted * Math.sin(angle);
  });
}

/**
 * Fruchterman–Reingold rounds, grid variant: nodes repel (k²/d) only within k, and each move is
 * capped by a temperature that falls to zero. Claims do not pull: on thousands of nodes their pull
 * crushes the picture into a ball of overlapping nodes, and the MDS shape already keeps neighbours
 * near each other. The result is the MDS picture with every node at least about k from the next.
 */
function relax(local: Float64Array, options: SpreadOptions): void {
  const size = local.length / 2;
  const k = options.nodeSpacing;
  const force = new Float64Array(size * 2);
  const cellOf = new Int32Array(size);
  const order = new Int32Array(size);
  for (let round = 0; round < options.rounds; round += 1) {
    const temperature = k * (1 - round / options.rounds) + 1;
    force.fill(0);
    const grid = bucketByCell(local, k, cellOf, order);
    for (let i = 0; i < size; i += 1) {
      const x = local[i * 2] ?? 0;
      const y = local[i * 2 + 1] ?? 0;
      const cell = cellOf[i] ?? 0;
      const column = cell % grid.columns;
      const row = (cell - column) / grid.columns;
      for (let r = Math.max(0, row - 1); r <= Math.min(grid.rows - 1, row + 1); r += 1) {
        for (let c = Math.max(0, column - 1); c <= Math.min(grid.columns - 1, column + 1); c += 1) {
          const neighbour = r * grid.columns + c;
          for (let at = grid.starts[neighbour] ?? 0; at < (grid.starts[neighbour + 1] ?? 0); at += 1) {
            const j = order[at] ?? 0;
            if (j <= i) continue;
            const ox = x - (local[j * 2] ?? 0);
            const oy = y - (local[j * 2 + 1] ?? 0);
            const squared = ox * ox + oy * oy;
            if (squared >= k * k || squared === 0) continue;
            const push = (k * k) / squared;
            force[i * 2] = (force[i * 2] ?? 0) + ox * push;
            force[i * 2 + 1] = (force[i * 2 + 1] ?? 0) + oy * push;
            force[j * 2] = (force[j * 2] ?? 0) - ox * push;
            force[j * 2 + 1] = (force[j * 2 + 1] ?? 0) - oy * push;
          }
        }
      }
    }
    for (let i = 0; i < size; i += 1) {
      const fx = force[i * 2] ?? 0;
      const fy = force[i * 2 + 1] ?? 0;
      const length = Math.hypot(fx, fy);
      const scale = length > temperature ? temperature / length : 1;
      local[i * 2] = (local[i * 2] ?? 0) + fx * scale;
      local[i * 2 + 1] = (local[i * 2 + 1] ?? 0) + fy * scale;
    }
  }
}

/** A grid over the positions: node indices sorted by cell into `order`, cell i at starts[i]..starts[i + 1]. */
interface Grid {
  readonly columns: number;
  readonly rows: number;
  readonly starts: Int32Array;
}

/** Buckets nodes into square cells of side `side` (a counting sort), filling `cellOf` and `order`. */
function bucketByCell(local: Float64Array, side: number, cellOf: Int32Array, order: Int32Array): Grid {
  const size = local.length / 2;
  const box = extent(local);
  // Never more cells than nodes × 4, however far apart the nodes are.
  const cellSide = Math.max(side, Math.sqrt(((box.width + 1) * (box.height + 1)) / (size * 4)));
  const columns = Math.floor(box.width / cellSide) + 1;
  const rows = Math.floor(box.height / cellSide) + 1;
  const starts = new Int32Array(columns * rows + 1);
  for (let i = 0; i < size; i += 1) {
    const column = Math.floor(((local[i * 2] ?? 0) - box.minX) / cellSide);
    const row = Math.floor(((local[i * 2 + 1] ?? 0) - box.minY) / cellSide);
    const cell = row * columns + column;
    cellOf[i] = cell;
    starts[cell + 1] = (starts[cell + 1] ?? 0) + 1;
  }
  for (let cell = 0; cell < columns * rows; cell += 1)
    starts[cell + 1] = (starts[cell + 1] ?? 0) + (starts[cell] ?? 0);
  const fill = starts.slice(0, columns * rows);
  for (let i = 0; i < size; i += 1) {
    const cell = cellOf[i] ?? 0;
    order[(fill[cell] = (fill[cell] ?? 0) + 1) - 1] = i;
  }
  return { columns, rows, starts };
}

/** A component's local positions and their extent. */
interface Component {
  readonly members: Int32Array;
  readonly local: Float64Array;
  readonly minX: number;
  readonly minY: number;
  readonly width: number;
  readonly height: number;
}

function extent(local: Float64Array): { minX: number; minY: number; width: number; height: number } {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < local.length; i += 2) {
    const [x, y] = [local[i] ?? 0, local[i + 1] ?? 0];
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  }
  return { minX, minY, width: maxX - minX, height: maxY - minY };
}

/** Shelf packing, largest component first, rows about as wide as the whole is tall. */
function packComponents(placed: Component[], positions: Float64Array, gap: number): void {
  placed.sort((a, b) => b.members.length - a.members.length);
  const area = placed.reduce((sum, c) => sum + (c.width + gap) * (c.height + gap), 0);
  const rowWidth = Math.max(Math.sqrt(area) * 1.2, ...placed.map((c) => c.width + gap));
  let [x, y, rowHeight] = [0, 0, 0];
  for (const component of placed) {
    if (x > 0 && x + component.width > rowWidth) [x, y, rowHeight] = [0, y + rowHeight + gap, 0];
    component.members.forEach((node, index) => {
      positions[node * 2] = x + (component.local[index * 2] ?? 0) - component.minX;
      positions[node * 2 + 1] = y + (component.local[index * 2 + 1] ?? 0) - component.minY;
    });
    x += component.width + gap;
    rowHeight = Math.max(rowHeight, component.height);
  }
}
