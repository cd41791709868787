/** Every mutation through executeOperation: auth, versions, error codes and concurrency. */
import { describe, expect, it } from 'vitest';
import { IDS } from '../contract/fixture-graph.ts';
import type { ApiFixture } from './graphql-api-suite.ts';
import { ADMIN, EDITOR, READER, dataOf, onlyError } from './graphql-client.ts';

const BUILDS_ON = 'claim:muscle-hypoperfusion--builds-on--central-sensitization';
const RELIEVES = 'claim:aerobic-exercise--relieves--myalgia';

const EVIDENCE = {
  sourceId: IDS.eular,
  note: 'Graded exercise is recommended.',
  level: 'GUIDELINE',
  stance: 'SUPPORTS',
};

/** One call of every mutation, valid for the fixture. */
const EVERY_MUTATION: readonly { name: string; query: string; variables: Record<string, unknown> }[] = [
  {
    name: 'createNode',
    query: `mutation ($input: CreateNodeInput!) { createNode(input: $input) { id } }`,
    variables: { input: { kind: 'SYMPTOM', name: 'Fatigue' } },
  },
  {
    name: 'updateNode',
    query: `mutation { updateNode(id: "${IDS.myalgia}", expectedVersion: 1, patch: { summary: "x" }) { id } }`,
    variables: {},
  },
  {
    name: 'deleteNode',
    query: `mutation { deleteNode(id: "${IDS.myalgia}", expectedVersion: 1) }`,
    variables: {},
  },
  {
    name: 'createSource',
    query: `mutation { createSource(input: { sourceKind: BOOK, title: "A book" }) { id } }`,
    variables: {},
  },
  {
    name: 'updateSource',
    query: `mutation { updateSource(id: "${IDS.katz}", expectedVersion: 1, patch: { pmid: "17000000" }) { id } }`,
    variables: {},
  },
  {
    name: 'createClaim',
    query: `mutation ($input: CreateClaimInput!) { createClaim(input: $input) { id } }`,
    variables: { input: { relation: 'RELIEVES', from: IDS.heat, to: IDS.brainFog, evidence: [EVIDENCE] } },
  },
  {
    name: 'updateClaim',
    query: `mutation { updateClaim(id: "${RELIEVES}", expectedVersion: 1, patch: { summary: "x" }) { id } }`,
    variables: {},
  },
  {
    name: 'deleteClaim',
    query: `mutation { deleteClaim(id: "${RELIEVES}", expectedVersion: 1) }`,
    variables: {},
  },
  {
    name: 'addEvidence',
    query: `mutation ($e: EvidenceInput!) { addEvidence(claimId: "${RELIEVES}", expectedVersion: 1, evidence: $e) { id } }`,
    variables: { e: { ...EVIDENCE, note: 'Another note.' } },
  },
  {
    name: 'removeEvidence',
    query: `mutation { removeEvidence(claimId: "${BUILDS_ON}", evidenceId: "evidence:x", expectedVersion: 2) { id } }`,
    variables: {},
  },
];

