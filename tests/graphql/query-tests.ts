/** Every root query field through executeOperation, over the fixture graph. */
import { RELATIONS } from '../../server/src/domain/relations.ts';
import { describe, expect, it } from 'vitest';
import { IDS } from '../contract/fixture-graph.ts';
import type { GraphStore } from '../../server/src/store/graph-store.ts';
import type { ApiFixture } from './graphql-api-suite.ts';
import { dataOf, EDITOR, graphqlClient, onlyError } from './graphql-client.ts';

interface Named {
  id: string;
  name: string;
}

const CLAIM_FIELDS = `id relation summary strength contested bestLevel supportCount disputeCount version
  createdAt updatedAt reading from { id name } to { id name }
  evidence { id quote note locator level levelLabel stance unverified source { id name } }`;

/** Registers the query tests; `get` returns the current test's fixture. */
export function queryTests(get: () => ApiFixture): void {
  describe('node, source and claim', () => {
    it('returns a concept with its fields and claims in each direction, and null for an unknown id', async () => {
      const result = await get().client.run<{ node: Record<string, unknown>; missing: null }>(
        `query ($id: ID!) {
          node(id: $id) {
            __typename id kind name summary aliases xrefs version createdAt updatedAt
            out: claims(direction: OUT) { id }
            in: claims(direction: IN) { relation from { name } }
            all: claims { id }
          }
          missing: node(id: "symptom:nothing") { id }
        }`,
        { id: IDS.myalgia },
      );
      const { node, missing } = dataOf(result);
      expect(missing).toBeNull();
      expect(node).toMatchObject({
        __typename: 'Concept',
        id: IDS.myalgia,
        kind: 'SYMPTOM',
        name: 'Myalgia',
        aliases: ['Muscle pain'],
        xrefs: ['HP:0003326'],
        version: 1,
        out: [],
      });
      expect(node['in']).toHaveLength(4);
      expect(node['all']).toHaveLength(4);
      expect(node['in']).toContainEqual({ relation: 'RELIEVES', from: { name: 'Aerobic exercise' } });
    });

    it('returns a source with its bibliographic fields, through node and source', async () => {
      const result = await get().client.run<{ source: unknown; asNode: unknown; concept: unknown }>(
        `{
          source(id: "${IDS.katz}") {
            id kind name sourceKind title authors year venue url doi pmid published claims { id }
          }
          asNode: node(id: "${IDS.blog}") { __typename ... on Source { sourceKind published url } }
          concept: source(id: "${IDS.myalgia}") { id }
        }`,
      );
      expect(dataOf(result)).toEqual({
        source: {
          id: IDS.katz,
          kind: 'SOURCE',
          name: 'Katz et al. 2007',
          sourceKind: 'PAPER',
          title: expect.stringContaining('muscle hypoperfusion') as unknown,
          authors: ['Katz DL', 'Greene L', 'Ali A', 'Faridi Z'],
          year: 2007,
          venue: 'Medical Hypotheses',
          url: null,
          doi: '10.1016/j.mehy.2005.10.037',
          pmid: null,
          published: null,
          claims: [],
        },
        asNode: {
          __typename: 'Source',
          sourceKind: 'BLOG_POST',
          published: '2017-09-28',
          url: 'https://deedeefibro.com/2017/09/28/another-fibro-explanation/',
        },
        concept: null,
      });
    });

    it("lists a source's citing claims a page at a time, and names a bad page size", async () => {
      const result = await get().client.run<{
        source: { citedBy: { id: string; evidence: { source: { id: string } }[] }[] };
        page: { citedBy: { id: string }[] };
        blog: { citedBy: { reading: string }[] };
      }>(
        `query ($after: ID!) {
          source(id: "${IDS.katz}") { citedBy { id evidence { source { id } } } }
          page: source(id: "${IDS.katz}") { citedBy(first: 2, after: $after) { id } }
          blog: source(id: "${IDS.blog}") { citedBy(first: 1) { reading } }
        }`,
        { after: 'claim:hypoperfusion' },
      );
      const { source, page, blog } = dataOf(result);
      const ids = source.citedBy.map((claim) => claim.id);
      expect(ids).toHaveLength(5);
      expect(ids).toEqual([...ids].sort());
      for (const claim of source.citedBy) {
        expect(claim.evidence.map((item) => item.source.id)).toContain(IDS.katz);
      }
      expect(page.citedBy.map((claim) => claim.id)).toEqual(
        ids.filter((id) => id > 'claim:hypoperfusion').slice(0, 2),
      );
      expect(blog.citedBy).toEqual([{ reading: expect.any(String) as unknown }]);
      const tooMany = await get().client.run(`{ source(id: "${IDS.katz}") { citedBy(first: 5000) { id } } }`);
      expect(onlyError(tooMany)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    });

    it('returns a claim with its ends, evidence, derived figures and reading', async () => {
      const result = await get().client.run<{ claim: unknown; missing: unknown }>(
        `{ claim(id: "claim:aerobic-exercise--relieves--myalgia") { ${CLAIM_FIELDS} }
           missing: claim(id: "claim:nothing") { id } }`,
      );
      expect(dataOf(result)).toMatchObject({
        missing: null,
        claim: {
          relation: 'RELIEVES',
          from: { id: IDS.exercise, name: 'Aerobic exercise' },
          to: { id: IDS.myalgia, name: 'Myalgia' },
          strength: 1,
          contested: false,
          bestLevel: 'GUIDELINE',
          supportCount: 1,
          disputeCount: 0,
          version: 1,
          reading: 'Aerobic exercise may relieve myalgia',
          evidence: [
            {
              level: 'GUIDELINE',
              levelLabel: 'clinical guideline',
              stance: 'SUPPORTS',
              unverified: false,
              quote: null,
              source: { id: IDS.eular, name: 'Macfarlane et al. 2017' },
            },
          ],
        },
      });
    });
  });

  describe('batching', () => {
    it('fetches the nodes of a whole list of claims in one store call per level', async () => {
      const calls: string[] = [];
      const counting: GraphStore = new Proxy(get().store, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]): unknown => {
            calls.push(String(property));
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      const result = await graphqlClient(counting).run<{ neighborhood: { claims: unknown[] } }>(
        `{ neighborhood(id: "${IDS.myalgia}") {
            claims { reading from { name } to { name } evidence { source { name } } } } }`,
      );
      expect(dataOf(result).neighborhood.claims).toHaveLength(6);
      // Six claims, twelve ends and their cited sources: one or two batches, never one call per node.
      const batches = calls.filter((call) => call === 'getNodes').length;
      expect(batches).toBeGreaterThanOrEqual(1);
      expect(batches).toBeLessThanOrEqual(2);
      expect(calls).not.toContain('getNode');
    });
  });

  describe('search', () => {
    it('ranks hits over aliases and CURIEs, and filters by kind', async () => {
      const result = await get().client.run<Record<string, { node: Named; matchedField: string }[]>>(
        `{
          alias: search(text: "fibro fog") { node { id name } score matchedField matchedText }
          curie: search(text: "HP:0033630") { node { id } matchedField }
          mechanisms: search(text: "muscle", kinds: [MECHANISM]) { node { id } }
          one: search(text: "muscle", first: 1) { node { id } }
        }`,
      );
      const data = dataOf(result);
      expect(data['alias']?.[0]).toMatchObject({ node: { id: IDS.brainFog }, matchedField: 'ALIAS' });
      expect(data['curie']?.[0]).toMatchObject({ node: { id: IDS.brainFog }, matchedField: 'XREF' });
      expect(data['mechanisms']?.map((hit) => hit.node.id)).toEqual([IDS.ischaemia]);
      expect(data['one']).toHaveLength(1);
    });
  });

  describe('neighborhood', () => {
    it('returns the subgraph around a node, filtered by kinds, relations and level', async () => {
      type Sub = { nodes: { id: string }[]; claims: { relation: string }[]; truncated: boolean };
      const result = await get().client.run<Record<string, Sub>>(
        `query ($id: ID!) {
          all: neighborhood(id: $id) { nodes { id } claims { relation } truncated }
          therapies: neighborhood(id: $id, kinds: [THERAPY]) { nodes { id } claims { relation } truncated }
          relieves: neighborhood(id: $id, relations: [RELIEVES]) { nodes { id } claims { relation } truncated }
          strong: neighborhood(id: $id, minLevel: GUIDELINE, depth: 2) { nodes { id } claims { relation } truncated }
        }`,
        { id: IDS.myalgia },
      );
      const data = dataOf(result);
      const ids = (name: string) => data[name]?.nodes.map((node) => node.id).sort();
      expect(ids('all')).toEqual(
        [IDS.myalgia, IDS.hypoperfusion, IDS.ischaemia, IDS.exercise, IDS.heat].sort(),
      );
      expect(data['all']?.claims).toHaveLength(6);
      expect(data['all']?.truncated).toBe(false);
      expect(ids('therapies')).toEqual([IDS.myalgia, IDS.exercise, IDS.heat].sort());
      expect(ids('relieves')).toEqual([IDS.myalgia, IDS.exercise, IDS.heat].sort());
      expect(data['relieves']?.claims.every((claim) => claim.relation === 'RELIEVES')).toBe(true);
      expect(ids('strong')).toEqual([IDS.myalgia, IDS.exercise].sort());
    });

    it('cuts to the node budget, says what it left out, and pages on with the offset it gives', async () => {
      type Page = {
        nodes: { id: string }[];
        truncated: boolean;
        page: {
          totalNodes: number;
          offset: number;
          limit: number;
          nextOffset: number | null;
          leftOut: { nodes: number; byKind: { kind: string; count: number }[] };
        };
      };
      const fields = `nodes { id } truncated
        page { totalNodes offset limit nextOffset leftOut { nodes byKind { kind count } } }`;
      const result = await get().client.run<Record<string, Page>>(
        `query ($id: ID!, $w: EvidenceWeighting) {
          first: neighborhood(id: $id, depth: 2, limit: 3) { ${fields} }
          next: neighborhood(id: $id, depth: 2, limit: 3, offset: 3) { ${fields} }
          weighed: neighborhood(id: $id, depth: 2, limit: 2, weighting: $w) { ${fields} }
        }`,
        { id: IDS.myalgia, w: { leaveOutLevels: ['ANECDOTE'] } },
      );
      const data = dataOf(result);
      // The surest links first: exercise's (high) and the theory's EXPLAINS (not graded, so neutral).
      expect(data['first']?.nodes.map((node) => node.id)).toEqual([
        IDS.myalgia,
        IDS.hypoperfusion,
        IDS.exercise,
      ]);
      expect(data['first']?.truncated).toBe(true);
      expect(data['first']?.page).toEqual({
        totalNodes: 7,
        offset: 0,
        limit: 3,
        nextOffset: 3,
        leftOut: {
          nodes: 4,
          byKind: [
            { kind: 'THEORY', count: 1 },
            { kind: 'MECHANISM', count: 2 },
            { kind: 'THERAPY', count: 1 },
          ],
        },
      });
      expect(data['next']?.page).toMatchObject({ offset: 3, nextOffset: 6 });
      // Without the anecdotes two of the seven are reached through nothing left; the budget is applied
      // to the weighed ranking, where exercise's guideline-backed link still comes first.
      expect(data['weighed']?.nodes.map((node) => node.id)).toEqual([IDS.myalgia, IDS.exercise]);
      expect(data['weighed']?.page).toMatchObject({ totalNodes: 5, limit: 2, nextOffset: 2 });
      const bad = await get().client.run(`{ neighborhood(id: "${IDS.myalgia}", limit: 0) { truncated } }`);
      expect(onlyError(bad).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
      const badWeighed = await get().client.run(
        `{ neighborhood(id: "${IDS.myalgia}", offset: -2, weighting: { leaveOutLevels: [ANECDOTE] }) { truncated } }`,
      );
      expect(onlyError(badWeighed).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
    });

    it('answers NOT_FOUND for an unknown centre and BAD_USER_INPUT naming a bad depth', async () => {
      const missing = await get().client.run(`{ neighborhood(id: "symptom:nothing") { truncated } }`);
      expect(onlyError(missing).extensions).toMatchObject({ code: 'NOT_FOUND', id: 'symptom:nothing' });
      const deep = await get().client.run(`{ neighborhood(id: "${IDS.myalgia}", depth: 9) { truncated } }`);
      expect(onlyError(deep).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
    });
  });

  describe('paths', () => {
    it('ranks paths and reads each as one plain-language sentence', async () => {
      type PathData = {
        reading: string;
        score: number;
        meanStrength: number;
        nodes: Named[];
        hops: { forward: boolean; start: Named; end: Named; claim: { id: string; evidence: unknown[] } }[];
      };
      const result = await get().client.run<{ forward: { paths: PathData[]; truncated: boolean } }>(
        `{ forward: paths(from: "${IDS.exercise}", to: "${IDS.myalgia}", maxHops: 2) {
            truncated
            paths { reading score meanStrength nodes { id name }
              hops { forward start { id name } end { id name } claim { id evidence { level stance } } } }
        } }`,
      );
      const { forward } = dataOf(result);
      expect(forward.truncated).toBe(false);
      expect(forward.paths.map((path) => path.reading)).toEqual([
        'Aerobic exercise may relieve myalgia',
        'Aerobic exercise may act on muscle ischaemia, which is proposed to cause myalgia',
      ]);
      expect(forward.paths.map((path) => path.score)).toEqual([1, 0.25]);
      const twoHops = forward.paths[1];
      expect(twoHops?.nodes.map((node) => node.id)).toEqual([IDS.exercise, IDS.ischaemia, IDS.myalgia]);
      expect(twoHops?.hops).toMatchObject([
        { forward: true, start: { id: IDS.exercise }, end: { id: IDS.ischaemia } },
        { forward: true, start: { id: IDS.ischaemia }, end: { id: IDS.myalgia } },
      ]);
      expect(twoHops?.hops[0]?.claim.evidence).toEqual([{ level: 'RCT', stance: 'SUPPORTS' }]);
    });

    it('says what each path is and how sure, and crosses claims between theories only when asked', async () => {
      const query = (extra: string) => `{ paths(from: "${IDS.brainFog}", to: "${IDS.myalgia}"${extra}) {
        paths { nature certainty gradedHops score reading } } }`;
      const plain = await get().client.run<{ paths: { paths: unknown[] } }>(query(''));
      expect(dataOf(plain).paths.paths).toEqual([]);
      const asked = await get().client.run<{ paths: { paths: Record<string, unknown>[] } }>(
        query(', throughTheoryRelations: true'),
      );
      // The three-hop route crosses only claims that assert no effect, so it has no certainty and ranks
      // after the route whose last hop some evidence grades.
      expect(dataOf(asked).paths.paths).toEqual([
        {
          nature: 'UNDIRECTED',
          certainty: 'VERY_LOW',
          gradedHops: 1,
          score: 0.25,
          reading:
            'Brain fog is explained by central sensitization, which is built on by muscle hypoperfusion, which proposes muscle ischaemia, which is proposed to cause myalgia',
        },
        {
          nature: 'UNDIRECTED',
          certainty: null,
          gradedHops: 0,
          score: 0,
          reading:
            'Brain fog is explained by central sensitization, which is built on by muscle hypoperfusion, which is proposed to explain myalgia',
        },
      ]);
    });

    it('reads hops walked against the claim with the backwards verb', async () => {
      const result = await get().client.run<{ paths: { paths: { reading: string }[] } }>(
        `{ paths(from: "${IDS.myalgia}", to: "${IDS.exercise}", maxHops: 1) { paths { reading hops { forward } } } }`,
      );
      expect(dataOf(result).paths.paths).toEqual([
        { reading: 'Myalgia may be relieved by aerobic exercise', hops: [{ forward: false }] },
      ]);
    });

    it('answers NOT_FOUND for an unknown end and BAD_USER_INPUT naming maxHops', async () => {
      const missing = await get().client.run(
        `{ paths(from: "${IDS.myalgia}", to: "therapy:nothing") { truncated } }`,
      );
      expect(onlyError(missing).extensions).toMatchObject({ code: 'NOT_FOUND' });
      const long = await get().client.run(
        `{ paths(from: "${IDS.myalgia}", to: "${IDS.exercise}", maxHops: 60) { truncated } }`,
      );
      expect(onlyError(long).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxHops' });
    });
  });

  describe('certainty and the relation table', () => {
    it('grades a claim and says why, in words', async () => {
      const result = await get().client.run<{ claim: Record<string, unknown> }>(
        `{ claim(id: "claim:aerobic-exercise--relieves--myalgia") {
            relationClass certainty certaintySummary strength
            certaintyReasons { factor change text }
            evidence { design participants population funding concerns ratingUp ratingNote
              studyId pooledDesign recommendation { strength direction evidenceBasis text } } } }`,
      );
      // A guideline resting on trials starts high; its strong recommendation is shown, never graded.
      expect(dataOf(result).claim).toEqual({
        relationClass: 'THERAPEUTIC',
        certainty: 'HIGH',
        certaintySummary: 'high: a guideline',
        strength: 1,
        certaintyReasons: [
          {
            factor: 'DESIGN',
            change: 0,
            text: 'starts high: the best support is a guideline resting on trials',
          },
        ],
        evidence: [
          {
            design: null,
            participants: null,
            population: null,
            funding: null,
            concerns: [],
            ratingUp: [],
            ratingNote: 'Domains judged; none serious.',
            studyId: null,
            pooledDesign: null,
            recommendation: {
              strength: 'STRONG',
              direction: 'FOR',
              evidenceBasis: 'TRIALS',
              text: 'strong recommendation for (based on trials)',
            },
          },
        ],
      });
    });

    it('does not grade a claim that asserts no effect, and says why', async () => {
      const result = await get().client.run<{ claim: Record<string, unknown> }>(
        `{ claim(id: "claim:muscle-hypoperfusion--proposes--muscle-ischaemia") {
            certainty certaintyNote certaintySummary certaintyReasons { factor } strength } }`,
      );
      expect(dataOf(result).claim).toEqual({
        certainty: null,
        certaintyNote: 'not graded: it says what a theory holds, not that an effect exists',
        certaintySummary: 'not graded: it says what a theory holds, not that an effect exists',
        certaintyReasons: [],
        strength: 1,
      });
    });

    it('lists every relation with its class, what it connects and how it reads', async () => {
      const result = await get().client.run<{ relations: Record<string, unknown>[] }>(
        '{ relations { relation class fromKinds toKinds reads readsBackwards symmetric } }',
      );
      const { relations } = dataOf(result);
      expect(relations.map((rule) => rule['relation'])).toEqual(RELATIONS);
      expect(relations.find((rule) => rule['relation'] === 'ASSOCIATED_WITH')).toEqual({
        relation: 'ASSOCIATED_WITH',
        class: 'ASSOCIATIVE',
        fromKinds: ['MECHANISM', 'SYMPTOM', 'FINDING'],
        toKinds: ['MECHANISM', 'SYMPTOM', 'FINDING'],
        reads: 'is associated with',
        readsBackwards: 'is associated with',
        symmetric: true,
      });
      expect(relations.find((rule) => rule['relation'] === 'CONFLICTS_WITH')).toMatchObject({
        class: 'BETWEEN_THEORIES',
      });
    });
  });

  describe('theories', () => {
    it('lists theories and returns a theory with its subgraph', async () => {
      const result = await get().client.run<{
        theories: Named[];
        theory: { theory: Named; nodes: Named[]; claims: { id: string }[]; truncated: boolean };
        missing: null;
      }>(
        `{ theories { id name }
           theory(id: "${IDS.hypoperfusion}") { theory { id name } nodes { id name } claims { id } truncated }
           missing: theory(id: "theory:nothing") { truncated } }`,
      );
      const data = dataOf(result);
      expect(data.theories.map((theory) => theory.id)).toEqual([IDS.sensitization, IDS.hypoperfusion]);
      expect(data.missing).toBeNull();
      expect(data.theory.theory).toEqual({ id: IDS.hypoperfusion, name: 'Muscle hypoperfusion' });
      expect(data.theory.nodes.map((node) => node.id)).toEqual(
        expect.arrayContaining([IDS.hypoperfusion, IDS.ischaemia, IDS.vasomotor, IDS.myalgia, IDS.exercise]),
      );
      expect(data.theory.claims.length).toBeGreaterThanOrEqual(5);
      const notTheory = await get().client.run(`{ theory(id: "${IDS.myalgia}") { truncated } }`);
      expect(onlyError(notTheory).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    });

    it('maps the theories for a first screen: theories, their mechanisms and symptoms, no therapies', async () => {
      const result = await get().client.run<{
        overview: {
          nodes: (Named & { kind: string })[];
          claims: { id: string; relation: string }[];
          truncated: boolean;
        };
      }>(`{ overview { nodes { id name kind } claims { id relation } truncated } }`);
      const { overview } = dataOf(result);
      expect(overview.nodes.map((node) => node.id).sort()).toEqual(
        [
          IDS.brainFog,
          IDS.hypoperfusion,
          IDS.ischaemia,
          IDS.myalgia,
          IDS.sensitization,
          IDS.vasomotor,
        ].sort(),
      );
      expect(overview.truncated).toBe(false);
      const relations = new Set(overview.claims.map((claim) => claim.relation));
      expect(relations).toContain('PROPOSES');
      expect(relations).toContain('EXPLAINS');
      // Only claims between nodes on the map: the therapies' TARGETS and RELIEVES claims stay out.
      expect(overview.claims.map((claim) => claim.id)).toEqual([
        'claim:central-sensitization--explains--brain-fog',
        'claim:muscle-hypoperfusion--builds-on--central-sensitization',
        'claim:muscle-hypoperfusion--explains--myalgia',
        'claim:muscle-hypoperfusion--proposes--muscle-ischaemia',
        'claim:muscle-hypoperfusion--proposes--vasomotor-dysregulation',
        'claim:muscle-ischaemia--causes--myalgia',
        'claim:vasomotor-dysregulation--causes--muscle-ischaemia',
      ]);
    });

    it('says who the viewer is: null when anonymous, name and role when signed in', async () => {
      const anonymous = await get().client.run<{ viewer: unknown }>(`{ viewer { name role } }`);
      expect(dataOf(anonymous).viewer).toBeNull();
      const signedIn = await get().client.run<{ viewer: unknown }>(`{ viewer { name role } }`, {}, EDITOR);
      expect(dataOf(signedIn).viewer).toEqual({ name: EDITOR.name, role: 'EDITOR' });
    });

    it('compares theories: shared and unique mechanisms and a symptom coverage matrix', async () => {
      const result = await get().client.run<{ compareTheories: unknown }>(
        `query ($ids: [ID!]!) { compareTheories(ids: $ids) {
          theories { id }
          sharedMechanisms { id }
          uniqueMechanisms { theory { id } mechanisms { id } }
          coverage { symptom { id } explainedBy { id } covered }
        } }`,
        { ids: [IDS.hypoperfusion, IDS.sensitization] },
      );
      expect(dataOf(result).compareTheories).toEqual({
        theories: [{ id: IDS.hypoperfusion }, { id: IDS.sensitization }],
        sharedMechanisms: [],
        uniqueMechanisms: [
          { theory: { id: IDS.hypoperfusion }, mechanisms: [{ id: IDS.ischaemia }, { id: IDS.vasomotor }] },
          { theory: { id: IDS.sensitization }, mechanisms: [] },
        ],
        coverage: [
          { symptom: { id: IDS.brainFog }, explainedBy: [{ id: IDS.sensitization }], covered: [false, true] },
          { symptom: { id: IDS.myalgia }, explainedBy: [{ id: IDS.hypoperfusion }], covered: [true, false] },
        ],
      });
    });

    it('counts a symptom a proposed mechanism causes as explained, and shares common mechanisms', async () => {
      const { store } = get();
      const theory = await store.createNode({ kind: 'theory', name: 'Ischaemic pain' }, { actor: 't' });
      await store.createClaim(
        {
          from: theory.id,
          relation: 'PROPOSES',
          to: IDS.ischaemia,
          evidence: [{ sourceId: IDS.katz, note: 'n', level: 'hypothesis', stance: 'supports' }],
        },
        { actor: 't' },
      );
      const result = await get().client.run<{
        compareTheories: { sharedMechanisms: { id: string }[]; coverage: { covered: boolean[] }[] };
      }>(
        `{ compareTheories(ids: ["${IDS.hypoperfusion}", "${theory.id}"]) {
            sharedMechanisms { id } coverage { symptom { id } covered } } }`,
      );
      const comparison = dataOf(result).compareTheories;
      expect(comparison.sharedMechanisms).toEqual([{ id: IDS.ischaemia }]);
      // Myalgia: hypoperfusion explains it directly; the new theory through ischaemia CAUSES myalgia.
      expect(comparison.coverage).toEqual([
        { symptom: { id: IDS.brainFog }, covered: [false, false] },
        { symptom: { id: IDS.myalgia }, covered: [true, true] },
      ]);
    });

    it('refuses an empty, repeated or non-theory id list and names unknown ids', async () => {
      const run = (ids: string[]) =>
        get().client.run(`query ($ids: [ID!]!) { compareTheories(ids: $ids) { theories { id } } }`, { ids });
      for (const ids of [[], [IDS.hypoperfusion, IDS.hypoperfusion], [IDS.myalgia]]) {
        expect(onlyError(await run(ids)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
      }
      expect(onlyError(await run(['theory:nothing'])).extensions).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('weighing theories: the discrimination matrix, the research agenda and what-if weighting', () => {
    const MATRIX = `query ($theories: [ID!], $weighting: EvidenceWeighting) {
      discriminationMatrix(theories: $theories, weighting: $weighting) {
        theories { rank theory { id } consistent inconsistent silent weightAgainst }
        rowCount
        rows(first: 10) { subject { id } kind diagnosticity cells { theory { id } verdict contested claimIds } }
        csv
      } }`;
    interface Matrix {
      theories: { rank: number; theory: { id: string }; consistent: number }[];
      rowCount: number;
      rows: {
        subject: { id: string };
        kind: string;
        diagnosticity: number;
        cells: { verdict: string; claimIds: string[] }[];
      }[];
      csv: string;
    }
    const matrixOf = async (variables: Record<string, unknown>) =>
      dataOf(await get().client.run<{ discriminationMatrix: Matrix }>(MATRIX, variables))
        .discriminationMatrix;

    it('sets theories against findings, symptoms and therapy effects, ranked, with the claims behind each cell', async () => {
      const matrix = await matrixOf({ theories: [IDS.sensitization, IDS.hypoperfusion] });
      expect(matrix.theories.map((s) => [s.rank, s.theory.id, s.consistent])).toEqual([
        [1, IDS.hypoperfusion, 2],
        [2, IDS.sensitization, 1],
      ]);
      expect(matrix.rowCount).toBe(3);
      expect(
        matrix.rows.map((row) => [
          row.subject.id,
          row.kind,
          row.diagnosticity,
          row.cells.map((c) => c.verdict),
        ]),
      ).toEqual([
        [IDS.exercise, 'THERAPY_EFFECT', 0.5, ['CONSISTENT', 'SILENT']],
        [IDS.brainFog, 'SYMPTOM', 0.5, ['SILENT', 'CONSISTENT']],
        [IDS.myalgia, 'SYMPTOM', 0.5, ['CONSISTENT', 'SILENT']],
      ]);
      expect(matrix.rows[0]?.cells[0]?.claimIds).toEqual([
        'claim:aerobic-exercise--relieves--myalgia',
        'claim:aerobic-exercise--targets--muscle-ischaemia',
        'claim:muscle-hypoperfusion--proposes--muscle-ischaemia',
      ]);
      expect(matrix.csv.split('\r\n')[0]).toBe(
        'row_id,row,row_kind,diagnosticity,Muscle hypoperfusion,Central sensitization',
      );
      // Every theory, when none is named.
      expect((await matrixOf({})).theories).toHaveLength(2);
    });

    it('works the matrix out again without the evidence a what-if leaves out', async () => {
      const withoutGuideline = await matrixOf({ weighting: { leaveOutLevels: ['GUIDELINE'] } });
      // Exercise's relief rested on the guideline alone: no effect is left for the theory to expect.
      expect(withoutGuideline.rows.map((row) => row.subject.id)).toEqual([IDS.brainFog, IDS.myalgia]);
      const withoutEular = await matrixOf({ weighting: { leaveOutSources: [IDS.eular] } });
      expect(withoutEular.rows.map((row) => row.subject.id)).toEqual([IDS.myalgia]);
      expect(withoutEular.theories.map((s) => [s.theory.id, s.consistent])).toEqual([
        [IDS.hypoperfusion, 1],
        [IDS.sensitization, 0],
      ]);
    });

    it('names what is wrong with the theories asked for or the weighting', async () => {
      const run = (variables: Record<string, unknown>) => get().client.run(MATRIX, variables);
      for (const theories of [
        [IDS.hypoperfusion],
        [IDS.hypoperfusion, IDS.hypoperfusion],
        [IDS.hypoperfusion, IDS.myalgia],
      ]) {
        expect(onlyError(await run({ theories })).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'theories',
        });
      }
      expect(
        onlyError(await run({ theories: [IDS.hypoperfusion, 'theory:nothing'] })).extensions,
      ).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(
        onlyError(await run({ weighting: { leaveOutSources: ['symptom:x'] } })).extensions,
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'weighting.leaveOutSources[0]',
      });
    });

    it('ranks open questions by how many theories they would test, with status and decisive observation', async () => {
      const { client } = get();
      const create = async (name: string, status: string, theories: string[]) => {
        const created = dataOf(
          await client.run<{ createNode: { id: string } }>(
            `mutation ($input: CreateNodeInput!) { createNode(input: $input) { id } }`,
            { input: { kind: 'QUESTION', name, status, decisiveObservation: `What would settle: ${name}` } },
            EDITOR,
          ),
        ).createNode;
        for (const theory of theories) {
          await get().store.createClaim(
            {
              from: created.id,
              relation: 'TESTS',
              to: theory,
              evidence: [
                { sourceId: IDS.katz, note: 'Raised here.', level: 'hypothesis', stance: 'supports' },
              ],
            },
            { actor: 'ed' },
          );
        }
        return created.id;
      };
      const one = await create('Does blood flow fall in muscle?', 'OPEN', [IDS.hypoperfusion]);
      const both = await create('Which comes first?', 'OPEN', [IDS.hypoperfusion, IDS.sensitization]);
      const settled = await create('Was it settled?', 'REFUTED', [IDS.sensitization]);
      const agenda = async (query: string) =>
        dataOf(
          await client.run<{
            researchAgenda: {
              question: { id: string; status: string };
              separates: number;
              theories: { id: string }[];
            }[];
          }>(query),
        ).researchAgenda;
      const open = await agenda(
        `{ researchAgenda { question { id status decisiveObservation } separates theories { id } } }`,
      );
      expect(open.map((item) => [item.question.id, item.separates])).toEqual([
        [both, 2],
        [one, 1],
      ]);
      expect(open[0]?.theories).toEqual([{ id: IDS.sensitization }, { id: IDS.hypoperfusion }]);
      const all = await agenda(
        `{ researchAgenda(status: null) { question { id status } separates theories { id } } }`,
      );
      expect(all.map((item) => [item.question.id, item.question.status])).toEqual([
        [both, 'OPEN'],
        [one, 'OPEN'],
        [settled, 'REFUTED'],
      ]);
      const node = dataOf(
        await client.run<{ node: Record<string, unknown> }>(
          `query ($id: ID!) { node(id: $id) { kind ... on Concept { status decisiveObservation } } }`,
          {
            id: both,
          },
        ),
      ).node;
      expect(node).toEqual({
        kind: 'QUESTION',
        status: 'OPEN',
        decisiveObservation: 'What would settle: Which comes first?',
      });
    });

    it('weighs claims wherever they are read: by id, on a node, in a neighbourhood and on the map', async () => {
      const { client } = get();
      const result = dataOf(
        await client.run<{
          claim: { evidence: unknown[]; setAside: number; certainty: string; certaintySummary: string };
          node: { all: { id: string }[]; kept: { id: string; setAside: number }[] };
          neighborhood: { nodes: { id: string }[]; claims: { id: string }[] };
          overview: { claims: { id: string }[] };
          stored: { claims: { id: string }[] };
        }>(
          `query ($w: EvidenceWeighting) {
            claim(id: "claim:aerobic-exercise--relieves--myalgia", weighting: { leaveOutLevels: [GUIDELINE] }) {
              evidence { id } setAside certainty certaintySummary
            }
            node(id: "${IDS.myalgia}") { all: claims { id } kept: claims(weighting: $w) { id setAside } }
            neighborhood(id: "${IDS.heat}", weighting: $w) { nodes { id } claims { id } }
            overview(weighting: $w) { claims { id } }
            stored: overview { claims { id } }
          }`,
          { w: { leaveOutLevels: ['ANECDOTE'] } },
        ),
      );
      expect(result.claim).toEqual({
        evidence: [],
        setAside: 1,
        certainty: 'VERY_LOW',
        certaintySummary: 'very low: the what-if leaves none of its evidence in',
      });
      expect(result.node.all).toHaveLength(4);
      // The heat-therapy and hypoperfusion claims rest on the blog (anecdote) alone.
      expect(result.node.kept.map((claim) => claim.id).sort()).toEqual([
        'claim:aerobic-exercise--relieves--myalgia',
        'claim:muscle-ischaemia--causes--myalgia',
      ]);
      expect(result.neighborhood).toEqual({ nodes: [{ id: IDS.heat }], claims: [] });
      expect(result.stored.claims.map((c) => c.id)).toContain(
        'claim:muscle-hypoperfusion--explains--myalgia',
      );
      expect(result.overview.claims.map((c) => c.id)).not.toContain(
        'claim:muscle-hypoperfusion--explains--myalgia',
      );
    });
  });

  describe('contested, history and stats', () => {
    it('lists contested claims with evidence of both stances', async () => {
      const result = await get().client.run<{
        contested: { id: string; contested: boolean; evidence: { stance: string }[] }[];
      }>(`{ contested(first: 5) { id contested evidence { stance } } }`);
      const [claim, ...rest] = dataOf(result).contested;
      expect(rest).toEqual([]);
      expect(claim).toMatchObject({
        id: 'claim:muscle-hypoperfusion--builds-on--central-sensitization',
        contested: true,
      });
      expect(claim?.evidence.map((item) => item.stance).sort()).toEqual(['DISPUTES', 'SUPPORTS']);
    });

    it('pages through the change log newest first with cursors', async () => {
      type Page = {
        edges: { cursor: string; node: { seq: number } }[];
        nodes: {
          seq: number;
          action: string;
          targetType: string;
          actor: string;
          before: unknown;
          after: unknown;
        }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      const query = `query ($after: String) { history(first: 5, after: $after) {
        edges { cursor node { seq } } nodes { seq at actor action targetType targetId before after }
        pageInfo { hasNextPage endCursor } } }`;
      const seqs: number[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const result: { data: { history: Page } | null | undefined } = await get().client.run<{
          history: Page;
        }>(query, { after });
        const page: Page | undefined = result.data?.history;
        if (page === undefined) throw new Error('no page');
        pages += 1;
        expect(page.edges.map((edge) => edge.cursor)).toEqual(page.nodes.map((node) => String(node.seq)));
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        seqs.push(...page.nodes.map((node) => node.seq));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      // 3 sources, 8 nodes, 10 claims and one added evidence item.
      expect(seqs).toHaveLength(22);
      expect(pages).toBe(5);
      expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(22);

      const own = await get().client.run<{ history: Page }>(
        `{ history(targetId: "${IDS.myalgia}") { nodes { seq action targetType targetId actor before after } pageInfo { hasNextPage } } }`,
      );
      const { nodes, pageInfo } = dataOf(own).history;
      expect(pageInfo.hasNextPage).toBe(false);
      expect(nodes).toHaveLength(5);
      expect(nodes.at(-1)).toMatchObject({
        action: 'CREATE',
        targetType: 'NODE',
        targetId: IDS.myalgia,
        actor: 'curator',
        before: null,
        after: { id: IDS.myalgia, name: 'Myalgia' },
      });
      // Each change names what it touched in words: a node by its name, a claim by its reading.
      const labelled = await get().client.run<{
        history: { nodes: { targetType: string; targetId: string; targetLabel: string }[] };
      }>(`{ history(targetId: "${IDS.myalgia}") { nodes { targetType targetId targetLabel } } }`);
      const labels = dataOf(labelled).history.nodes;
      expect(labels.find((change) => change.targetType === 'NODE')?.targetLabel).toBe('Myalgia');
      const claimLabels = labels.filter((change) => change.targetType === 'CLAIM');
      expect(claimLabels.length).toBeGreaterThan(0);
      for (const change of claimLabels) {
        expect(change.targetLabel).toMatch(/myalgia/i);
        expect(change.targetLabel).not.toContain(':');
      }
      const bad = await get().client.run(`{ history(after: "not-a-cursor") { nodes { seq } } }`);
      expect(onlyError(bad).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('counts what is in the graph, every enum value listed', async () => {
      const result = await get().client.run<{ stats: Record<string, unknown> }>(
        `{ stats { nodes claims evidence changes contestedClaims
          nodesByKind { kind count } claimsByRelation { relation count }
          evidenceByLevel { level count } evidenceByStance { stance count }
          claimsByCertainty { certainty count } } }`,
      );
      const { stats } = dataOf(result);
      expect(stats).toMatchObject({ nodes: 11, claims: 10, evidence: 11, changes: 22, contestedClaims: 1 });
      expect(stats['nodesByKind']).toContainEqual({ kind: 'SOURCE', count: 3 });
      expect(stats['nodesByKind']).toContainEqual({ kind: 'ANATOMY', count: 0 });
      expect(stats['claimsByRelation']).toHaveLength(RELATIONS.length);
      expect(stats['claimsByRelation']).toContainEqual({ relation: 'ASSOCIATED_WITH', count: 0 });
      expect(stats['evidenceByLevel']).toContainEqual({ level: 'GUIDELINE', count: 2 });
      expect(stats['evidenceByStance']).toEqual([
        { stance: 'SUPPORTS', count: 10 },
        { stance: 'DISPUTES', count: 1 },
      ]);
      // Every grade listed, strongest first, adding up to the claims.
      const byCertainty = stats['claimsByCertainty'] as { certainty: string; count: number }[];
      expect(byCertainty.map((row) => row.certainty)).toEqual(['HIGH', 'MODERATE', 'LOW', 'VERY_LOW', null]);
      expect(byCertainty.reduce((total, row) => total + row.count, 0)).toBe(10);
    });
  });
}
