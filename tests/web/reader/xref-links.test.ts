/** Links out of the details panel: CURIEs to ontology browsers, sources to their page, DOI or PubMed. */
import { describe, expect, it } from 'vitest';
import {
  doiHref,
  locatorParts,
  pubmedHref,
  sourceHref,
  webHref,
  xrefHref,
} from '../../../web/src/panels/xref-links.ts';

describe('xrefHref', () => {
  it.each([
    ['HP:0033630', 'https://hpo.jax.org/browse/term/HP:0033630'],
    ['MONDO:0005546', 'https://monarchinitiative.org/MONDO:0005546'],
    ['MESH:D005356', 'https://meshb.nlm.nih.gov/record/ui?ui=D005356'],
    ['UMLS:C0016053', 'https://uts.nlm.nih.gov/uts/umls/concept/C0016053'],
    ['DOID:631', 'http://purl.obolibrary.org/obo/DOID_631'],
    ['NCIT:C34620', 'http://purl.obolibrary.org/obo/NCIT_C34620'],
    ['UBERON:0001134', 'http://purl.obolibrary.org/obo/UBERON_0001134'],
    ['GO:0006954', 'http://purl.obolibrary.org/obo/GO_0006954'],
    ['CHEBI:64356', 'http://purl.obolibrary.org/obo/CHEBI_64356'],
    ['CL:0000540', 'http://purl.obolibrary.org/obo/CL_0000540'],
  ])('links %s', (curie, href) => {
    expect(xrefHref(curie)).toBe(href);
  });

  it('reads the prefix case-insensitively', () => {
    expect(xrefHref('MeSH:D005356')).toBe('https://meshb.nlm.nih.gov/record/ui?ui=D005356');
  });

  it('leaves unknown prefixes and malformed CURIEs as text', () => {
    expect(xrefHref('SNOMEDCT:203082005')).toBeNull();
    expect(xrefHref('HP:')).toBeNull();
    expect(xrefHref('no colon')).toBeNull();
    expect(xrefHref(':123')).toBeNull();
  });

  it('escapes the local id', () => {
    expect(xrefHref('UMLS:C01?x=1')).toBe('https://uts.nlm.nih.gov/uts/umls/concept/C01%3Fx%3D1');
  });
});

describe('source links', () => {
  it('prefers the web page, then the DOI, then PubMed', () => {
    const doi = '10.1016/j.pain.2010.09.030';
    expect(sourceHref({ url: 'https://example.org/a', doi, pmid: '1' })).toBe('https://example.org/a');
    expect(sourceHref({ url: null, doi, pmid: '1' })).toBe(`https://doi.org/${doi}`);
    expect(sourceHref({ url: null, doi: null, pmid: '24737367' })).toBe(
      'https://pubmed.ncbi.nlm.nih.gov/24737367/',
    );
    expect(sourceHref({ url: null, doi: null, pmid: null })).toBeNull();
  });

  it('never links a non-web address', () => {
    expect(webHref('javascript:alert(1)')).toBeNull();
    expect(webHref('ftp://example.org/x')).toBeNull();
    expect(sourceHref({ url: 'javascript:alert(1)', doi: null, pmid: '7' })).toBe(
      'https://pubmed.ncbi.nlm.nih.gov/7/',
    );
  });

  it('accepts a DOI written as a URL or with a doi: prefix, and refuses what is not a DOI', () => {
    expect(doiHref('doi:10.1000/xyz')).toBe('https://doi.org/10.1000/xyz');
    expect(doiHref('https://doi.org/10.1000/xyz')).toBe('https://doi.org/10.1000/xyz');
    expect(doiHref('10.1000/a b')).toBe('https://doi.org/10.1000/a%20b');
    expect(doiHref('not a doi')).toBeNull();
  });

  it('accepts only digits as a PMID', () => {
    expect(pubmedHref(' 123 ')).toBe('https://pubmed.ncbi.nlm.nih.gov/123/');
    expect(pubmedHref('PMC123')).toBeNull();
  });
});

describe('locatorParts', () => {
  const copy = 'https://ard.bmj.com/highwire/markup/180341/expansion';

  it('keeps a locator without an address as one run of text', () => {
    expect(locatorParts('p. 12, table 2', null)).toEqual([{ text: 'p. 12, table 2' }]);
  });

  it('links a web address inside the text and keeps the words around it', () => {
    expect(locatorParts(`figure 3; read in the stored copy ${copy} (supplement)`, null)).toEqual([
      { text: 'figure 3; read in the stored copy ' },
      { text: copy, href: copy },
      { text: ' (supplement)' },
    ]);
  });

  it("leaves out an address the source's title already links to", () => {
    expect(locatorParts(`table of recommendations; read in the stored copy ${copy}`, copy)).toEqual([
      { text: 'table of recommendations; read in the stored copy ' },
    ]);
  });

  it('never links anything but http and https', () => {
    expect(locatorParts('see javascript:alert(1) or ftp://example.org/x', null)).toEqual([
      { text: 'see javascript:alert(1) or ftp://example.org/x' },
    ]);
  });
});
