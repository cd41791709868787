/**
 * Medical-content rules for the shipped seed (shared/reference/domain-notes.md): only checked
 * identifiers, byte-identical held texts, plain-language summaries, and disputes recorded next to
 * the claims they dispute.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeEvidence } from '../../server/src/domain/evidence-summary.ts';
import { validateSeed, type ValidSeed } from '../../server/src/seed/validate-seed.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const sharedSeeds = path.resolve(repo, '../shared/seeds');

// Identifiers the domain notes mark as checked (section 6 for ontology ids, section 4 for DOIs and PMIDs).
const CHECKED_XREFS = new Set([
  'MONDO:0005546',
  'MESH:D005356',
  'UMLS:C0016053',
  'HP:0012532',
  'HP:0012533',
  'HP:0031005',
  'HP:0003326',
  'HP:0030833',
  'HP:0025258',
  'HP:0030834',
  'HP:0012378',
  'HP:0012432',
  'HP:0033630',
  'HP:0100543',
  'HP:5200292',
  'HP:0002360',
  'HP:0100785',
  'HP:0003552',
  'HP:0005197',
  'HP:0002315',
  'HP:0002076',
  'HP:0000716',
  'HP:0000739',
  'HP:0003401',
  'HP:0004370',
  'HP:6000855',
  'HP:0030880',
  'HP:0002027',
  'HP:0100607',
  'HP:0012452',
  'HP:0003546',
  'HP:0030973',
  'HP:0500093',
  'HP:0012393',
  'HP:0002716',
  'HP:5200287',
  'CHEBI:36796',
  'CHEBI:135005',
  'CHEBI:64356',
  'CHEBI:42797',
  'CHEBI:2666',
  'CL:0000129',
  'CL:0000101',
  'GO:0048265',
  'GO:0019233',
]);
const CHECKED_DOIS = new Set([
  '10.1016/j.mehy.2005.10.037',
  '10.1111/pme.12139',
  '10.1016/j.bbi.2018.09.018',
  '10.2147/JPR.S128508',
  '10.1016/j.pain.2013.06.001',
  '10.3390/diagnostics12051135',
  '10.1172/JCI144201',
  '10.1016/j.pain.2010.09.030',
  '10.1002/art.1780371105',
  '10.1007/s00296-008-0738-x',
  '10.1093/cvr/cvq062',
  '10.1113/expphysiol.1991.sp003549',
  '10.1186/ar1459',
  '10.1097/j.pain.0000000000001640',
  '10.1002/acr.20140',
  '10.1136/annrheumdis-2016-209724',
  '10.1155/2015/610615',
  '10.1155/2014/379715',
]);
const CHECKED_PMIDS = new Set([
  '23691965',
  '30223011',
  '35626288',
  '34196305',
  '20961685',
  '24737367',
  '169541',
  '18853166',
  '1768414',
  '27377815',
  '26246841',
  '25477991',
]);

let seed: ValidSeed;
beforeAll(async () => {
  const validation = await validateSeed(path.join(repo, 'seed'));
  expect(validation.errorCount).toBe(0);
  seed = validation.seed;
});

describe('the shipped seed content', () => {
  it('uses only ontology ids, DOIs and PMIDs the domain notes mark as checked, or registered with a stored copy', () => {
    // Beyond the domain notes, an identifier counts as checked only when REFERENCES.md names the
    // stored public copy (an address) it was read in.
    const fromStoredCopies = new Set(
      fs
        .readFileSync(path.join(repo, 'seed/REFERENCES.md'), 'utf8')
        .split('\n')
        .flatMap((line) => {
          const match = /^\|\s*`([^`]+)`\s*\|[^|]*\|\s*stored copy: https?:\/\/\S+/.exec(line);
          return match?.[1] === undefined ? [] : [match[1]];
        }),
    );
    const xrefs = [...seed.nodes, ...seed.sources].flatMap((record) => record.xrefs);
    expect(xrefs.filter((xref) => !CHECKED_XREFS.has(xref) && !fromStoredCopies.has(xref))).toEqual([]);
    expect(
      seed.sources.flatMap((source) =>
        source.doi === null || CHECKED_DOIS.has(source.doi) || fromStoredCopies.has(`DOI:${source.doi}`)
          ? []
          : [source.doi],
      ),
    ).toEqual([]);
    expect(
      seed.sources.flatMap((source) =>
        source.pmid === null || CHECKED_PMIDS.has(source.pmid) || fromStoredCopies.has(`PMID:${source.pmid}`)
          ? []
          : [source.pmid],
      ),
    ).toEqual([]);
  });

  it('gives every node a summary of two to four sentences', () => {
    const counts = seed.nodes.map((node) => [node.id, sentences(node.summary)] as const);
    expect(counts.filter(([, count]) => count < 2 || count > 4)).toEqual([]);
  });

  it('quotes only sources whose text the project holds', () => {
    const held = new Set(
      seed.sources.filter((source) => source.heldText !== null).map((source) => source.id),
    );
    const quoting = seed.claims.flatMap((claim) => claim.evidence.filter((item) => item.quote !== null));
    expect(quoting.length).toBeGreaterThan(0);
    expect(quoting.filter((item) => !held.has(item.sourceId))).toEqual([]);
  });

  it('records at least one contested claim with a hypothesis-level dispute', () => {
    const contested = seed.claims.filter(
      (claim) => summarizeEvidence(claim.relation, claim.evidence).contested,
    );
    expect(contested.length).toBeGreaterThan(0);
    expect(
      contested.some((claim) =>
        claim.evidence.some((item) => item.stance === 'disputes' && item.level === 'hypothesis'),
      ),
    ).toBe(true);
  });

  it.skipIf(!fs.existsSync(sharedSeeds))('holds byte-identical copies of the two posts', () => {
    for (const name of ['another-fibro-explanation.txt', 'neck-and-shoulder-pain.txt']) {
      expect(
        fs
          .readFileSync(path.join(repo, 'seed/texts', name))
          .equals(fs.readFileSync(path.join(sharedSeeds, name))),
      ).toBe(true);
    }
  });
});

const POSTS = ['source:another-fibro-explanation', 'source:neck-and-shoulder-pain'];

/**
 * The factual problems in the posts (shared/reference/domain-notes.md section 3). Each must appear as
 * disputing evidence from `disputedBy` on a claim that quotes `post` with a quote containing `quoted`.
 */
