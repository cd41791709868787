/**
 * The GraphStore contract: every port operation, run against each store by a factory. A store that
 * passes this suite is a drop-in replacement for any other.
 */
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  InUseError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
} from '../../server/src/domain/errors.ts';
import { summarizeEvidence } from '../../server/src/domain/evidence-summary.ts';
import { claimIdFor } from '../../server/src/domain/ids.ts';
import type { GraphStore } from '../../server/src/store/graph-store.ts';
import { buildFixtureGraph, CURATOR, IDS } from './fixture-graph.ts';
import { describeReviewContract } from './review-contract.ts';

/** Opens a fresh, empty store; `dispose` removes everything it created. */
export interface StoreHarness {
  open(): Promise<GraphStore>;
  /**
   * A second, empty store (for import round trips). A single-database server (Neo4j Community) may
   * wipe the first store's data to provide it, so tests call it last.
   */
  openEmpty(): Promise<GraphStore>;
  dispose(): Promise<void>;
}

/** Registers the whole contract suite for one store; a null harness registers it as skipped. */
export function describeStoreContract(name: string, harness: (() => StoreHarness) | null): void {
  describe.skipIf(harness === null)(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    let current: StoreHarness;

    beforeEach(async () => {
      if (harness === null) throw new Error('unreachable: the suite is skipped without a harness');
      current = harness();
      store = await current.open();
    });
    afterEach(async () => {
      await store.close();
      await current.dispose();
    });

    describeReviewContract(() => store);

    describe('nodes', () => {
      it('creates a node with a derived id, version 1 and timestamps', async () => {
        const node = await store.createNode(
          { kind: 'symptom', name: 'Brain fog', aliases: ['Fibro fog'], xrefs: ['HP:0033630'] },
          CURATOR,
        );
        expect(node).toMatchObject({
          id: 'symptom:brain-fog',
          kind: 'symptom',
          name: 'Brain fog',
          version: 1,
          aliases: ['Fibro fog'],
          xrefs: ['HP:0033630'],
        });
        expect(node.createdAt).toBe(node.updatedAt);
        expect(await store.getNode('symptom:brain-fog')).toEqual(node);
        expect(await store.getNode('symptom:nothing')).toBeNull();
      });

      it('rejects an unknown kind, a mismatched id prefix and a duplicate id', async () => {
        await expect(
          store.createNode({ kind: 'planet', name: 'Mars' } as never, CURATOR),
        ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'kind' });
        await expect(
          store.createNode({ id: 'theory:x', kind: 'symptom', name: 'X' }, CURATOR),
        ).rejects.toMatchObject({ field: 'id' });
        await expect(store.createNode({ kind: 'symptom', name: '  ' }, CURATOR)).rejects.toBeInstanceOf(
          ValidationError,
        );
        await store.createNode({ kind: 'symptom', name: 'Fatigue' }, CURATOR);
        await expect(store.createNode({ kind: 'symptom', name: 'Fatigue' }, CURATOR)).rejects.toBeInstanceOf(
          AlreadyExistsError,
        );
        expect((await store.stats()).nodes).toBe(1);
      });

      it('updates with the expected version and refuses a stale one, naming the current version', async () => {
        const node = await store.createNode({ kind: 'symptom', name: 'Fatigue' }, CURATOR);
        const updated = await store.updateNode(
          node.id,
          { summary: 'Tiredness that rest does not fix.' },
          1,
          CURATOR,
        );
        expect(updated).toMatchObject({
          version: 2,
          summary: 'Tiredness that rest does not fix.',
          createdAt: node.createdAt,
        });
        const stale = store.updateNode(node.id, { summary: 'Older edit' }, 1, CURATOR);
        await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
        await expect(stale).rejects.toMatchObject({ currentVersion: 2, expectedVersion: 1 });
        expect((await store.getNode(node.id))?.summary).toBe('Tiredness that rest does not fix.');
        await expect(store.updateNode('symptom:none', {}, 1, CURATOR)).rejects.toBeInstanceOf(NotFoundError);
      });

      it('lets exactly one of 20 concurrent updates with the same expectedVersion win', async () => {
        const node = await store.createNode({ kind: 'symptom', name: 'Fatigue' }, CURATOR);
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            store.updateNode(node.id, { summary: `edit ${i}` }, 1, { actor: `editor-${i}` }),
          ),
        );
        const wins = results.filter((result) => result.status === 'fulfilled');
        const losses = results.filter(
          (result): result is PromiseRejectedResult => result.status === 'rejected',
        );
        expect(wins).toHaveLength(1);
        expect(losses).toHaveLength(19);
        for (const loss of losses) {
          expect(loss.reason).toBeInstanceOf(VersionConflictError);
          expect(loss.reason).toMatchObject({ currentVersion: 2 });
        }
        const final = await store.getNode(node.id);
        expect(final?.version).toBe(2);
        const history = await store.history({ targetId: node.id });
        expect(history.changes.map((change) => change.action)).toEqual(['update', 'create']);
      });

      it('refuses to delete a node that claims use, and deletes it once they are gone', async () => {
        await buildFixtureGraph(store);
        const myalgia = await store.getNode(IDS.myalgia);
        await expect(store.deleteNode(IDS.myalgia, myalgia?.version ?? 0, CURATOR)).rejects.toBeInstanceOf(
          InUseError,
        );
        const lonely = await store.createNode({ kind: 'finding', name: 'Normal blood tests' }, CURATOR);
        await expect(store.deleteNode(lonely.id, 7, CURATOR)).rejects.toBeInstanceOf(VersionConflictError);
        await store.deleteNode(lonely.id, 1, CURATOR);
        expect(await store.getNode(lonely.id)).toBeNull();
        await expect(store.deleteNode(lonely.id, 1, CURATOR)).rejects.toBeInstanceOf(NotFoundError);
      });

      it("keeps a question's status and decisive observation, and refuses them on any other kind", async () => {
        const question = await store.createNode(
          {
            kind: 'question',
            name: 'Is muscle blood flow reduced?',
            decisiveObservation: 'Measure muscle perfusion in patients and controls.',
          },
          CURATOR,
        );
        expect(question).toMatchObject({ id: 'question:is-muscle-blood-flow-reduced', status: 'open' });
        const answered = await store.updateNode(question.id, { status: 'refuted' }, 1, CURATOR);
        expect(answered).toMatchObject({
          status: 'refuted',
          decisiveObservation: 'Measure muscle perfusion in patients and controls.',
          version: 2,
        });
        expect(await store.getNode(question.id)).toEqual(answered);
        await expect(
          store.createNode({ kind: 'question', name: 'No observation' }, CURATOR),
        ).rejects.toMatchObject({ field: 'decisiveObservation' });
        await expect(
          store.createNode({ kind: 'symptom', name: 'Fatigue', status: 'open' }, CURATOR),
        ).rejects.toMatchObject({ field: 'status' });
        await expect(
          store.updateNode(question.id, { status: 'maybe' as never }, 2, CURATOR),
        ).rejects.toMatchObject({ field: 'status' });
        const symptom = await store.createNode({ kind: 'symptom', name: 'Fatigue' }, CURATOR);
        expect(symptom).not.toHaveProperty('status');
        await expect(
          store.updateNode(symptom.id, { decisiveObservation: 'x' }, 1, CURATOR),
        ).rejects.toMatchObject({ field: 'decisiveObservation' });
        // A question tests theories, nothing else.
        await buildFixtureGraph(store);
        const tests = await store.createClaim(
          {
            from: question.id,
            relation: 'TESTS',
            to: IDS.hypoperfusion,
            evidence: [
              { sourceId: IDS.katz, note: 'Presented as testable.', level: 'hypothesis', stance: 'supports' },
            ],
          },
          CURATOR,
        );
        // A research link asserts no effect, so it is not graded.
        expect(tests).toMatchObject({ relation: 'TESTS', certainty: null, strength: 1 });
        await expect(
          store.createClaim(
            {
              from: question.id,
              relation: 'TESTS',
              to: IDS.myalgia,
              evidence: [{ sourceId: IDS.katz, note: 'n', level: 'hypothesis', stance: 'supports' }],
            },
            CURATOR,
          ),
        ).rejects.toMatchObject({ field: 'relation' });
      });

      it('lists nodes by kind in id order with a cursor', async () => {
        await buildFixtureGraph(store);
        const theories = await store.listNodes({ kinds: ['theory'] });
        expect(theories.map((node) => node.id)).toEqual([IDS.sensitization, IDS.hypoperfusion]);
        const page1 = await store.listNodes({ first: 4 });
        const page2 = await store.listNodes({ first: 4, after: page1.at(-1)?.id ?? '' });
        expect(page1).toHaveLength(4);
        expect((page2[0]?.id ?? '') > (page1.at(-1)?.id ?? '')).toBe(true);
        expect(new Set([...page1, ...page2].map((node) => node.id)).size).toBe(8);
      });
    });

    describe('sources', () => {
      it('creates a source with a short-citation name and validates identifiers', async () => {
        await buildFixtureGraph(store);
        const katz = await store.getSource(IDS.katz);
        expect(katz).toMatchObject({
          kind: 'source',
          name: 'Katz et al. 2007',
          sourceKind: 'paper',
          doi: '10.1016/j.mehy.2005.10.037',
          pmid: null,
          year: 2007,
        });
        expect(await store.getSource(IDS.myalgia)).toBeNull();
        await expect(
          store.createSource({ sourceKind: 'paper', title: 'T', doi: 'doi:10.1/x' }, CURATOR),
        ).rejects.toMatchObject({ field: 'doi' });
        await expect(
          store.createSource({ sourceKind: 'paper', title: 'T', url: 'javascript:alert(1)' }, CURATOR),
        ).rejects.toMatchObject({ field: 'url' });
        await expect(
          store.createSource({ sourceKind: 'tweet', title: 'T' } as never, CURATOR),
        ).rejects.toMatchObject({ field: 'sourceKind' });
      });

      it('updates a source, and refuses to delete one that evidence cites', async () => {
        await buildFixtureGraph(store);
        const updated = await store.updateSource(IDS.katz, { pmid: '17000000' }, 1, CURATOR);
        expect(updated).toMatchObject({
          version: 2,
          pmid: '17000000',
          title: expect.stringContaining('muscle hypoperfusion') as unknown,
        });
        await expect(store.updateSource(IDS.myalgia, { title: 'x' }, 1, CURATOR)).rejects.toMatchObject({
          field: 'id',
        });
        await expect(store.updateNode(IDS.katz, { name: 'x' }, 2, CURATOR)).rejects.toMatchObject({
          field: 'id',
        });
        await expect(store.deleteNode(IDS.katz, 2, CURATOR)).rejects.toBeInstanceOf(InUseError);
      });

      it('lists the claims citing a source by id, a page at a time, as evidence comes and goes', async () => {
        await buildFixtureGraph(store);
        const ids = (claims: readonly { id: string }[]) => claims.map((claim) => claim.id);
        const katz = [
          claimIdFor(IDS.hypoperfusion, 'PROPOSES', IDS.vasomotor),
          claimIdFor(IDS.hypoperfusion, 'PROPOSES', IDS.ischaemia),
          claimIdFor(IDS.vasomotor, 'CAUSES', IDS.ischaemia),
          claimIdFor(IDS.ischaemia, 'CAUSES', IDS.myalgia),
          claimIdFor(IDS.exercise, 'TARGETS', IDS.ischaemia),
        ].sort();
        expect(ids(await store.claimsCiting(IDS.katz))).toEqual(katz);
        const firstPage = await store.claimsCiting(IDS.katz, { first: 2 });
        const rest = await store.claimsCiting(IDS.katz, { after: firstPage.at(-1)?.id ?? '' });
        expect([...ids(firstPage), ...ids(rest)]).toEqual(katz);

        // A claim citing the source twice is listed once; it goes when its last such item goes.
        const heat = claimIdFor(IDS.heat, 'RELIEVES', IDS.myalgia);
        const note = (text: string) => ({
          sourceId: IDS.katz,
          note: text,
          level: 'hypothesis',
          stance: 'supports',
        });
        const once = await store.addEvidence(heat, note('Warmth dilates vessels.') as never, 1, CURATOR);
        const twice = await store.addEvidence(heat, note('Again, in the discussion.') as never, 2, CURATOR);
        expect(ids(await store.claimsCiting(IDS.katz))).toEqual([...katz, heat].sort());
        await store.removeEvidence(heat, once.evidence[1]?.id ?? '', 3, CURATOR);
        expect(ids(await store.claimsCiting(IDS.katz))).toContain(heat);
        await store.removeEvidence(heat, twice.evidence[2]?.id ?? '', 4, CURATOR);
        expect(ids(await store.claimsCiting(IDS.katz))).toEqual(katz);

        // Claims come whole: the contested one, listed under the guideline, keeps both items.
        const eular = await store.claimsCiting(IDS.eular);
        expect(eular.find((claim) => claim.contested)?.evidence).toHaveLength(2);
        await expect(store.claimsCiting(IDS.myalgia)).rejects.toMatchObject({ field: 'id' });
        await expect(store.claimsCiting('source:none')).rejects.toBeInstanceOf(NotFoundError);
        await expect(store.claimsCiting(IDS.katz, { first: 0 })).rejects.toMatchObject({ field: 'first' });
        // A cursor is only ever compared as a string ("'" sorts before every claim id).
        expect(ids(await store.claimsCiting(IDS.katz, { after: "' OR 1=1 //" }))).toEqual(katz);
      });
    });

    describe('claims and evidence', () => {
      it('creates a claim whose certainty, strength, best level and contested flag derive from its evidence', async () => {
        await buildFixtureGraph(store);
        const relieves = await store.getClaim('claim:aerobic-exercise--relieves--myalgia');
        expect(relieves).toMatchObject({
          relation: 'RELIEVES',
          from: IDS.exercise,
          to: IDS.myalgia,
          // A guideline resting on trials starts high; one source alone is no reason to rate down.
          certainty: 'high',
          strength: 1,
          bestLevel: 'guideline',
          contested: false,
          supportCount: 1,
          disputeCount: 0,
          version: 1,
        });
        const buildsOn = await store.getClaim('claim:muscle-hypoperfusion--builds-on--central-sensitization');
        expect(buildsOn).toMatchObject({
          contested: true,
          bestLevel: 'guideline',
          // How two theories relate is not graded, whatever its evidence; it stays contested.
          certainty: null,
          strength: 1,
          supportCount: 1,
          disputeCount: 1,
          version: 2,
        });
      });

      it('rejects relations outside the table, claims without evidence and dangling ids', async () => {
        await buildFixtureGraph(store);
        const evidence = [
          { sourceId: IDS.katz, note: 'n', level: 'hypothesis', stance: 'supports' },
        ] as const;
        await expect(
          store.createClaim(
            { from: IDS.myalgia, relation: 'PROPOSES', to: IDS.ischaemia, evidence },
            CURATOR,
          ),
        ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'relation' });
        await expect(
          store.createClaim(
            { from: IDS.myalgia, relation: 'CURES', to: IDS.ischaemia, evidence } as never,
            CURATOR,
          ),
        ).rejects.toMatchObject({ field: 'relation' });
        await expect(
          store.createClaim(
            { from: IDS.heat, relation: 'TARGETS', to: IDS.vasomotor, evidence: [] },
            CURATOR,
          ),
        ).rejects.toMatchObject({ field: 'evidence' });
        await expect(
          store.createClaim(
            { from: 'therapy:ghost', relation: 'TARGETS', to: IDS.vasomotor, evidence },
            CURATOR,
          ),
        ).rejects.toMatchObject({ field: 'from' });
        await expect(
          store.createClaim(
            { from: IDS.heat, relation: 'TARGETS', to: 'mechanism:ghost', evidence },
            CURATOR,
          ),
        ).rejects.toMatchObject({ field: 'to' });
        await expect(
          store.createClaim(
            {
              from: IDS.heat,
              relation: 'TARGETS',
              to: IDS.vasomotor,
              evidence: [{ ...evidence[0], sourceId: 'source:ghost' }],
            },
            CURATOR,
          ),
        ).rejects.toMatchObject({ field: 'evidence[0].sourceId' });
        await expect(
          store.createClaim(
            {
              from: IDS.heat,
              relation: 'TARGETS',
              to: IDS.vasomotor,
              evidence: [{ sourceId: IDS.katz, level: 'hypothesis', stance: 'supports' }],
            },
            CURATOR,
          ),
        ).rejects.toMatchObject({ field: 'evidence[0]' });
        await expect(
          store.createClaim(
            {
              from: IDS.heat,
              relation: 'TARGETS',
              to: IDS.vasomotor,
              evidence: [{ ...evidence[0], level: 'gossip' }],
            } as never,
            CURATOR,
          ),
        ).rejects.toMatchObject({ field: 'evidence[0].level' });
        await expect(
          store.createClaim(
            { from: IDS.exercise, relation: 'RELIEVES', to: IDS.myalgia, id: 'claim:another', evidence },
            CURATOR,
          ),
        ).rejects.toBeInstanceOf(AlreadyExistsError);
        expect((await store.stats()).claims).toBe(10);
      });

      it('adds and removes evidence with version checks, keeping at least one item', async () => {
        await buildFixtureGraph(store);
        const id = 'claim:heat-therapy--relieves--myalgia';
        const added = await store.addEvidence(
          id,
          {
            sourceId: IDS.katz,
            note: 'Warmth dilates vessels.',
            level: 'hypothesis',
            stance: 'supports',
            locator: 'Discussion',
          },
          1,
          CURATOR,
        );
        expect(added).toMatchObject({
          version: 2,
          supportCount: 2,
          bestLevel: 'hypothesis',
          certainty: 'very-low',
          strength: 0.25,
        });
        expect(added.evidence[1]).toMatchObject({
          sourceId: IDS.katz,
          locator: 'Discussion',
          quote: null,
          unverified: false,
        });
        await expect(
          store.addEvidence(
            id,
            { sourceId: IDS.katz, note: 'again', level: 'rct', stance: 'supports' },
            1,
            CURATOR,
          ),
        ).rejects.toBeInstanceOf(VersionConflictError);
        const firstId = added.evidence[0]?.id ?? '';
        const removed = await store.removeEvidence(id, firstId, 2, CURATOR);
        expect(removed.evidence.map((item) => item.id)).toEqual([added.evidence[1]?.id]);
        await expect(store.removeEvidence(id, added.evidence[1]?.id ?? '', 3, CURATOR)).rejects.toMatchObject(
          { field: 'evidenceId' },
        );
        await expect(store.removeEvidence(id, 'evidence:nope', 3, CURATOR)).rejects.toMatchObject({
          field: 'evidenceId',
        });
      });

      it('restores a claim whole in one write, keeping evidence ids and order, and names the change', async () => {
        await buildFixtureGraph(store);
        const id = 'claim:heat-therapy--relieves--myalgia';
        const one = {
          sourceId: IDS.katz,
          note: 'Warmth dilates vessels.',
          level: 'hypothesis',
          stance: 'supports',
        } as const;
        const two = {
          sourceId: IDS.eular,
          note: 'Not recommended.',
          level: 'guideline',
          stance: 'disputes',
        } as const;
        let claim = await store.addEvidence(id, one, 1, CURATOR);
        claim = await store.addEvidence(id, two, 2, CURATOR);
        const [first, middle, last] = claim.evidence;
        if (first === undefined || middle === undefined || last === undefined)
          throw new Error('3 items expected');
        claim = await store.removeEvidence(id, middle.id, 3, CURATOR);
        const changesBefore = (await store.stats()).changes;

        // Put the removed item back in the middle: one change, recorded as the addition it amounts to.
        const restored = await store.restoreClaim(
          id,
          { relation: claim.relation, summary: claim.summary ?? null, evidence: [first, middle, last] },
          4,
          CURATOR,
        );
        expect(restored.evidence.map((item) => item.id)).toEqual([first.id, middle.id, last.id]);
        expect(restored).toMatchObject({ version: 5, contested: true });
        expect((await store.getClaim(id))?.evidence).toEqual(restored.evidence);
        expect((await store.stats()).changes).toBe(changesBefore + 1);
        const [latest] = (await store.history({ targetId: id, first: 1 })).changes;
        expect(latest).toMatchObject({ action: 'add-evidence', actor: CURATOR.actor });

        // A summary too: an update.
        const updated = await store.restoreClaim(
          id,
          { relation: 'RELIEVES', summary: 'Heat eases muscle pain.', evidence: [last] },
          5,
          CURATOR,
        );
        expect(updated).toMatchObject({ summary: 'Heat eases muscle pain.', version: 6 });
        expect(updated.evidence.map((item) => item.id)).toEqual([last.id]);
        expect((await store.history({ targetId: id, first: 1 })).changes[0]).toMatchObject({
          action: 'update',
        });

        // A relation, on a claim between theories (Neo4j writes the relationship anew).
        const between = 'claim:muscle-hypoperfusion--builds-on--central-sensitization';
        const theories = await store.getClaim(between);
        if (theories === null) throw new Error('fixture claim missing');
        const flipped = await store.restoreClaim(
          between,
          { relation: 'CONFLICTS_WITH', summary: null, evidence: theories.evidence },
          theories.version,
          CURATOR,
        );
        expect(flipped).toMatchObject({ relation: 'CONFLICTS_WITH', version: theories.version + 1 });
        expect((await store.getClaim(between))?.evidence).toEqual(theories.evidence);
        expect((await store.claimsOf(IDS.hypoperfusion, 'out')).find((c) => c.id === between)?.relation).toBe(
          'CONFLICTS_WITH',
        );
      });

      it('refuses a restore that is stale, empty, doubled, unsourced or breaks the relation table', async () => {
        await buildFixtureGraph(store);
        const id = 'claim:heat-therapy--relieves--myalgia';
        const claim = await store.getClaim(id);
        if (claim === null) throw new Error('fixture claim missing');
        const restore = { relation: claim.relation, summary: null, evidence: claim.evidence };
        await expect(store.restoreClaim(id, restore, 7, CURATOR)).rejects.toBeInstanceOf(
          VersionConflictError,
        );
        await expect(store.restoreClaim(id, { ...restore, evidence: [] }, 1, CURATOR)).rejects.toMatchObject({
          field: 'evidence',
        });
        const [item] = claim.evidence;
        if (item === undefined) throw new Error('fixture evidence missing');
        await expect(
          store.restoreClaim(id, { ...restore, evidence: [item, item] }, 1, CURATOR),
        ).rejects.toMatchObject({ field: 'evidence' });
        await expect(
          store.restoreClaim(
            id,
            { ...restore, evidence: [{ ...item, sourceId: 'source:nowhere' }] },
            1,
            CURATOR,
          ),
        ).rejects.toMatchObject({ field: 'evidence[0].sourceId' });
        await expect(
          store.restoreClaim(id, { ...restore, relation: 'PROPOSES' }, 1, CURATOR),
        ).rejects.toMatchObject({ field: 'relation' });
        await expect(store.restoreClaim('claim:nope', restore, 1, CURATOR)).rejects.toBeInstanceOf(
          NotFoundError,
        );
        // Nothing was written.
        expect(await store.getClaim(id)).toEqual(claim);
      });

      it('updates a claim (relation re-checked against the table) and deletes it', async () => {
        await buildFixtureGraph(store);
        const id = 'claim:muscle-hypoperfusion--builds-on--central-sensitization';
        const changed = await store.updateClaim(
          id,
          { relation: 'CONFLICTS_WITH', summary: 'They disagree.' },
          2,
          CURATOR,
        );
        expect(changed).toMatchObject({ relation: 'CONFLICTS_WITH', summary: 'They disagree.', version: 3 });
        await expect(store.updateClaim(id, { relation: 'RELIEVES' }, 3, CURATOR)).rejects.toMatchObject({
          field: 'relation',
        });
        await expect(store.deleteClaim(id, 2, CURATOR)).rejects.toBeInstanceOf(VersionConflictError);
        await store.deleteClaim(id, 3, CURATOR);
        expect(await store.getClaim(id)).toBeNull();
        expect((await store.claimsOf(IDS.sensitization)).map((claim) => claim.id)).toEqual([
          'claim:central-sensitization--explains--brain-fog',
        ]);
      });

      it('stores an association with appraised evidence whole, grades it, reads paths through it as associative, and exports it', async () => {
        await buildFixtureGraph(store);
        const appraised = {
          sourceId: IDS.katz,
          note: 'Ischaemia scores tracked brain fog in a small cross-sectional sample.',
          stance: 'supports' as const,
          level: 'observational' as const,
          design: 'cross-sectional',
          participants: 40,
          population: 'women with fibromyalgia (ACR 1990 criteria)',
          funding: 'industry-funded',
          concerns: ['imprecise', 'indirect'] as const,
          ratingNote: 'Small sample; fog measured by a single questionnaire item.',
        };
        const created = await store.createClaim(
          { from: IDS.ischaemia, relation: 'ASSOCIATED_WITH', to: IDS.brainFog, evidence: [appraised] },
          CURATOR,
        );
        expect(created.id).toBe('claim:muscle-ischaemia--associated-with--brain-fog');
        expect(created.evidence[0]).toMatchObject({
          ...appraised,
          // Stored in the vocabulary's order, whatever order they came in.
          concerns: ['indirect', 'imprecise'],
          unverified: false,
        });
        // Observational starts low; one source and the concerns take it to the floor.
        expect(created).toMatchObject({ certainty: 'very-low', strength: 0.25 });
        expect(await store.getClaim(created.id)).toEqual(created);
        const { paths } = await store.paths(IDS.exercise, IDS.brainFog, { maxHops: 2 });
        expect(paths.map((path) => [path.nature, path.hops.map((hop) => hop.relation)])).toEqual([
          ['associative', ['TARGETS', 'ASSOCIATED_WITH']],
        ]);
        const exported = await store.exportGraph();
        expect(exported.claims.find((claim) => claim.id === created.id)?.evidence[0]).toMatchObject({
          participants: 40,
          concerns: ['indirect', 'imprecise'],
        });
        await expect(
          store.createClaim(
            {
              from: IDS.ischaemia,
              relation: 'ASSOCIATED_WITH',
              to: IDS.myalgia,
              evidence: [{ ...appraised, participants: 0 }],
            },
            CURATOR,
          ),
        ).rejects.toMatchObject({ field: 'evidence[0].participants' });
        await expect(
          store.createClaim(
            {
              from: IDS.ischaemia,
              relation: 'ASSOCIATED_WITH',
              to: IDS.myalgia,
              evidence: [{ ...appraised, concerns: ['biased'] as never }],
            },
            CURATOR,
          ),
        ).rejects.toMatchObject({ field: 'evidence[0].concerns[0]' });
        await expect(
          store.createClaim(
            { from: IDS.exercise, relation: 'ASSOCIATED_WITH', to: IDS.myalgia, evidence: [appraised] },
            CURATOR,
          ),
        ).rejects.toMatchObject({ field: 'relation' });
      });

      it("lists a node's claims by direction", async () => {
        await buildFixtureGraph(store);
        const out = await store.claimsOf(IDS.ischaemia, 'out');
        const incoming = await store.claimsOf(IDS.ischaemia, 'in');
        expect(out.map((claim) => claim.to)).toEqual([IDS.myalgia]);
        expect(incoming.map((claim) => claim.from)).toEqual([IDS.exercise, IDS.hypoperfusion, IDS.vasomotor]);
        expect(await store.claimsOf(IDS.ischaemia)).toHaveLength(4);
        await expect(store.claimsOf('symptom:none')).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    describe('history', () => {
      it('records who changed what, before and after, newest first, with cursor pages', async () => {
        await buildFixtureGraph(store);
        const node = await store.createNode({ kind: 'symptom', name: 'Fatigue' }, { actor: 'alice' });
        await store.updateNode(node.id, { summary: 'Tired.' }, 1, { actor: 'bob' });
        const page = await store.history({ first: 2 });
        expect(page.changes.map((change) => [change.action, change.actor, change.targetId])).toEqual([
          ['update', 'bob', node.id],
          ['create', 'alice', node.id],
        ]);
        expect(page.changes[0]?.before).toMatchObject({ summary: '', version: 1 });
        expect(page.changes[0]?.after).toMatchObject({ summary: 'Tired.', version: 2 });
        expect(page.changes[0]?.seq).toBeGreaterThan(page.changes[1]?.seq ?? Infinity);
        const all: number[] = [];
        let cursor: string | undefined;
        do {
          const next = await store.history({ first: 7, ...(cursor === undefined ? {} : { after: cursor }) });
          all.push(...next.changes.map((change) => change.seq));
          cursor = next.nextCursor ?? undefined;
        } while (cursor !== undefined);
        expect(all).toHaveLength(3 + 8 + 10 + 1 + 2);
        expect(new Set(all).size).toBe(all.length);
        expect([...all].sort((a, b) => b - a)).toEqual(all);
      });

      it("includes a node's claim changes in the node's history", async () => {
        await buildFixtureGraph(store);
        const changes = (await store.history({ targetId: IDS.sensitization })).changes;
        expect(changes.map((change) => [change.action, change.targetId])).toEqual([
          ['add-evidence', 'claim:muscle-hypoperfusion--builds-on--central-sensitization'],
          ['create', 'claim:muscle-hypoperfusion--builds-on--central-sensitization'],
          ['create', 'claim:central-sensitization--explains--brain-fog'],
          ['create', IDS.sensitization],
        ]);
        await expect(store.history({ after: 'not-a-cursor' })).rejects.toMatchObject({ field: 'after' });
      });

      it('finds one change by its sequence number', async () => {
        const node = await store.createNode({ kind: 'symptom', name: 'Fatigue' }, { actor: 'alice' });
        await store.updateNode(node.id, { summary: 'Tired.' }, 1, { actor: 'bob' });
        const [latest] = (await store.history({ first: 1 })).changes;
        if (latest === undefined) throw new Error('expected a change');
        const found = await store.getChange(latest.seq);
        expect(found).toEqual(latest);
        expect(found).toMatchObject({
          action: 'update',
          actor: 'bob',
          targetType: 'node',
          targetId: node.id,
        });
        expect(await store.getChange(latest.seq + 1000)).toBeNull();
      });

      it('does not record a change that failed', async () => {
        await buildFixtureGraph(store);
        const before = (await store.stats()).changes;
        await expect(
          store.updateNode(IDS.myalgia, { xrefs: ['not a curie'] }, 1, CURATOR),
        ).rejects.toMatchObject({ field: 'xrefs[0]' });
        await expect(store.updateNode(IDS.myalgia, { name: 'x' }, 9, CURATOR)).rejects.toBeInstanceOf(
          VersionConflictError,
        );
        expect((await store.stats()).changes).toBe(before);
      });

      it('reports a revision that moves with every write and never with a read', async () => {
        await buildFixtureGraph(store);
        const start = await store.revision();
        expect(start).not.toBeNull();
        await store.neighborhood(IDS.myalgia, { depth: 2 });
        await store.search('myalgia');
        expect(await store.revision()).toBe(start);
        await store.updateNode(IDS.myalgia, { summary: 'Muscle pain, revised.' }, 1, CURATOR);
        const afterWrite = await store.revision();
        expect(afterWrite).not.toBe(start);
        // A refused write changes nothing, but moving the revision anyway is allowed (a cache miss).
        await expect(store.updateNode(IDS.myalgia, { name: 'x' }, 1, CURATOR)).rejects.toBeInstanceOf(
          VersionConflictError,
        );
        await store.getNode(IDS.myalgia);
        const afterRefusal = await store.revision();
        await store.updateNode(IDS.myalgia, { summary: 'Muscle pain, again.' }, 2, CURATOR);
        expect(await store.revision()).not.toBe(afterRefusal);
        expect(await store.revision()).not.toBe(afterWrite);
      });

      it('shares rate-limit windows through the store when several processes may share it', async () => {
        const take = store.takeRateSlot?.bind(store);
        if (take === undefined) {
          // One process owns an embedded store, so its rate limits rightly live in that process.
          expect(name).toBe('embedded');
          return;
        }
        const key = `contract:${Math.random()}`;
        for (let i = 0; i < 3; i += 1)
          expect(await take(key, 3, 60_000)).toEqual({ allowed: true, retryAfterMs: 0 });
        const refused = await take(key, 3, 60_000);
        expect(refused.allowed).toBe(false);
        expect(refused.retryAfterMs).toBeGreaterThan(0);
        expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
        // Another key has its own window; a tiny window empties again.
        expect((await take(`${key}:other`, 3, 60_000)).allowed).toBe(true);
        expect((await take(`${key}:short`, 1, 50)).allowed).toBe(true);
        expect((await take(`${key}:short`, 1, 50)).allowed).toBe(false);
        await new Promise((resolve) => setTimeout(resolve, 120));
        expect((await take(`${key}:short`, 1, 50)).allowed).toBe(true);
      });

      it('gives back bookmarks after a write and reads after the bookmarks it is given', async () => {
        if (store.withBookmarks === undefined || store.writtenBookmarks === undefined) {
          // One process and one copy: every read already follows every acknowledged write.
          expect(name).toBe('embedded');
          return;
        }
        const scoped = <T>(after: readonly string[], work: () => Promise<T>) =>
          (store.withBookmarks as NonNullable<GraphStore['withBookmarks']>)(after, work);
        await buildFixtureGraph(store);
        const written = await scoped([], async () => {
          expect(store.writtenBookmarks?.()).toEqual([]);
          await store.getNode(IDS.myalgia);
          // A read alone has nothing to give back.
          expect(store.writtenBookmarks?.()).toEqual([]);
          await store.updateNode(IDS.myalgia, { summary: 'Muscle pain, bookmarked.' }, 1, CURATOR);
          return store.writtenBookmarks?.() ?? [];
        });
        expect(written.length).toBeGreaterThan(0);
        const seen = await scoped(written, () => store.getNode(IDS.myalgia));
        expect(seen?.summary).toBe('Muscle pain, bookmarked.');
        await expect(
          scoped(['FB:not-a-real-bookmark'], () => store.getNode(IDS.myalgia)),
        ).rejects.toMatchObject({
          field: 'bookmark',
        });
      });
    });

    describe('search', () => {
      beforeEach(async () => {
        await buildFixtureGraph(store);
      });

      it('ranks an exact name first and finds by prefix, alias and CURIE', async () => {
        expect((await store.search('Brain fog'))[0]).toMatchObject({
          node: { id: IDS.brainFog },
          matchedField: 'name',
        });
        expect((await store.search('brai'))[0]?.node.id).toBe(IDS.brainFog);
        expect((await store.search('fibro fo'))[0]).toMatchObject({
          node: { id: IDS.brainFog },
          matchedField: 'alias',
        });
        expect((await store.search('HP:0033630'))[0]).toMatchObject({
          node: { id: IDS.brainFog },
          matchedField: 'xref',
        });
        expect((await store.search('muscle')).map((hit) => hit.node.id)).toEqual(
          expect.arrayContaining([IDS.ischaemia, IDS.hypoperfusion, IDS.myalgia]),
        );
      });

      it('folds case, diacritics and ß the same way in both stores', async () => {
        const node = await store.createNode(
          { kind: 'finding', name: 'Süßmann sign', aliases: ['Señal de Süßmann'] },
          CURATOR,
        );
        expect((await store.search('sussmann'))[0]?.node.id).toBe(node.id);
        expect((await store.search('SENAL de'))[0]).toMatchObject({
          node: { id: node.id },
          matchedField: 'alias',
        });
      });

      it('filters by kind, caps results and survives hostile text', async () => {
        const hits = await store.search('muscle', { kinds: ['symptom'] });
        expect(hits.map((hit) => hit.node.id)).toEqual([IDS.myalgia]);
        expect(await store.search('muscle', { first: 1 })).toHaveLength(1);
        for (const text of [
          '"',
          "' OR 1=1 --",
          'MATCH (n) DETACH DELETE n',
          'brain* OR NEAR(',
          '(((',
          '\\',
          'a:b:c',
          '*',
          '',
        ]) {
          await expect(store.search(text)).resolves.toBeInstanceOf(Array);
        }
        expect((await store.stats()).nodes).toBe(11);
        await expect(store.search('x', { first: 1000 })).rejects.toMatchObject({ field: 'first' });
      });
    });

    describe('neighbourhood', () => {
      beforeEach(async () => {
        await buildFixtureGraph(store);
      });

      it('returns direct neighbours and the claims among them', async () => {
        const around = await store.neighborhood(IDS.ischaemia);
        expect(around.nodes.map((node) => node.id)).toEqual(
          [IDS.vasomotor, IDS.ischaemia, IDS.myalgia, IDS.exercise, IDS.hypoperfusion].sort(),
        );
        expect(around.claims.map((claim) => claim.id)).toEqual(
          [
            'claim:aerobic-exercise--relieves--myalgia',
            'claim:aerobic-exercise--targets--muscle-ischaemia',
            'claim:muscle-hypoperfusion--explains--myalgia',
            'claim:muscle-hypoperfusion--proposes--muscle-ischaemia',
            'claim:muscle-hypoperfusion--proposes--vasomotor-dysregulation',
            'claim:muscle-ischaemia--causes--myalgia',
            'claim:vasomotor-dysregulation--causes--muscle-ischaemia',
          ].sort(),
        );
        expect(around.truncated).toBe(false);
      });

      it('walks deeper and filters by relation, kind and minimum evidence level', async () => {
        const deep = await store.neighborhood(IDS.brainFog, { depth: 2 });
        expect(deep.nodes.map((node) => node.id)).toEqual(
          [IDS.sensitization, IDS.hypoperfusion, IDS.brainFog].sort(),
        );
        const relieves = await store.neighborhood(IDS.myalgia, { relations: ['RELIEVES'] });
        expect(relieves.nodes.map((node) => node.id)).toEqual([IDS.myalgia, IDS.exercise, IDS.heat].sort());
        const theories = await store.neighborhood(IDS.myalgia, { kinds: ['theory'] });
        expect(theories.nodes.map((node) => node.id)).toEqual([IDS.myalgia, IDS.hypoperfusion].sort());
        const strong = await store.neighborhood(IDS.myalgia, { minLevel: 'rct' });
        expect(strong.nodes.map((node) => node.id)).toEqual([IDS.myalgia, IDS.exercise].sort());
        expect(strong.claims.map((claim) => claim.id)).toEqual(['claim:aerobic-exercise--relieves--myalgia']);
      });

      it('cuts the answer to the node budget, nearest and surest first, and pages on', async () => {
        const whole = await store.neighborhood(IDS.myalgia, { depth: 2 });
        expect(whole.nodes).toHaveLength(7);
        expect(whole.page).toEqual({
          totalNodes: 7,
          offset: 0,
          limit: 150,
          leftOut: { nodes: 0, byKind: {} },
          nextOffset: null,
        });
        expect(whole.truncated).toBe(false);
        // Distance 1: the links of strength 1 (exercise, high; the theory's EXPLAINS, ungraded and so
        // neutral) before the 0.25 links, ties by id; then distance 2 by their surest link, then id.
        const first = await store.neighborhood(IDS.myalgia, { depth: 2, limit: 3 });
        expect(first.nodes.map((node) => node.id)).toEqual([IDS.myalgia, IDS.hypoperfusion, IDS.exercise]);
        expect(first.claims.map((claim) => claim.id)).toEqual([
          'claim:aerobic-exercise--relieves--myalgia',
          'claim:muscle-hypoperfusion--explains--myalgia',
        ]);
        expect(first.truncated).toBe(true);
        expect(first.page).toEqual({
          totalNodes: 7,
          offset: 0,
          limit: 3,
          leftOut: { nodes: 4, byKind: { theory: 1, therapy: 1, mechanism: 2 } },
          nextOffset: 3,
        });
        const second = await store.neighborhood(IDS.myalgia, { depth: 2, limit: 3, offset: 3 });
        expect(second.nodes.map((node) => node.id)).toEqual([IDS.ischaemia, IDS.vasomotor, IDS.heat]);
        // Its claims join its nodes to each other and back to the first answer's, never first-only ones.
        expect(second.claims.map((claim) => claim.id)).toEqual([
          'claim:aerobic-exercise--targets--muscle-ischaemia',
          'claim:heat-therapy--relieves--myalgia',
          'claim:muscle-hypoperfusion--proposes--muscle-ischaemia',
          'claim:muscle-hypoperfusion--proposes--vasomotor-dysregulation',
          'claim:muscle-ischaemia--causes--myalgia',
          'claim:vasomotor-dysregulation--causes--muscle-ischaemia',
        ]);
        expect(second.page?.nextOffset).toBe(6);
        const last = await store.neighborhood(IDS.myalgia, { depth: 2, limit: 3, offset: 6 });
        expect(last.nodes.map((node) => node.id)).toEqual([IDS.sensitization]);
        expect(last.page).toMatchObject({ leftOut: { nodes: 0, byKind: {} }, nextOffset: null });
        expect(last.truncated).toBe(false);
        // The pages together are the whole neighbourhood, each node and claim once.
        const pages = [first, second, last];
        expect(pages.flatMap((page) => page.nodes.map((node) => node.id)).sort()).toEqual(
          whole.nodes.map((node) => node.id),
        );
        expect(pages.flatMap((page) => page.claims.map((claim) => claim.id)).sort()).toEqual(
          whole.claims.map((claim) => claim.id),
        );
        // Past the end: nothing, and nothing left.
        const beyond = await store.neighborhood(IDS.myalgia, { depth: 2, limit: 3, offset: 9 });
        expect(beyond.nodes).toEqual([]);
        expect(beyond.page).toMatchObject({ totalNodes: 7, nextOffset: null });
        // The budget applies after the filters: two RELIEVES neighbours, one left out.
        const relieves = await store.neighborhood(IDS.myalgia, { relations: ['RELIEVES'], limit: 2 });
        expect(relieves.nodes.map((node) => node.id)).toEqual([IDS.myalgia, IDS.exercise]);
        expect(relieves.page?.leftOut).toEqual({ nodes: 1, byKind: { therapy: 1 } });
      });

      it('rejects bad options and unknown ids', async () => {
        await expect(store.neighborhood('symptom:none')).rejects.toBeInstanceOf(NotFoundError);
        await expect(store.neighborhood(IDS.myalgia, { depth: 0 })).rejects.toMatchObject({ field: 'depth' });
        await expect(store.neighborhood(IDS.myalgia, { depth: 9 })).rejects.toMatchObject({ field: 'depth' });
        await expect(store.neighborhood(IDS.myalgia, { limit: 0 })).rejects.toMatchObject({ field: 'limit' });
        await expect(store.neighborhood(IDS.myalgia, { limit: 5001 })).rejects.toMatchObject({
          field: 'limit',
        });
        await expect(store.neighborhood(IDS.myalgia, { offset: -1 })).rejects.toMatchObject({
          field: 'offset',
        });
        await expect(store.neighborhood(IDS.myalgia, { kinds: ['planet'] } as never)).rejects.toMatchObject({
          field: 'kinds',
        });
      });
    });

    describe('paths', () => {
      beforeEach(async () => {
        await buildFixtureGraph(store);
      });

      it('ranks paths by certainty (weakest link), then length, and says what each can be read as', async () => {
        const { paths, truncated } = await store.paths(IDS.exercise, IDS.myalgia, { maxHops: 3, first: 10 });
        expect(truncated).toBe(false);
        expect(paths.map((path) => [path.score, path.nature, path.hops.map((hop) => hop.claimId)])).toEqual([
          [1, 'directed', ['claim:aerobic-exercise--relieves--myalgia']],
          [
            // "…muscle ischaemia, which is proposed by muscle hypoperfusion, which explains myalgia": the
            // theory's two hops are not graded, so they are neutral and the trial-backed hop decides.
            1,
            'undirected',
            [
              'claim:aerobic-exercise--targets--muscle-ischaemia',
              'claim:muscle-hypoperfusion--proposes--muscle-ischaemia',
              'claim:muscle-hypoperfusion--explains--myalgia',
            ],
          ],
          [
            0.25,
            'directed',
            ['claim:aerobic-exercise--targets--muscle-ischaemia', 'claim:muscle-ischaemia--causes--myalgia'],
          ],
        ]);
        const second = paths[2];
        expect(second?.nodeIds).toEqual([IDS.exercise, IDS.ischaemia, IDS.myalgia]);
        expect(second?.hops.map((hop) => hop.forward)).toEqual([true, true]);
        expect(second?.claims.map((claim) => claim.evidence.length)).toEqual([1, 1]);
      });

      it('crosses claims between theories only when asked, walks claims backwards and honours maxHops and first', async () => {
        // The only route runs through "hypoperfusion builds on sensitization": no explanation by default.
        expect((await store.paths(IDS.brainFog, IDS.myalgia, { maxHops: 4 })).paths).toEqual([]);
        const { paths } = await store.paths(IDS.brainFog, IDS.myalgia, {
          maxHops: 4,
          throughTheoryRelations: true,
        });
        // The longer route ranks first: its last hop is graded (very low), while the three-hop route is
        // theory-level claims only, which nothing grades, so it ranks after every graded chain.
        expect(paths.map((path) => path.score)).toEqual([0.25, 0]);
        expect(paths[1]?.nodeIds).toEqual([IDS.brainFog, IDS.sensitization, IDS.hypoperfusion, IDS.myalgia]);
        expect(paths[1]?.hops.map((hop) => hop.forward)).toEqual([false, false, true]);
        expect(paths[1]?.nature).toBe('undirected');
        expect(
          (await store.paths(IDS.brainFog, IDS.myalgia, { maxHops: 2, throughTheoryRelations: true })).paths,
        ).toEqual([]);
        await expect(
          store.paths(IDS.brainFog, IDS.myalgia, { throughTheoryRelations: 'yes' as unknown as boolean }),
        ).rejects.toMatchObject({ field: 'throughTheoryRelations' });
        expect((await store.paths(IDS.exercise, IDS.myalgia, { first: 1 })).paths).toHaveLength(1);
        await expect(store.paths(IDS.exercise, 'symptom:none')).rejects.toBeInstanceOf(NotFoundError);
        await expect(store.paths(IDS.exercise, IDS.myalgia, { maxHops: 7 })).rejects.toMatchObject({
          field: 'maxHops',
        });
      });
    });

    describe('paths under a what-if weighting', () => {
      beforeEach(async () => {
        await buildFixtureGraph(store);
      });

      it('ranks paths from the evidence kept, and returns the weighed claims', async () => {
        const { paths } = await store.paths(IDS.exercise, IDS.myalgia, {
          maxHops: 3,
          first: 10,
          weighting: { leaveOutLevels: ['guideline'] },
        });
        // The direct claim rests on the guideline alone, so it is gone; the rest keep their order.
        expect(paths.map((path) => path.hops.map((hop) => hop.claimId))).toEqual([
          [
            'claim:aerobic-exercise--targets--muscle-ischaemia',
            'claim:muscle-hypoperfusion--proposes--muscle-ischaemia',
            'claim:muscle-hypoperfusion--explains--myalgia',
          ],
          ['claim:aerobic-exercise--targets--muscle-ischaemia', 'claim:muscle-ischaemia--causes--myalgia'],
        ]);
        // Leaving out the hypothesis papers leaves the RCT-backed TARGETS claim and nothing to chain it to.
        const withoutKatz = await store.paths(IDS.exercise, IDS.myalgia, {
          maxHops: 3,
          first: 10,
          weighting: { leaveOutSources: [IDS.katz] },
        });
        expect(withoutKatz.paths.map((path) => path.hops.map((hop) => hop.claimId))).toEqual([
          ['claim:aerobic-exercise--relieves--myalgia'],
        ]);
        expect(withoutKatz.paths[0]?.claims[0]).toMatchObject({ setAside: 0, certainty: 'high' });
      });

      it('weighs a contested claim from the items kept and refuses a weighting it cannot read', async () => {
        // The contested BUILDS_ON claim: without its disputing guideline note it grades as its support alone.
        const withDispute = await store.paths(IDS.brainFog, IDS.myalgia, { throughTheoryRelations: true });
        const withoutDispute = await store.paths(IDS.brainFog, IDS.myalgia, {
          throughTheoryRelations: true,
          weighting: { leaveOutStances: ['disputes'] },
        });
        const builds = (result: typeof withDispute) =>
          result.paths[0]?.claims.find((claim) => claim.relation === 'BUILDS_ON');
        expect(builds(withDispute)).toMatchObject({ contested: true, disputeCount: 1 });
        expect(builds(withoutDispute)).toMatchObject({ contested: false, disputeCount: 0, setAside: 1 });
        expect(builds(withoutDispute)?.evidence.every((item) => item.stance === 'supports')).toBe(true);
        await expect(
          store.paths(IDS.exercise, IDS.myalgia, { weighting: { leaveOutLevels: ['rumour' as never] } }),
        ).rejects.toMatchObject({ field: 'weighting.leaveOutLevels' });
        await expect(
          store.paths(IDS.exercise, IDS.myalgia, { weighting: { leaveOutSources: ['theory:x'] } }),
        ).rejects.toMatchObject({ field: 'weighting.leaveOutSources[0]' });
      });

      it('never chains through a question, even when asked to cross claims between theories', async () => {
        const question = await store.createNode(
          { kind: 'question', name: 'Which theory?', decisiveObservation: 'An observation.' },
          CURATOR,
        );
        for (const theory of [IDS.hypoperfusion, IDS.sensitization]) {
          await store.createClaim(
            {
              from: question.id,
              relation: 'TESTS',
              to: theory,
              evidence: [{ sourceId: IDS.katz, note: 'n', level: 'hypothesis', stance: 'supports' }],
            },
            CURATOR,
          );
        }
        const between = await store.paths(IDS.hypoperfusion, IDS.sensitization, {
          maxHops: 2,
          first: 10,
          throughTheoryRelations: true,
        });
        expect(between.paths.map((path) => path.hops.map((hop) => hop.relation))).toEqual([['BUILDS_ON']]);
        expect((await store.paths(question.id, IDS.myalgia, { throughTheoryRelations: true })).paths).toEqual(
          [],
        );
      });
    });

    describe('theories and contested claims', () => {
      beforeEach(async () => {
        await buildFixtureGraph(store);
      });

      it("returns a theory's subgraph with the therapies acting on it", async () => {
        const subgraph = await store.theorySubgraph(IDS.hypoperfusion);
        expect(subgraph.nodes.map((node) => node.id)).toEqual(
          [
            IDS.hypoperfusion,
            IDS.vasomotor,
            IDS.ischaemia,
            IDS.myalgia,
            IDS.sensitization,
            IDS.exercise,
            IDS.heat,
          ].sort(),
        );
        expect(subgraph.claims).toHaveLength(9);
        expect(
          subgraph.claims.some((claim) => claim.id === 'claim:central-sensitization--explains--brain-fog'),
        ).toBe(false);
        await expect(store.theorySubgraph(IDS.myalgia)).rejects.toMatchObject({ field: 'id' });
        await expect(store.theorySubgraph('theory:none')).rejects.toBeInstanceOf(NotFoundError);
      });

      it('lists contested claims, strongest disputes first', async () => {
        await store.addEvidence(
          'claim:heat-therapy--relieves--myalgia',
          { sourceId: IDS.katz, note: 'Unclear.', level: 'hypothesis', stance: 'disputes' },
          1,
          CURATOR,
        );
        const contested = await store.contested();
        expect(contested.map((claim) => claim.id)).toEqual([
          'claim:muscle-hypoperfusion--builds-on--central-sensitization',
          'claim:heat-therapy--relieves--myalgia',
        ]);
        expect(await store.contested(1)).toHaveLength(1);
      });

      it('counts by kind, relation, certainty, level and stance', async () => {
        const stats = await store.stats();
        expect(stats).toMatchObject({
          nodes: 11,
          claims: 10,
          evidence: 11,
          contestedClaims: 1,
          nodesByKind: { source: 3, theory: 2, mechanism: 2, symptom: 2, therapy: 2 },
          claimsByRelation: { PROPOSES: 2, EXPLAINS: 2, CAUSES: 2, TARGETS: 1, RELIEVES: 2, BUILDS_ON: 1 },
          evidenceByLevel: { hypothesis: 4, anecdote: 3, rct: 1, guideline: 2, observational: 1 },
          evidenceByStance: { supports: 10, disputes: 1 },
        });
        expect(stats.changes).toBe(3 + 8 + 10 + 1);
        // Certainty is derived from each claim's evidence; the counts match grading every claim again.
        const graded: Record<string, number> = {};
        for (const claim of (await store.exportGraph()).claims) {
          const grade = summarizeEvidence(claim.relation, claim.evidence).certainty ?? 'ungraded';
          graded[grade] = (graded[grade] ?? 0) + 1;
        }
        expect(stats.claimsByCertainty).toEqual(graded);
        expect(Object.keys(graded).length).toBeGreaterThan(1);
      });
    });

    describe('import and export', () => {
      it('round-trips: export, import into an empty store, identical export', async () => {
        await buildFixtureGraph(store);
        const exported = await store.exportGraph();
        expect(exported.nodes).toHaveLength(11);
        expect(exported.claims).toHaveLength(10);
        const other = await current.openEmpty();
        try {
          const report = await other.importGraph(JSON.parse(JSON.stringify(exported)) as typeof exported, {
            actor: 'import',
          });
          expect(report).toEqual({ created: 21, updated: 0, unchanged: 0 });
          expect(JSON.stringify(await other.exportGraph())).toBe(JSON.stringify(exported));
          expect((await other.history()).changes[0]).toMatchObject({ action: 'import', actor: 'import' });
          await expect(other.importGraph(exported, { actor: 'import' })).rejects.toMatchObject({
            field: 'mode',
          });
        } finally {
          await other.close();
        }
      });

      it('upserts idempotently and reports what changed', async () => {
        await buildFixtureGraph(store);
        const exported = await store.exportGraph();
        expect(await store.importGraph(exported, CURATOR, { mode: 'upsert' })).toEqual({
          created: 0,
          updated: 0,
          unchanged: 21,
        });
        const edited = {
          ...exported,
          nodes: exported.nodes.map((node) =>
            node.id === IDS.myalgia ? { ...node, summary: 'Muscle pain.' } : node,
          ),
        };
        expect(await store.importGraph(edited, CURATOR, { mode: 'upsert' })).toEqual({
          created: 0,
          updated: 1,
          unchanged: 20,
        });
        expect(await store.getNode(IDS.myalgia)).toMatchObject({ summary: 'Muscle pain.', version: 2 });
      });

      it('rejects a snapshot with a dangling reference and leaves the store untouched', async () => {
        await buildFixtureGraph(store);
        const exported = await store.exportGraph();
        const broken = { ...exported, nodes: exported.nodes.filter((node) => node.id !== IDS.brainFog) };
        const before = JSON.stringify(exported);
        await expect(store.importGraph(broken, CURATOR, { mode: 'upsert' })).rejects.toBeInstanceOf(
          ValidationError,
        );
        expect(JSON.stringify(await store.exportGraph())).toBe(before);
        const other = await current.openEmpty();
        try {
          await expect(other.importGraph(broken, { actor: 'import' })).rejects.toMatchObject({
            code: 'BAD_INPUT',
            field: expect.stringMatching(/^claims\[\d+\]\.to$/) as unknown,
          });
          expect((await other.stats()).nodes).toBe(0);
          await expect(
            other.importGraph({ format: 'nope' } as never, { actor: 'import' }),
          ).rejects.toMatchObject({ field: 'format' });
        } finally {
          await other.close();
        }
      });
    });
  });
}
