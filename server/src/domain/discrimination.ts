/**
 * The theory discrimination matrix, after Heuer's Analysis of Competing Hypotheses: theories as
 * columns; findings, symptoms and therapy effects as rows; each cell says whether the evidence is
 * consistent with the theory's account, inconsistent with it, or whether the theory is silent.
 * A row every theory explains tells nothing, so rows are ranked by how well they separate the
 * theories, and theories by the evidence against them (ACH weighs disconfirmation, not tallies of
 * support). Pure: the GraphQL layer gathers the claims and calls `buildMatrix`.
 *
 * When a theory speaks to a row (one hop, as the theory comparison counts it):
 * - a finding or symptom: the theory EXPLAINS it, or a mechanism it PROPOSES CAUSES it or is
 *   ASSOCIATED_WITH it;
 * - a therapy's effect: the therapy TARGETS a mechanism the theory proposes (so the theory expects
 *   it to help), and the therapy's RELIEVES claims say whether it does.
 */
import { levelRank, LEVEL_WEIGHTS } from './evidence-levels.ts';
import type { Claim, GraphNode } from './model.ts';

/** What a cell says. */
export type CellVerdict = 'consistent' | 'inconsistent' | 'silent';

/** What a row is about. */
export type MatrixRowKind = 'finding' | 'symptom' | 'therapy-effect';

/** One theory against one row. */
export interface MatrixCell {
  readonly theory: GraphNode;
  readonly verdict: CellVerdict;
  /** True when the claims behind the cell carry evidence both ways. */
  readonly contested: boolean;
  /**
   * The claims behind the verdict: the links from the theory to the row (EXPLAINS, or PROPOSES and
   * then CAUSES / ASSOCIATED_WITH; for a therapy, PROPOSES and TARGETS) and, for a therapy, its
   * RELIEVES claims. Empty when the theory is silent.
   */
  readonly claims: readonly Claim[];
  /** Level weight of the strongest evidence against the theory here (0 unless inconsistent). */
  readonly weightAgainst: number;
}

/** One finding, symptom or therapy effect across the theories. */
export interface MatrixRow {
  readonly subject: GraphNode;
  readonly kind: MatrixRowKind;
  /** In the order of `DiscriminationMatrix.theories`. */
  readonly cells: readonly MatrixCell[];
  /**
   * 0..1: how far apart the theories' verdicts are. Over every pair of theories, consistent vs
   * inconsistent counts 2, either vs silent 1, equal verdicts 0; divided by 2 per pair. A row all
   * theories explain alike scores 0.
   */
  readonly diagnosticity: number;
}

/** One theory's standing in the matrix. */
export interface TheoryStanding {
  readonly theory: GraphNode;
  /** 1 = least evidence against it. */
  readonly rank: number;
  readonly consistent: number;
  readonly inconsistent: number;
  readonly silent: number;
  /** Sum over its inconsistent cells of the strongest evidence against it (level weights). */
  readonly weightAgainst: number;
}

/** The whole matrix. */
export interface DiscriminationMatrix {
  /** Ranked: least evidence against first. */
  readonly theories: readonly TheoryStanding[];
  /** Ranked: most diagnostic first; rows no compared theory speaks to are left out. */
  readonly rows: readonly MatrixRow[];
}

/** At most this many theories as columns: beyond it nobody can read the matrix. */
export const MAX_MATRIX_THEORIES = 30;

/** What `buildMatrix` needs: the theories (asked order), every node the claims touch, and the claims. */
export interface MatrixInput {
  readonly theories: readonly GraphNode[];
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** PROPOSES / EXPLAINS from the theories, CAUSES / ASSOCIATED_WITH / TARGETS at their mechanisms, RELIEVES from those therapies. Others are ignored. */
  readonly claims: readonly Claim[];
}

