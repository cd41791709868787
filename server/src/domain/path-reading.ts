/**
 * Plain-language readings of claims and paths, built from node names and the relation table's verb
 * phrases: "Aerobic exercise may act on muscle ischaemia, which is proposed to cause myalgia". A hop
 * walked against its claim reads backwards ("is proposed to result from"); a chain through an
 * association says so.
 */
import type { GradedEvidence } from './certainty.ts';
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

/**
 * A claim as a sentence that matches its evidence. A therapy claim nothing supports must not read
 * "may relieve": it reads "Guideline recommends against …" when a guideline does (with the strength),
 * and "… not shown to relieve …" otherwise. Other claims read as `claimReading`.
 */
export function evidenceReading(
  fromName: string,
  claim: {
    readonly relation: Relation;
    readonly evidence: readonly Pick<GradedEvidence, 'stance' | 'level' | 'recommendation'>[];
  },
  toName: string,
): string {
  if (claim.relation !== 'RELIEVES' || claim.evidence.some((item) => item.stance === 'supports')) {
    return claimReading(fromName, claim.relation, toName);
  }
  const against = claim.evidence.find(
    (item) => item.level === 'guideline' && item.recommendation?.direction === 'against',
  );
  if (against?.recommendation != null) {
    const strength = against.recommendation.strength ?? 'strength not rated';
    return `Guideline recommends against ${midSentence(fromName)} for ${midSentence(toName)} (${strength})`;
  }
  return `${sentenceStart(fromName)}: not shown to relieve ${midSentence(toName)}`;
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