const SECTION_3_DISPUTES = [
  // Katz 2007 is a hypothesis paper, not "the cause" that unifies the other theories.
  {
    post: 'source:another-fibro-explanation',
    quoted: 'know the underlying cause',
    disputedBy: 'source:katz-2007',
  },
  { post: 'source:another-fibro-explanation', quoted: 'one cohesive theory', disputedBy: 'source:katz-2007' },
  // No checked source links the palm-shunt work or the AVACEN 100 to Katz.
  {
    post: 'source:another-fibro-explanation',
    quoted: 'building off this research',
    disputedBy: 'source:albrecht-2013',
  },
  // Albrecht 2013 counted nerve fibres; blood flow was not measured.
  {
    post: 'source:another-fibro-explanation',
    quoted: 'glabrous skin and shunts',
    disputedBy: 'source:albrecht-2013',
  },
  // The AVACEN 100 is cleared in the US only as a general heat-therapy device.
  {
    post: 'source:another-fibro-explanation',
    quoted: 'Avacen 100',
    disputedBy: 'source:avacen-100-regulatory',
  },
  {
    post: 'source:another-fibro-explanation',
    quoted: 'everything feel better',
    disputedBy: 'source:avacen-100-regulatory',
  },
  // "Subclavular veins"; lymph crossing the back of the neck and shoulders.
  {
    post: 'source:neck-and-shoulder-pain',
    quoted: 'subclavular veins',
    disputedBy: 'source:britannica-thoracic-duct',
  },
  {
    post: 'source:neck-and-shoulder-pain',
    quoted: 'across the back of your neck',
    disputedBy: 'source:britannica-thoracic-duct',
  },
  // Capillaries filter plasma, not blood; the revised Starling principle.
  {
    post: 'source:neck-and-shoulder-pain',
    quoted: 'squeeze blood out',
    disputedBy: 'source:levick-michel-2010',
  },
  { post: 'source:neck-and-shoulder-pain', quoted: '80-90%', disputedBy: 'source:levick-michel-2010' },
  { post: 'source:neck-and-shoulder-pain', quoted: '80-90%', disputedBy: 'source:levick-1991' },
  // Nitric oxide building up around lymph nodes: unsupported; human NO data are mixed.
  {
    post: 'source:neck-and-shoulder-pain',
    quoted: 'nitric oxide',
    disputedBy: 'source:serum-no-fibromyalgia-2009',
  },
  {
    post: 'source:neck-and-shoulder-pain',
    quoted: 'Nitric oxide builds up',
    disputedBy: 'source:serum-no-fibromyalgia-2009',
  },
  // The two meanings of "spleen".
  { post: 'source:neck-and-shoulder-pain', quoted: 'glucose cycle', disputedBy: 'source:medlineplus-spleen' },
  { post: 'source:neck-and-shoulder-pain', quoted: 'gut flora', disputedBy: 'source:medlineplus-spleen' },
] as const;