/** Builds the ranked matrix. */
export function buildMatrix({ theories, nodes, claims }: MatrixInput): DiscriminationMatrix {
  const index = indexClaims(claims, nodes);
  const rowSubjects = new Map<string, { subject: GraphNode; kind: MatrixRowKind }>();
  const linksByTheory = theories.map((theory) => {
    const links = linksOf(theory.id, index);
    for (const subjectId of links.keys()) {
      const subject = nodes.get(subjectId);
      if (subject !== undefined) rowSubjects.set(subjectId, { subject, kind: rowKindOf(subject) });
    }
    return links;
  });
  const unranked = [...rowSubjects.values()].map(({ subject, kind }) => {
    const cells = theories.map((theory, column) => {
      const link = linksByTheory[column]?.get(subject.id);
      return link === undefined ? silentCell(theory) : judgeCell(theory, link);
    });
    return { subject, kind, cells, diagnosticity: diagnosticityOf(cells) };
  });
  const standings = theories
    .map((theory, column) =>
      standingOf(
        theory,
        unranked.map((row) => row.cells[column] as MatrixCell),
      ),
    )
    .sort(compareStandings);
  const order = standings.map((standing) => theories.indexOf(standing.theory));
  const rows = unranked
    .map((row) => ({ ...row, cells: order.map((column) => row.cells[column] as MatrixCell) }))
    .sort(compareRows);
  return { theories: standings.map((standing, i) => ({ ...standing, rank: i + 1 })), rows };
}

/** The claims the matrix reads, by what they start or end at. */
interface ClaimIndex {
  readonly out: ReadonlyMap<string, readonly Claim[]>;
  readonly into: ReadonlyMap<string, readonly Claim[]>;
  readonly kindOf: (id: string) => string | undefined;
}

function indexClaims(claims: readonly Claim[], nodes: ReadonlyMap<string, GraphNode>): ClaimIndex {
  const out = new Map<string, Claim[]>();
  const into = new Map<string, Claim[]>();
  for (const claim of claims) {
    push(out, claim.from, claim);
    push(into, claim.to, claim);
  }
  return { out, into, kindOf: (id) => nodes.get(id)?.kind };
}

/** How a theory reaches a row: the claims from it to the row, and for a therapy the claim(s) it acts through. */
interface Link {
  readonly claims: Claim[];
  /** The claims whose evidence decides the verdict (the last hop, or a therapy's RELIEVES claims). */
  readonly decisive: Claim[];
}

function linksOf(theoryId: string, index: ClaimIndex): Map<string, Link> {
  const links = new Map<string, Link>();
  const add = (subjectId: string, path: readonly Claim[], decisive: readonly Claim[]) => {
    const link = links.get(subjectId) ?? { claims: [], decisive: [] };
    for (const claim of path) if (!link.claims.includes(claim)) link.claims.push(claim);
    for (const claim of decisive) if (!link.decisive.includes(claim)) link.decisive.push(claim);
    links.set(subjectId, link);
  };
  const isRowKind = (id: string) => {
    const kind = index.kindOf(id);
    return kind === 'symptom' || kind === 'finding';
  };
  for (const claim of index.out.get(theoryId) ?? []) {
    if (claim.relation === 'EXPLAINS' && isRowKind(claim.to)) add(claim.to, [claim], [claim]);
    if (claim.relation !== 'PROPOSES') continue;
    const mechanismId = claim.to;
    for (const effect of index.out.get(mechanismId) ?? []) {
      if ((effect.relation === 'CAUSES' || effect.relation === 'ASSOCIATED_WITH') && isRowKind(effect.to)) {
        add(effect.to, [claim, effect], [effect]);
      }
    }
    for (const other of index.into.get(mechanismId) ?? []) {
      if (other.relation === 'ASSOCIATED_WITH' && isRowKind(other.from))
        add(other.from, [claim, other], [other]);
      // The theory expects a therapy acting on its mechanism to help, if that action is itself supported.
      if (other.relation === 'TARGETS' && holds(other)) {
        const relief = (index.out.get(other.from) ?? []).filter((c) => c.relation === 'RELIEVES');
        if (relief.length > 0) add(other.from, [claim, other, ...relief], relief);
      }
    }
  }
  return links;
}

