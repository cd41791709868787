/**
 * Plain-language helpers for the path question: which names a path answer gives for its two ends,
 * and the order evidence is read in. Pure; unit-tested in tests/web/questions.
 */
import type { EvidenceLevel, PathsQuery, Stance } from '../api/generated.ts';
import { EVIDENCE_LEVEL_ORDER } from '../graph/vocabulary.ts';

/** One ranked path as the Paths query returns it. */
export type RankedPath = PathsQuery['paths']['paths'][number];

/** One hop of a ranked path. */
export type PathHop = RankedPath['hops'][number];

/** A node as the pickers need it. */
export interface NamedNode {
  readonly id: string;
  readonly name: string;
}

/** True when `paths` is the answer to "from → to" (a stale answer to an earlier question is not). */
export function answersQuestion(paths: PathsQuery['paths'] | null, from: string, to: string): boolean {
  const first = paths?.paths[0];
  if (!first) return false;
  return first.nodes[0]?.id === from && first.nodes.at(-1)?.id === to;
}

/** The names of the nodes the paths pass through, by id (the ends included). */
export function namesInPaths(paths: PathsQuery['paths'] | null): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const path of paths?.paths ?? []) for (const node of path.nodes) names.set(node.id, node.name);
  return names;
}

/** The path's reading as a sentence: a capital first letter and a full stop. */
export function asSentence(reading: string): string {
  const trimmed = reading.trim();
  if (trimmed.length === 0) return trimmed;
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** Evidence strongest first; at the same level, supporting before disputing; otherwise as given. */
export function orderEvidence<T extends { readonly level: EvidenceLevel; readonly stance: Stance }>(
  evidence: readonly T[],
): T[] {
  const rank = (item: T): number =>
    EVIDENCE_LEVEL_ORDER.indexOf(item.level) * 2 + (item.stance === 'SUPPORTS' ? 0 : 1);
  return [...evidence].sort((a, b) => rank(a) - rank(b));
}

/** "2 supporting, 1 disputing" for a hop's evidence list. */
export function stanceCounts(evidence: readonly { readonly stance: Stance }[]): string {
  const supporting = evidence.filter((item) => item.stance === 'SUPPORTS').length;
  const disputing = evidence.length - supporting;
  const parts = [`${supporting} supporting`];
  if (disputing > 0) parts.push(`${disputing} disputing`);
  return parts.join(', ');
}

/** The choices in the max-hops picker: 1 … `max`. */
export function hopChoices(max: number): number[] {
  return Array.from({ length: Math.max(0, Math.trunc(max)) }, (_, index) => index + 1);
}

/** Why the path question cannot be asked yet, in words; null when it can. */
export function pathQuestionProblem(from: NamedNode | null, to: NamedNode | null): string | null {
  if (from === null || to === null) return 'Choose both ends: pick a name from each list.';
  if (from.id === to.id) return 'Choose two different ends.';
  return null;
}
