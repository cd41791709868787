/** A small, hand-checked graph the contract suite builds through the port itself. */
import type { GraphStore } from '../../server/src/store/graph-store.ts';

/** The actor the fixture writes as. */
export const CURATOR = { actor: 'curator' };

/** Ids of the fixture's records. */
export const IDS = {
  katz: 'source:katz-et-al-2007',
  blog: 'source:another-fibro-explanation',
  eular: 'source:eular-2017',
  hypoperfusion: 'theory:muscle-hypoperfusion',
  sensitization: 'theory:central-sensitization',
  ischaemia: 'mechanism:muscle-ischaemia',
  vasomotor: 'mechanism:vasomotor-dysregulation',
  myalgia: 'symptom:myalgia',
  brainFog: 'symptom:brain-fog',
  exercise: 'therapy:aerobic-exercise',
  heat: 'therapy:heat-therapy',
} as const;

/** Creates the fixture: 3 sources, 8 concept nodes, 9 claims (one contested). */
export async function buildFixtureGraph(store: GraphStore): Promise<void> {
  await store.createSource(
    {
      sourceKind: 'paper',
      title:
        'The pain of fibromyalgia syndrome is due to muscle hypoperfusion induced by regional vasomotor dysregulation',
      authors: ['Katz DL', 'Greene L', 'Ali A', 'Faridi Z'],
      year: 2007,
      venue: 'Medical Hypotheses',
      doi: '10.1016/j.mehy.2005.10.037',
    },
    CURATOR,
  );
  await store.createSource(
    {
      id: IDS.blog,
      sourceKind: 'blog-post',
      title: 'Another Fibro Explanation',
      venue: 'deedeefibro.com',
      url: 'https://deedeefibro.com/2017/09/28/another-fibro-explanation/',
      year: 2017,
      published: '2017-09-28',
    },
    CURATOR,
  );
  await store.createSource(
    {
      id: IDS.eular,
      sourceKind: 'guideline',
      title: 'EULAR revised recommendations for the management of fibromyalgia',
      authors: ['Macfarlane GJ', 'Kronisch C'],
      year: 2017,
      pmid: '27377815',
    },
    CURATOR,
  );
  const concept = [
    {
      kind: 'theory',
      name: 'Muscle hypoperfusion',
      aliases: ['Vasomotor theory'],
      summary: 'Proposes that pain comes from too little blood flow to muscles.',
    },
    {
      kind: 'theory',
      name: 'Central sensitization',
      aliases: ['Centralized pain'],
      summary: 'Proposes that the central nervous system amplifies pain signals.',
    },
    {
      kind: 'mechanism',
      name: 'Muscle ischaemia',
      summary: 'Low-level shortage of oxygen in muscle tissue.',
    },
    {
      kind: 'mechanism',
      name: 'Vasomotor dysregulation',
      summary: 'Blood vessels narrowing and widening at the wrong times.',
    },
    {
      kind: 'symptom',
      name: 'Myalgia',
      aliases: ['Muscle pain'],
      xrefs: ['HP:0003326'],
      summary: 'Aching pain in the muscles.',
    },
    {
      kind: 'symptom',
      name: 'Brain fog',
      aliases: ['Fibro fog', 'Cognitive dysfunction'],
      xrefs: ['HP:0033630'],
      summary: 'Trouble thinking clearly, remembering and concentrating.',
    },
    {
      kind: 'therapy',
      name: 'Aerobic exercise',
      summary: 'Regular moderate exercise such as walking or cycling.',
    },
    { kind: 'therapy', name: 'Heat therapy', summary: 'Warming the body or a region of it.' },
  ] as const;
  for (const node of concept) await store.createNode(node, CURATOR);

  const claim = async (
    from: string,
    relation: string,
    to: string,
    level: string,
    sourceId: string,
    stance = 'supports',
    appraisal: object = {},
  ) =>
    store.createClaim(
      {
        from,
        relation,
        to,
        evidence: [{ sourceId, note: `${from} ${relation} ${to}`, level, stance, ...appraisal }],
      } as never,
      CURATOR,
    );
  await claim(IDS.hypoperfusion, 'PROPOSES', IDS.vasomotor, 'hypothesis', IDS.katz);
  await claim(IDS.hypoperfusion, 'PROPOSES', IDS.ischaemia, 'hypothesis', IDS.katz);
  await claim(IDS.hypoperfusion, 'EXPLAINS', IDS.myalgia, 'anecdote', IDS.blog);
  await claim(IDS.vasomotor, 'CAUSES', IDS.ischaemia, 'hypothesis', IDS.katz);
  await claim(IDS.ischaemia, 'CAUSES', IDS.myalgia, 'hypothesis', IDS.katz);
  // Appraised (every GRADE domain judged, none serious), so their trials keep their high start.
  const appraised = { domainsAssessed: true, ratingNote: 'Domains judged; none serious.' };
  await claim(IDS.exercise, 'TARGETS', IDS.ischaemia, 'rct', IDS.katz, 'supports', appraised);
  await claim(IDS.exercise, 'RELIEVES', IDS.myalgia, 'guideline', IDS.eular, 'supports', {
    recommendation: { strength: 'strong', direction: 'for', evidenceBasis: 'trials' },
    ...appraised,
  });
  await claim(IDS.sensitization, 'EXPLAINS', IDS.brainFog, 'observational', IDS.eular);
  await claim(IDS.heat, 'RELIEVES', IDS.myalgia, 'anecdote', IDS.blog);
  // Contested: the blog supports it, a guideline-level note disputes it.
  const contested = await claim(IDS.hypoperfusion, 'BUILDS_ON', IDS.sensitization, 'anecdote', IDS.blog);
  await store.addEvidence(
    contested.id,
    {
      sourceId: IDS.eular,
      note: 'The guideline does not describe the theories as building on each other.',
      level: 'guideline',
      stance: 'disputes',
    },
    contested.version,
    CURATOR,
  );
}