function rowKindOf(subject: GraphNode): MatrixRowKind {
  if (subject.kind === 'therapy') return 'therapy-effect';
  return subject.kind === 'finding' ? 'finding' : 'symptom';
}

/**
 * True when a claim's evidence, on balance, holds: something supports it and no dispute is at least
 * as strong as the best support (the same line certainty.ts draws for a serious inconsistency).
 */
export function holds(claim: Claim): boolean {
  const { bestSupport, bestDispute } = strongest(claim);
  return bestSupport !== null && (bestDispute === null || bestSupport < bestDispute);
}

function strongest(claim: Claim): { bestSupport: number | null; bestDispute: number | null } {
  let bestSupport: number | null = null;
  let bestDispute: number | null = null;
  for (const item of claim.evidence) {
    const rank = levelRank(item.level);
    if (item.stance === 'supports') bestSupport = bestSupport === null ? rank : Math.min(bestSupport, rank);
    else bestDispute = bestDispute === null ? rank : Math.min(bestDispute, rank);
  }
  return { bestSupport, bestDispute };
}

function judgeCell(theory: GraphNode, link: Link): MatrixCell {
  const consistent = link.decisive.some(holds);
  const contested =
    link.decisive.some((claim) => claim.contested) || (consistent && !link.decisive.every(holds));
  let weightAgainst = 0;
  if (!consistent) {
    for (const claim of link.decisive) {
      for (const item of claim.evidence) {
        if (item.stance === 'disputes') weightAgainst = Math.max(weightAgainst, LEVEL_WEIGHTS[item.level]);
      }
    }
  }
  return {
    theory,
    verdict: consistent ? 'consistent' : 'inconsistent',
    contested,
    claims: [...link.claims].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    weightAgainst,
  };
}

function silentCell(theory: GraphNode): MatrixCell {
  return { theory, verdict: 'silent', contested: false, claims: [], weightAgainst: 0 };
}

const VERDICT_VALUE: Record<CellVerdict, number> = { consistent: 1, silent: 0, inconsistent: -1 };

function diagnosticityOf(cells: readonly MatrixCell[]): number {
  if (cells.length < 2) return 0;
  let spread = 0;
  for (let i = 0; i < cells.length; i += 1) {
    for (let j = i + 1; j < cells.length; j += 1) {
      spread += Math.abs(
        VERDICT_VALUE[(cells[i] as MatrixCell).verdict] - VERDICT_VALUE[(cells[j] as MatrixCell).verdict],
      );
    }
  }
  const pairs = (cells.length * (cells.length - 1)) / 2;
  return Math.round((spread / (2 * pairs)) * 1000) / 1000;
}

function standingOf(theory: GraphNode, cells: readonly MatrixCell[]): Omit<TheoryStanding, 'rank'> {
  let consistent = 0;
  let inconsistent = 0;
  let weightAgainst = 0;
  for (const cell of cells) {
    if (cell.verdict === 'consistent') consistent += 1;
    if (cell.verdict === 'inconsistent') {
      inconsistent += 1;
      weightAgainst += cell.weightAgainst;
    }
  }
  return {
    theory,
    consistent,
    inconsistent,
    silent: cells.length - consistent - inconsistent,
    weightAgainst: Math.round(weightAgainst * 1000) / 1000,
  };
}

function compareStandings(a: Omit<TheoryStanding, 'rank'>, b: Omit<TheoryStanding, 'rank'>): number {
  return (
    a.weightAgainst - b.weightAgainst ||
    a.inconsistent - b.inconsistent ||
    b.consistent - a.consistent ||
    a.theory.name.localeCompare(b.theory.name) ||
    (a.theory.id < b.theory.id ? -1 : 1)
  );
}

function compareRows(a: MatrixRow, b: MatrixRow): number {
  const spoken = (row: MatrixRow) => row.cells.filter((cell) => cell.verdict !== 'silent').length;
  return (
    b.diagnosticity - a.diagnosticity ||
    spoken(b) - spoken(a) ||
    a.subject.name.localeCompare(b.subject.name) ||
    (a.subject.id < b.subject.id ? -1 : 1)
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
