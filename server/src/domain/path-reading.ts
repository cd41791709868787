/**
 * Plain-language readings of claims and paths, built from node names and the relation table's verb
 * phrases: "Aerobic exercise may act on muscle ischaemia, which is proposed to cause myalgia". A hop
 * walked against its claim reads backwards ("is proposed to result from"); a chain through an
 * association says so.
 */
import { RELATION_RULES, type Relation } from './relations.ts';
import { pathNature } from './traversal.ts';

/** One step of a reading: the relation crossed and whether the walk followed the claim's direction. */
export interface ReadingHop {
  readonly relation: Relation;
  readonly forward: boolean;
}

/** The verb phrase for a hop: `reads` along the claim, `readsBackwards` against it. */
export function hopVerb(hop: ReadingHop): string {
  const rule = RELATION_RULES[hop.relation];
  return hop.forward ? rule.reads : rule.readsBackwards;
}

/**
 * One sentence for a walk through `names` (one more name than hops): the first name opens the
 * sentence, every later name follows its hop's verb, chained with ", which".
 */
export function pathReading(names: readonly string[], hops: readonly ReadingHop[]): string {
  if (names.length !== hops.length + 1) {
    throw new RangeError(`a path of ${hops.length} hops needs ${hops.length + 1} names, not ${names.length}`);
  }
  const [first = '', ...rest] = names;
  const clauses = hops.map((hop, index) => `${hopVerb(hop)} ${midSentence(rest[index] ?? '')}`);
  const sentence = `${sentenceStart(first)} ${clauses.join(', which ')}`;
  // A chain with an association in it links things that go together; it must not read as a cause.
  return hops.length > 1 && pathNature(hops) === 'associative'
    ? `${sentence} (an association along the way: not a shown cause)`
    : sentence;
}

/** A claim as a sentence: "Aerobic exercise may relieve myalgia". */
export function claimReading(fromName: string, relation: Relation, toName: string): string {
  return pathReading([fromName, toName], [{ relation, forward: true }]);
}

/** A name as it reads inside a sentence: "Myalgia" → "myalgia", but "HPA axis" and "EULAR" stay. */
export function midSentence(name: string): string {
  const [first = '', second = ''] = name;
  const isAcronym = second !== '' && second === second.toUpperCase() && second !== second.toLowerCase();
  return isAcronym ? name : first.toLowerCase() + name.slice(1);
}

function sentenceStart(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
