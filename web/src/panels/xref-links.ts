/**
 * Links out of the graph: ontology cross-references (CURIEs such as `HP:0033630`) to their browsers,
 * and a source's citation to its web page, DOI or PubMed record. Anything that is not a plain web
 * address is refused, so a curator's typo can never become a `javascript:` link.
 */

/** OBO Foundry ontologies, resolved through their permanent URLs (`CHEBI:64356` → `…/obo/CHEBI_64356`). */
const OBO_PREFIXES: ReadonlySet<string> = new Set(['CHEBI', 'CL', 'DOID', 'GO', 'NCIT', 'UBERON']);

/** Where a CURIE can be read on the web; null for an unknown prefix or a malformed CURIE. */
export function xrefHref(curie: string): string | null {
  const match = /^([A-Za-z][A-Za-z0-9]*):(\S+)$/.exec(curie.trim());
  if (!match) return null;
  const prefix = (match[1] ?? '').toUpperCase();
  const local = encodeURIComponent(match[2] ?? '');
  switch (prefix) {
    case 'HP':
      return `https://hpo.jax.org/browse/term/HP:${local}`;
    case 'MONDO':
      return `https://monarchinitiative.org/MONDO:${local}`;
    case 'MESH':
      return `https://meshb.nlm.nih.gov/record/ui?ui=${local}`;
    case 'UMLS':
      return `https://uts.nlm.nih.gov/uts/umls/concept/${local}`;
    default:
      return OBO_PREFIXES.has(prefix) ? `http://purl.obolibrary.org/obo/${prefix}_${local}` : null;
  }
}

/** The web address itself when it is http(s); null otherwise. */
export function webHref(url: string | null): string | null {
  return url !== null && /^https?:\/\/\S+$/i.test(url.trim()) ? url.trim() : null;
}

/** The DOI resolver's address for a bare DOI (`10.1016/j.pain.2010.09.030`). */
export function doiHref(doi: string | null): string | null {
  const bare = doi?.trim().replace(/^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i, '');
  if (!bare?.startsWith('10.')) return null;
  return `https://doi.org/${bare.split('/').map(encodeURIComponent).join('/')}`;
}

/** The PubMed page for a PMID. */
export function pubmedHref(pmid: string | null): string | null {
  const digits = pmid?.trim();
  return digits && /^\d+$/.test(digits) ? `https://pubmed.ncbi.nlm.nih.gov/${digits}/` : null;
}

/** The best single link for a source: its own page, else its DOI, else its PubMed record. */
export function sourceHref(source: {
  readonly url: string | null;
  readonly doi: string | null;
  readonly pmid: string | null;
}): string | null {
  return webHref(source.url) ?? doiHref(source.doi) ?? pubmedHref(source.pmid);
}

/** A run of a locator's text, linked when it is a web address. */
export interface LocatorPart {
  readonly text: string;
  readonly href?: string;
}

const WEB_ADDRESS = /(https?:\/\/[^\s<>"]+)/;

/**
 * A locator ("table 2; read in the stored copy https://…") as runs of text and links. An address
 * the source's own title already links to is left out rather than shown twice.
 */
export function locatorParts(text: string, sourceHref: string | null): LocatorPart[] {
  // split with a capturing group keeps the addresses, at the odd positions.
  return text
    .split(WEB_ADDRESS)
    .map((run, index): LocatorPart | null => {
      if (index % 2 === 0) return run === '' ? null : { text: run };
      const href = webHref(run);
      if (href === null) return { text: run };
      return href === sourceHref ? null : { text: run, href };
    })
    .filter((part): part is LocatorPart => part !== null);
}