// Sources whose citation the domain notes could only partly check (no checked DOI or PMID, or the
// title wording unchecked), and the post whose conference-abstract details are unverified.
const PARTLY_CHECKED_SOURCES = [
  'source:uceyler-2013',
  'source:cordero-2012',
  'source:pall-2001',
  'source:lynch-2012',
];

describe('the shape of the seed', () => {
  it('has at least the theories, mechanisms, symptoms, therapies and claims the issue asks for', () => {
    const count = (kind: string) => seed.nodes.filter((node) => node.kind === kind).length;
    expect(count('theory')).toBeGreaterThanOrEqual(15);
    expect(count('mechanism')).toBeGreaterThanOrEqual(30);
    expect(count('symptom')).toBeGreaterThanOrEqual(20);
    expect(count('therapy')).toBeGreaterThanOrEqual(25);
    expect(seed.claims.length).toBeGreaterThanOrEqual(120);
  });

  it('includes the major theories from the literature', () => {
    const ids = new Set(seed.nodes.map((node) => node.id));
    const expected = [
      'theory:central-sensitization',
      'theory:muscle-hypoperfusion',
      'theory:palm-shunt-innervation',
      'theory:microcirculatory-dysfunction',
      'theory:small-fibre-pathology',
      'theory:autoimmunity',
      'theory:neuroinflammation',
      'theory:mitochondrial-dysfunction',
      'theory:hpa-axis-dysfunction',
      'theory:non-restorative-sleep',
      'theory:no-peroxynitrite-cycle',
      'theory:gut-microbiome',
      'theory:viral-trigger',
    ];
    expect(expected.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('connects every theory to at least one symptom it claims to explain', () => {
    const explained = new Set(
      seed.claims
        .filter((claim) => claim.relation === 'EXPLAINS' && claim.to.startsWith('symptom:'))
        .map((claim) => claim.from),
    );
    const theories = seed.nodes.filter((node) => node.kind === 'theory').map((node) => node.id);
    expect(theories.filter((id) => !explained.has(id))).toEqual([]);
  });

  it('relates theories to each other where sources say so', () => {
    const between = seed.claims.filter(
      (claim) => claim.relation === 'BUILDS_ON' || claim.relation === 'CONFLICTS_WITH',
    );
    expect(between.some((claim) => claim.relation === 'BUILDS_ON')).toBe(true);
    expect(between.some((claim) => claim.relation === 'CONFLICTS_WITH')).toBe(true);
  });

  it('leaves no orphan nodes: every node is an end of at least one claim', () => {
    const ends = new Set(seed.claims.flatMap((claim) => [claim.from, claim.to]));
    expect(seed.nodes.filter((node) => !ends.has(node.id)).map((node) => node.id)).toEqual([]);
  });

  it('cites every source from at least one claim', () => {
    const cited = new Set(seed.claims.flatMap((claim) => claim.evidence.map((item) => item.sourceId)));
    expect(seed.sources.filter((source) => !cited.has(source.id)).map((source) => source.id)).toEqual([]);
  });

  it('gives every claim at least one evidence item', () => {
    expect(seed.claims.filter((claim) => claim.evidence.length === 0).map((claim) => claim.id)).toEqual([]);
  });

  it('has no concept under two names: names and aliases are unique once normalised', () => {
    const owners = new Map<string, Set<string>>();
    for (const node of seed.nodes) {
      for (const label of [node.name, ...node.aliases]) {
        const key = normalise(label);
        owners.set(key, (owners.get(key) ?? new Set()).add(node.id));
      }
    }
    const shared = [...owners]
      .filter(([, ids]) => ids.size > 1)
      .map(([key, ids]) => `${key}: ${[...ids].join(', ')}`);
    expect(shared).toEqual([]);
  });
});

describe('evidence from the two posts', () => {
  it('quotes every held text verbatim', () => {
    const texts = new Map(
      seed.sources.flatMap((source) =>
        source.heldText === null
          ? []
          : [[source.id, fs.readFileSync(path.join(repo, 'seed', source.heldText), 'utf8')] as const],
      ),
    );
    const quotes = seed.claims.flatMap((claim) =>
      claim.evidence.flatMap((item) => (item.quote === null ? [] : [{ claim: claim.id, item }])),
    );
    expect(quotes.length).toBeGreaterThan(80);
    expect(
      quotes
        .filter(({ item }) => !(texts.get(item.sourceId) ?? '').includes(item.quote ?? ''))
        .map(({ claim }) => claim),
    ).toEqual([]);
  });

  it('quotes the post in every evidence item that cites one, at anecdote level', () => {
    const fromPosts = seed.claims.flatMap((claim) =>
      claim.evidence
        .filter((item) => POSTS.includes(item.sourceId))
        .map((item) => ({ claim: claim.id, item })),
    );
    expect(fromPosts.filter(({ item }) => item.quote === null).map(({ claim }) => claim)).toEqual([]);
    expect(fromPosts.filter(({ item }) => item.level !== 'anecdote').map(({ claim }) => claim)).toEqual([]);
  });

  it('records every blog post at anecdote level and every regulatory record at regulatory level', () => {
    const kinds = new Map(seed.sources.map((source) => [source.id, source.sourceKind]));
    const wrong = seed.claims.flatMap((claim) =>
      claim.evidence.flatMap((item) => {
        const kind = kinds.get(item.sourceId);
        if (kind === 'blog-post' && item.level !== 'anecdote') return [`${claim.id} ${item.sourceId}`];
        if (kind === 'regulatory-record' && item.level !== 'regulatory')
          return [`${claim.id} ${item.sourceId}`];
        return [];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it.each(SECTION_3_DISPUTES)(
    'records the dispute of $disputedBy on the post claim quoting "$quoted"',
    ({ post, quoted, disputedBy }) => {
      const disputed = seed.claims.filter(
        (claim) =>
          claim.evidence.some(
            (item) =>
              item.sourceId === post &&
              item.stance === 'supports' &&
              (item.quote ?? '').toLowerCase().includes(quoted.toLowerCase()),
          ) && claim.evidence.some((item) => item.sourceId === disputedBy && item.stance === 'disputes'),
      );
      expect(disputed.length).toBeGreaterThan(0);
      for (const claim of disputed)
        expect(summarizeEvidence(claim.relation, claim.evidence).contested).toBe(true);
    },
  );

  it('records the "eight types" typology with a curator note that no validation was found', () => {
    const typology = seed.claims.filter((claim) => claim.from === 'theory:eight-types-typology');
    expect(typology.length).toBeGreaterThan(0);
    for (const claim of typology) {
      expect(claim.evidence.some((item) => item.quote?.includes('eight types'))).toBe(true);
      expect(
        claim.evidence.some(
          (item) => item.stance === 'disputes' && /no scientific validation/i.test(item.note ?? ''),
        ),
      ).toBe(true);
    }
  });

  it('marks evidence from partly checked sources as unverified', () => {
    const unflagged = seed.claims.flatMap((claim) =>
      claim.evidence
        .filter((item) => PARTLY_CHECKED_SOURCES.includes(item.sourceId) && !item.unverified)
        .map((item) => `${claim.id} ${item.sourceId}`),
    );
    expect(unflagged).toEqual([]);
    const pridgen = seed.claims.flatMap((claim) =>
      claim.evidence.filter((item) => (item.note ?? '').includes('Pridgen')),
    );
    expect(pridgen.length).toBeGreaterThan(0);
    expect(pridgen.every((item) => item.unverified)).toBe(true);
  });
});

function normalise(label: string): string {
  return label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function sentences(text: string): number {
  return text
    .replace(/\bet al\./g, 'et al')
    .split(/[.!?](?:\s|$)/)
    .filter((part) => part.trim() !== '').length;
}

describe("the curator's pass over the theory graph", () => {
  const claimsFrom = (id: string) => seed.claims.filter((claim) => claim.from === id);

  it('gives every theory at least one question or prediction that would test it', () => {
    const tested = new Set(
      seed.claims.filter((claim) => claim.relation === 'TESTS').map((claim) => claim.to),
    );
    const theories = seed.nodes.filter((node) => node.kind === 'theory').map((node) => node.id);
    expect(theories.filter((id) => !tested.has(id))).toEqual([]);
  });

  it('links stress, trauma and infection to fibromyalgia as proposed triggers, by association only', () => {
    for (const trigger of [
      'mechanism:psychological-stress-trigger',
      'mechanism:physical-trauma-trigger',
      'mechanism:infection-trigger',
    ]) {
      const link = claimsFrom(trigger).find((claim) => claim.to === 'finding:fibromyalgia');
      expect(link?.relation, trigger).toBe('ASSOCIATED_WITH');
    }
  });

  it('links the overlap conditions and both ACR criteria to fibromyalgia', () => {
    const linked = new Set(
      seed.claims
        .filter((claim) => claim.relation === 'ASSOCIATED_WITH' && claim.to === 'finding:fibromyalgia')
        .map((claim) => claim.from),
    );
    const expected = [
      'finding:irritable-bowel-syndrome',
      'finding:chronic-fatigue-syndrome',
      'finding:temporomandibular-disorder',
      'finding:interstitial-cystitis',
      'finding:migraine',
      'finding:acr-2010-criteria',
      'finding:acr-2016-criteria',
    ];
    expect(expected.filter((id) => !linked.has(id))).toEqual([]);
    for (const criteria of ['finding:acr-2010-criteria', 'finding:acr-2016-criteria']) {
      const link = claimsFrom(criteria).find((claim) => claim.to === 'finding:fibromyalgia');
      expect(link?.evidence.every((item) => item.level === 'guideline')).toBe(true);
    }
  });

  it('records guideline recommendations against a therapy as guideline evidence that disputes relief', () => {
    const against = seed.claims.filter(
      (claim) =>
        claim.relation === 'RELIEVES' &&
        claim.evidence.some((item) => item.level === 'guideline' && item.stance === 'disputes'),
    );
    expect(against.map((claim) => claim.from).sort()).toEqual([
      'therapy:corticosteroids',
      'therapy:strong-opioids',
    ]);
  });

  it('states the grade of every per-therapy EULAR recommendation and says what a weak one means', () => {
    const graded = seed.claims.flatMap((claim) =>
      claim.evidence.filter(
        (item) =>
          (item.sourceId === 'source:macfarlane-2017' || item.sourceId === 'source:carville-2007') &&
          /^EULAR 20\d\d recommendation/.test(item.note ?? ''),
      ),
    );
    expect(graded.length).toBeGreaterThanOrEqual(14);
    for (const item of graded) {
      expect(item.note).toMatch(/evidence level (Ia|Ib|IIa|IIb|III|IV), grade [A-D]/);
      expect(item.ratingNote ?? '').not.toBe('');
      expect(item.locator ?? '').toMatch(/stored copy https:\/\//);
    }
  });

  it('links each approved fibromyalgia drug to the mechanism it is said to act on', () => {
    for (const drug of [
      'therapy:pregabalin',
      'therapy:duloxetine',
      'therapy:milnacipran',
      'therapy:gabapentin',
    ]) {
      const targets = claimsFrom(drug).filter((claim) => claim.relation === 'TARGETS');
      expect(targets.length, drug).toBeGreaterThan(0);
    }
  });

  it('never rests a causal claim about a symptom on observational evidence alone', () => {
    const correlationalOnly = seed.claims.filter(
      (claim) =>
        claim.relation === 'CAUSES' &&
        claim.to.startsWith('symptom:') &&
        claim.evidence.every((item) => item.level === 'observational'),
    );
    expect(correlationalOnly.map((claim) => claim.id)).toEqual([]);
  });

  it('connects the posts to the literature: nitric oxide reaches neck pain, and lymph flow shares the lymphatic system', () => {
    const neighbours = new Map<string, Set<string>>();
    for (const claim of seed.claims) {
      if (claim.relation === 'TESTS') continue;
      for (const [a, b] of [
        [claim.from, claim.to],
        [claim.to, claim.from],
      ] as const) {
        if (!neighbours.has(a)) neighbours.set(a, new Set());
        neighbours.get(a)?.add(b);
      }
    }
    const within = (start: string, hops: number): Set<string> => {
      let frontier = new Set([start]);
      const seen = new Set(frontier);
      for (let hop = 0; hop < hops; hop++) {
        const next = new Set<string>();
        for (const id of frontier)
          for (const other of neighbours.get(id) ?? []) if (!seen.has(other)) next.add(other);
        for (const id of next) seen.add(id);
        frontier = next;
      }
      return seen;
    };
    expect(within('mechanism:raised-nitric-oxide', 2).has('symptom:neck-pain')).toBe(true);
    const lymph = neighbours.get('anatomy:lymphatic-system') ?? new Set<string>();
    expect(lymph.has('mechanism:sluggish-lymph-flow')).toBe(true);
    expect(lymph.has('mechanism:lymphatic-drainage')).toBe(true);
  });
});