/** Registers the mutation tests; `get` returns the current test's fixture. */
export function mutationTests(get: () => ApiFixture): void {
  describe('mutations: who may write', () => {
    it('refuses every mutation without a viewer (UNAUTHENTICATED) or as a reader (FORBIDDEN), changing nothing', async () => {
      const before = await get().store.exportGraph();
      for (const mutation of EVERY_MUTATION) {
        const anonymous = await get().client.run(mutation.query, mutation.variables, null);
        expect(onlyError(anonymous).extensions, mutation.name).toEqual({ code: 'UNAUTHENTICATED' });
        const reader = await get().client.run(mutation.query, mutation.variables, READER);
        expect(onlyError(reader).extensions, mutation.name).toEqual({ code: 'FORBIDDEN' });
      }
      expect(await get().store.exportGraph()).toEqual(before);
    });
  });

  describe('mutations: nodes and sources', () => {
    it('creates, updates and deletes a node, recording the viewer as the actor', async () => {
      const { client } = get();
      const created = await client.run<{
        createNode: { id: string; kind: string; version: number; aliases: string[] };
      }>(
        `mutation ($input: CreateNodeInput!) { createNode(input: $input) { id kind name version aliases } }`,
        { input: { kind: 'SYMPTOM', name: 'Fatigue', aliases: ['Tiredness'] } },
        EDITOR,
      );
      expect(dataOf(created).createNode).toEqual({
        id: 'symptom:fatigue',
        kind: 'SYMPTOM',
        name: 'Fatigue',
        version: 1,
        aliases: ['Tiredness'],
      });
      const updated = await client.run<{ updateNode: unknown }>(
        `mutation { updateNode(id: "symptom:fatigue", expectedVersion: 1, patch: { summary: "Tiredness rest does not fix.", aliases: null }) { version summary aliases } }`,
        {},
        ADMIN,
      );
      expect(dataOf(updated).updateNode).toEqual({
        version: 2,
        summary: 'Tiredness rest does not fix.',
        aliases: [],
      });
      const deleted = await client.run<{ deleteNode: string }>(
        `mutation { deleteNode(id: "symptom:fatigue", expectedVersion: 2) }`,
        {},
        EDITOR,
      );
      expect(dataOf(deleted).deleteNode).toBe('symptom:fatigue');
      expect(await get().store.getNode('symptom:fatigue')).toBeNull();
      const history = await get().store.history({ targetId: 'symptom:fatigue' });
      expect(history.changes.map((change) => [change.action, change.actor])).toEqual([
        ['delete', 'ed'],
        ['update', 'ada'],
        ['create', 'ed'],
      ]);
    });

    it('answers BAD_USER_INPUT with the field, NOT_FOUND, and CONFLICT with the current version', async () => {
      const { client } = get();
      const create = (input: Record<string, unknown>) =>
        client.run(
          `mutation ($input: CreateNodeInput!) { createNode(input: $input) { id } }`,
          { input },
          EDITOR,
        );
      expect(onlyError(await create({ kind: 'SYMPTOM', name: '   ' })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'name',
      });
      expect(onlyError(await create({ kind: 'SOURCE', name: 'A paper' })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'kind',
      });
      expect(
        onlyError(await create({ kind: 'SYMPTOM', name: 'X', xrefs: ['not a curie'] })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'xrefs[0]' });
      expect(onlyError(await create({ kind: 'SYMPTOM', name: 'Myalgia' })).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ALREADY_EXISTS',
      });

      const update = (id: string, expectedVersion: number) =>
        client.run(
          `mutation ($id: ID!, $v: Int!) { updateNode(id: $id, expectedVersion: $v, patch: { summary: "s" }) { version } }`,
          { id, v: expectedVersion },
          EDITOR,
        );
      expect(onlyError(await update('symptom:nothing', 1)).extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(onlyError(await update(IDS.myalgia, 0)).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'expectedVersion',
      });
      expect(dataOf(await update(IDS.myalgia, 1))).toEqual({ updateNode: { version: 2 } });
      const stale = onlyError(await update(IDS.myalgia, 1));
      expect(stale.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'VERSION_CONFLICT',
        currentVersion: 2,
        expectedVersion: 1,
      });
      expect(stale.extensions['stacktrace']).toBeUndefined();

      const inUse = await client.run(
        `mutation { deleteNode(id: "${IDS.myalgia}", expectedVersion: 2) }`,
        {},
        EDITOR,
      );
      expect(onlyError(inUse).extensions).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE' });
    });

    it('lets exactly one of 10 parallel updates with the same expectedVersion win', async () => {
      const { client, store } = get();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          client.run<{ updateNode: { version: number } }>(
            `mutation ($s: String!) { updateNode(id: "${IDS.brainFog}", expectedVersion: 1, patch: { summary: $s }) { version summary } }`,
            { s: `edit ${i}` },
            { name: `editor-${i}`, role: 'editor' },
          ),
        ),
      );
      const wins = results.filter((result) => result.errors === undefined);
      const losses = results.filter((result) => result.errors !== undefined);
      expect(wins).toHaveLength(1);
      expect(wins[0]?.data?.updateNode.version).toBe(2);
      for (const loss of losses)
        expect(onlyError(loss).extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      expect((await store.getNode(IDS.brainFog))?.version).toBe(2);
    });

    it('creates and updates a source, and validates its identifiers', async () => {
      const { client } = get();
      const created = await client.run<{ createSource: Record<string, unknown> }>(
        `mutation { createSource(input: { sourceKind: REGULATORY_RECORD, title: "Device clearance", authors: ["Agency"], year: 2020, url: "https://example.org/k1" }) {
          id name sourceKind version year url } }`,
        {},
        EDITOR,
      );
      expect(dataOf(created).createSource).toEqual({
        id: 'source:agency-2020',
        name: 'Agency 2020',
        sourceKind: 'REGULATORY_RECORD',
        version: 1,
        year: 2020,
        url: 'https://example.org/k1',
      });
      const updated = await client.run<{ updateSource: unknown }>(
        `mutation { updateSource(id: "source:agency-2020", expectedVersion: 1, patch: { year: null, pmid: "123", sourceKind: null }) { version year pmid sourceKind } }`,
        {},
        EDITOR,
      );
      expect(dataOf(updated).updateSource).toEqual({
        version: 2,
        year: null,
        pmid: '123',
        sourceKind: 'REGULATORY_RECORD',
      });
      const badDoi = await client.run(
        `mutation { createSource(input: { sourceKind: PAPER, title: "T", doi: "doi:10.1/x" }) { id } }`,
        {},
        EDITOR,
      );
      expect(onlyError(badDoi).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'doi' });
      const badUrl = await client.run(
        `mutation { updateSource(id: "${IDS.katz}", expectedVersion: 1, patch: { url: "javascript:alert(1)" }) { id } }`,
        {},
        EDITOR,
      );
      expect(onlyError(badUrl).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    });
  });

  describe('mutations: claims and evidence', () => {
    it('creates an association with appraised evidence, graded with its concerns', async () => {
      const { client } = get();
      const created = await client.run<{ createClaim: Record<string, unknown> }>(
        `mutation ($input: CreateClaimInput!) { createClaim(input: $input) {
          id relation relationClass reading certainty certaintySummary
          certaintyReasons { factor change }
          evidence { design participants population funding concerns ratingNote } } }`,
        {
          input: {
            relation: 'ASSOCIATED_WITH',
            from: IDS.ischaemia,
            to: IDS.brainFog,
            evidence: [
              {
                ...EVIDENCE,
                level: 'OBSERVATIONAL',
                design: 'case-control',
                participants: 60,
                population: 'adults with fibromyalgia',
                funding: 'none declared',
                concerns: ['RISK_OF_BIAS'],
                ratingNote: 'Unblinded assessors.',
              },
            ],
          },
        },
        EDITOR,
      );
      expect(dataOf(created).createClaim).toEqual({
        id: 'claim:muscle-ischaemia--associated-with--brain-fog',
        relation: 'ASSOCIATED_WITH',
        relationClass: 'ASSOCIATIVE',
        reading: 'Muscle ischaemia is associated with brain fog',
        certainty: 'VERY_LOW',
        certaintySummary: 'very low: an observational study',
        certaintyReasons: [
          { factor: 'DESIGN', change: 0 },
          { factor: 'RISK_OF_BIAS', change: -1 },
        ],
        evidence: [
          {
            design: 'case-control',
            participants: 60,
            population: 'adults with fibromyalgia',
            funding: 'none declared',
            concerns: ['RISK_OF_BIAS'],
            ratingNote: 'Unblinded assessors.',
          },
        ],
      });
      const bad = await client.run(
        `mutation ($input: CreateClaimInput!) { createClaim(input: $input) { id } }`,
        {
          input: {
            relation: 'ASSOCIATED_WITH',
            from: IDS.ischaemia,
            to: IDS.myalgia,
            evidence: [{ ...EVIDENCE, participants: -3 }],
          },
        },
        EDITOR,
      );
      expect(onlyError(bad).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'evidence[0].participants',
      });
    });

    it('creates, updates and deletes a claim; adds and removes evidence, each with a new version', async () => {
      const { client } = get();
      const created = await client.run<{ createClaim: { id: string; version: number; reading: string } }>(
        `mutation ($input: CreateClaimInput!) { createClaim(input: $input) { id version reading from { id } to { id } evidence { id level } } }`,
        {
          input: {
            relation: 'RELIEVES',
            from: IDS.heat,
            to: IDS.brainFog,
            summary: 'Warmth may ease fog.',
            evidence: [{ ...EVIDENCE, level: 'ANECDOTE', sourceId: IDS.blog }],
          },
        },
        EDITOR,
      );
      const claim = dataOf(created).createClaim;
      expect(claim).toMatchObject({
        id: 'claim:heat-therapy--relieves--brain-fog',
        version: 1,
        reading: 'Heat therapy may relieve brain fog',
      });

      const updated = await client.run<{ updateClaim: unknown }>(
        `mutation { updateClaim(id: "${claim.id}", expectedVersion: 1, patch: { summary: null }) { version summary } }`,
        {},
        EDITOR,
      );
      expect(dataOf(updated).updateClaim).toEqual({ version: 2, summary: null });

      const added = await client.run<{
        addEvidence: { version: number; evidence: { id: string; stance: string }[]; contested: boolean };
      }>(
        `mutation ($e: EvidenceInput!) { addEvidence(claimId: "${claim.id}", expectedVersion: 2, evidence: $e) { version contested evidence { id stance } } }`,
        {
          e: {
            ...EVIDENCE,
            stance: 'DISPUTES',
            quote: 'No benefit was seen.',
            locator: 'p. 3',
            unverified: true,
          },
        },
        EDITOR,
      );
      const withTwo = dataOf(added).addEvidence;
      expect(withTwo).toMatchObject({ version: 3, contested: true });
      expect(withTwo.evidence).toHaveLength(2);
      const disputing = withTwo.evidence.find((item) => item.stance === 'DISPUTES');

      const removed = await client.run<{ removeEvidence: unknown }>(
        `mutation ($ev: ID!) { removeEvidence(claimId: "${claim.id}", evidenceId: $ev, expectedVersion: 3) { version contested } }`,
        { ev: disputing?.id },
        EDITOR,
      );
      expect(dataOf(removed).removeEvidence).toEqual({ version: 4, contested: false });

      const deleted = await client.run<{ deleteClaim: string }>(
        `mutation { deleteClaim(id: "${claim.id}", expectedVersion: 4) }`,
        {},
        EDITOR,
      );
      expect(dataOf(deleted).deleteClaim).toBe(claim.id);
      expect(await get().store.getClaim(claim.id)).toBeNull();
    });

    it('answers BAD_USER_INPUT naming the field for claims the model forbids', async () => {
      const { client } = get();
      const create = (input: Record<string, unknown>) =>
        client.run(
          `mutation ($input: CreateClaimInput!) { createClaim(input: $input) { id } }`,
          { input },
          EDITOR,
        );
      const base = { relation: 'RELIEVES', from: IDS.heat, to: IDS.brainFog, evidence: [EVIDENCE] };
      expect(onlyError(await create({ ...base, evidence: [] })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'evidence',
      });
      expect(onlyError(await create({ ...base, from: IDS.hypoperfusion })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'relation',
      });
      expect(
        onlyError(await create({ ...base, evidence: [{ ...EVIDENCE, note: null }] })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidence[0]' });
      expect(
        onlyError(await create({ ...base, evidence: [{ ...EVIDENCE, sourceId: IDS.myalgia }] })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidence[0].sourceId' });
      expect(onlyError(await create({ ...base, to: 'symptom:nothing' })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'to',
      });
      const last = await client.run(
        `mutation ($ev: ID!) { removeEvidence(claimId: "${RELIEVES}", evidenceId: $ev, expectedVersion: 1) { id } }`,
        { ev: (await get().store.getClaim(RELIEVES))?.evidence[0]?.id },
        EDITOR,
      );
      expect(onlyError(last).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      const stale = await client.run(
        `mutation { updateClaim(id: "${BUILDS_ON}", expectedVersion: 1, patch: { summary: "s" }) { id } }`,
        {},
        EDITOR,
      );
      expect(onlyError(stale).extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    });
  });
}
