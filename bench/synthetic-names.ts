/** Names, aliases, xrefs and summaries for synthetic concept nodes, unique per kind. */
import { slugify } from '../server/src/domain/ids.ts';
import type { ConceptKind } from '../server/src/domain/kinds.ts';
import type { SeededRandom } from './seeded-random.ts';
import { NAME_PARTS, SUMMARY_PHRASES, XREF_PREFIXES } from './synthetic-words.ts';

const SYLLABLES = [
  'ka',
  'lo',
  'vi',
  'ne',
  'tra',
  'sen',
  'dor',
  'mi',
  'pho',
  'rex',
  'zan',
  'qui',
  'bel',
  'tor',
];
const ENDINGS = ['in', 'ase', 'ol', 'ide', 'ex', 'an', 'ine', 'ium', 'afen', 'ostat'];

/** How often a slot takes a coined term (a made-up molecule or drug) instead of a common word. */
const COINED_SLOT: Partial<Record<ConceptKind, { slot: number; p: number }>> = {
  mechanism: { slot: 1, p: 0.45 },
  therapy: { slot: 1, p: 0.3 },
  finding: { slot: 1, p: 0.25 },
  theory: { slot: 1, p: 0.25 },
};

/** Which CURIE prefixes suit each kind. */
const XREFS_FOR: Record<ConceptKind, readonly string[]> = {
  theory: ['MESH'],
  mechanism: ['GO', 'MESH'],
  symptom: ['HP', 'MESH'],
  therapy: ['MESH', 'CHEBI', 'NCIT'],
  anatomy: ['UBERON'],
  finding: ['HP', 'NCIT'],
  question: [],
};

const SPELLING_VARIANTS: readonly (readonly [RegExp, string])[] = [
  [/fibre/g, 'fiber'],
  [/signalling/g, 'signaling'],
  [/sensitization/g, 'sensitisation'],
  [/programme/g, 'program'],
  [/behavioural/g, 'behavioral'],
  [/ischaemia/g, 'ischemia'],
  [/grey/g, 'gray'],
  [/paraesthesia/g, 'paresthesia'],
];

/** Hands out names whose slugs are unique within a kind, numbering repeats ("… 2", "… 3"). */
export class NameBook {
  private readonly used = new Map<string, number>();

  /** A fresh, unique name for a node of `kind`. */
  conceptName(kind: ConceptKind, random: SeededRandom): string {
    const coined = COINED_SLOT[kind];
    const words = NAME_PARTS[kind].map((options, slot) =>
      coined?.slot === slot && random.chance(coined.p) ? coinedTerm(random) : random.pick(options),
    );
    return this.unique(kind, words.filter((word) => word !== '').join(' '));
  }

  /** `base`, or `base` with the lowest free number appended, unique within `scope`. */
  unique(scope: string, base: string, suffix: (n: number) => string = (n) => ` ${n}`): string {
    const key = `${scope}:${slugify(base)}`;
    const seen = this.used.get(key) ?? 0;
    this.used.set(key, seen + 1);
    if (seen === 0) return base;
    const name = `${base}${suffix(seen + 1)}`;
    // A numbered name could collide with another base's slug; register it too.
    return this.used.has(`${scope}:${slugify(name)}`)
      ? this.unique(scope, base, suffix)
      : this.mark(scope, name);
  }

  private mark(scope: string, name: string): string {
    this.used.set(`${scope}:${slugify(name)}`, 1);
    return name;
  }
}

/** A made-up but pronounceable molecule or drug name ("Kalorine", "Tradorase"). */
export function coinedTerm(random: SeededRandom): string {
  const parts = random.int(2, 3);
  let word = '';
  for (let index = 0; index < parts; index += 1) word += random.pick(SYLLABLES);
  word += random.pick(ENDINGS);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Zero to two aliases: an acronym and a spelling variant, never equal to the name. */
export function aliasesFor(name: string, random: SeededRandom): string[] {
  const aliases: string[] = [];
  const words = name.split(/[\s-]+/).filter((word) => /^[A-Za-z]/.test(word));
  if (words.length >= 2 && random.chance(0.4)) {
    aliases.push(words.map((word) => word.charAt(0).toUpperCase()).join(''));
  }
  const variant = SPELLING_VARIANTS.reduce(
    (text, [pattern, replacement]) => text.replace(pattern, replacement),
    name,
  );
  if (variant !== name && random.chance(0.6)) aliases.push(variant);
  const lower = name.toLowerCase();
  return [...new Set(aliases)].filter((alias) => alias.toLowerCase() !== lower);
}

/** Zero or one ontology CURIE suited to the kind (about 30 % of nodes have one). */
export function xrefsFor(kind: ConceptKind, random: SeededRandom): string[] {
  if (!random.chance(0.3)) return [];
  const prefix = random.pick(XREFS_FOR[kind]);
  const shape = XREF_PREFIXES.find((entry) => entry.prefix === prefix);
  if (!shape) return [];
  const digits = String(random.int(1, 10 ** shape.digits - 1)).padStart(shape.digits, '0');
  return [`${prefix}:${shape.lead}${digits}`];
}

/** A two-sentence summary mentioning the name. */
export function summaryFor(kind: ConceptKind, name: string, random: SeededRandom): string {
  const article = /^[aeiou]/.test(kind) ? 'an' : 'a';
  return `${name} is ${article} ${kind} studied in fibromyalgia research. ${random.pick(SUMMARY_PHRASES)}`;
}
