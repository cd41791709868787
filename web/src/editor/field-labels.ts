/**
 * Plain names for the fields the API names in errors and history records (`evidence[0].quote`,
 * `sourceKind`), so a message or a diff can say "Quote" rather than a path.
 */

const LABELS: Readonly<Record<string, string>> = {
  token: 'Editor token',
  kind: 'Kind',
  name: 'Name',
  summary: 'Summary',
  aliases: 'Aliases',
  xrefs: 'Cross-references',
  from: 'From',
  to: 'To',
  relation: 'Relation',
  evidence: 'Evidence',
  evidenceId: 'Evidence item',
  sourceId: 'Source',
  quote: 'Quote',
  note: "Curator's note",
  locator: 'Locator',
  level: 'Evidence level',
  stance: 'Stance',
  unverified: 'Unverified',
  sourceKind: 'Source type',
  title: 'Title',
  authors: 'Authors',
  year: 'Year',
  venue: 'Venue',
  url: 'URL',
  doi: 'DOI',
  pmid: 'PubMed id',
  published: 'Published',
  expectedVersion: 'Version',
};

/** "evidence[0].quote" → "Quote", "aliases[2]" → "Aliases"; unknown names are spelt out from camelCase. */
export function labelOf(path: string): string {
  const last = path.split('.').pop() ?? path;
  const name = last.replace(/\[\d+\]$/, '');
  const known = LABELS[name];
  if (known !== undefined) return known;
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
