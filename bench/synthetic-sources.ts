/** Synthetic sources: papers, reviews, guidelines, blog posts… with plausible bibliographic fields. */
import { nodeIdFor } from '../server/src/domain/ids.ts';
import type { SourceKind } from '../server/src/domain/kinds.ts';
import type { SourceNode } from '../server/src/domain/model.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { NameBook } from './synthetic-names.ts';
import { SURNAMES, TITLE_PATTERNS, TITLE_TOPICS, VENUES } from './synthetic-words.ts';

const SOURCE_KIND_MIX: Record<SourceKind, number> = {
  paper: 55,
  review: 15,
  guideline: 4,
  'blog-post': 10,
  'web-page': 6,
  book: 4,
  'regulatory-record': 6,
};

/** Record metadata shared by every synthetic record. */
export interface RecordMeta {
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One synthetic source with a unique "Surname et al. 2014b" style name. */
export function syntheticSource(random: SeededRandom, names: NameBook, meta: RecordMeta): SourceNode {
  const sourceKind = random.weighted(SOURCE_KIND_MIX);
  const authorCount = sourceKind === 'blog-post' ? 1 : random.int(1, 6);
  const authors = Array.from(
    { length: authorCount },
    () => `${SURNAMES[random.zipfIndex(SURNAMES.length, 0.9)] ?? 'Smith'} ${initials(random)}`,
  );
  // Skewed towards recent years, as the literature is.
  const year = 2024 - Math.floor(Math.pow(random.next(), 2) * 35);
  const lead = authors[0]?.split(' ')[0] ?? 'Anon';
  const base = `${lead}${authors.length > 1 ? ' et al.' : ''} ${year}`;
  const name = names.unique('source', base, letterSuffix);
  const title = random
    .pick(TITLE_PATTERNS)
    .replace('{topic}', random.pick(TITLE_TOPICS))
    .replace(/^./, (first) => first.toUpperCase());
  const scholarly = sourceKind === 'paper' || sourceKind === 'review' || sourceKind === 'guideline';
  const doi =
    scholarly && random.chance(0.85)
      ? `10.${random.int(1000, 9999)}/fg.${year}.${random.int(1, 99999)}`
      : null;
  const pmid = scholarly && random.chance(0.7) ? String(random.int(10_000_000, 39_999_999)) : null;
  const url =
    doi === null
      ? random.chance(0.6)
        ? `https://example.org/${random.int(1, 1e9).toString(36)}`
        : null
      : `https://doi.org/${doi}`;
  const xrefs = [...(doi === null ? [] : [`DOI:${doi}`]), ...(pmid === null ? [] : [`PMID:${pmid}`])];
  return {
    id: nodeIdFor('source', name),
    kind: 'source',
    name,
    summary: `${title}. ${sourceKind === 'blog-post' ? 'A personal account.' : `Published in ${year}.`}`,
    aliases: [],
    xrefs,
    sourceKind,
    title,
    authors,
    year,
    venue: sourceKind === 'blog-post' ? 'A patient blog' : random.pick(VENUES),
    url,
    doi,
    pmid,
    published: random.chance(0.2) ? `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}` : null,
    ...meta,
  };
}

const INITIALS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'W'];

function initials(random: SeededRandom): string {
  const first = random.pick(INITIALS);
  return random.chance(0.5) ? `${first}${random.pick(INITIALS)}` : first;
}

/** Citation-style disambiguation: 2 → "b", 3 → "c", … 27 → "ba". */
function letterSuffix(n: number): string {
  let index = n - 1;
  let text = '';
  do {
    text = String.fromCharCode(97 + (index % 26)) + text;
    index = Math.floor(index / 26);
  } while (index > 0);
  return text;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
