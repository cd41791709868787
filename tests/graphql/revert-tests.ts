/** Mutation.revertChange: admins undo a change with a new change; others are refused. */
import { describe, expect, it } from 'vitest';
import { IDS } from '../contract/fixture-graph.ts';
import type { ApiFixture } from './graphql-api-suite.ts';
import { ADMIN, EDITOR, READER, dataOf, onlyError } from './graphql-client.ts';

const RELIEVES = 'claim:aerobic-exercise--relieves--myalgia';
const BUILDS_ON = 'claim:muscle-hypoperfusion--builds-on--central-sensitization';
const REVERT = `mutation ($seq: Int!) { revertChange(seq: $seq) { seq actor action targetType targetId before after } }`;

interface RevertData {
  revertChange: {
    seq: number;
    actor: string;
    action: string;
    targetType: string;
    targetId: string;
    before: unknown;
    after: unknown;
  };
}

/** Registers the revert tests; `get` returns the current test's fixture. */
export function revertTests(get: () => ApiFixture): void {
  const latestSeq = async (): Promise<number> => {
    const [change] = (await get().store.history({ first: 1 })).changes;
    if (change === undefined) throw new Error('no history');
    return change.seq;
  };
  const revert = async (seq: number) => dataOf(await get().client.run<RevertData>(REVERT, { seq }, ADMIN));

  describe('mutations: revertChange', () => {
    it('reverts an update: the content comes back one version up, recorded as a new update by the admin', async () => {
      const { store } = get();
      const original = await store.getNode(IDS.myalgia);
      if (original === null) throw new Error('fixture');
      await store.updateNode(
        IDS.myalgia,
        { name: 'Muscle ache', summary: 'Changed.', aliases: ['ache'] },
        original.version,
        { actor: 'ed' },
      );
      const seq = await latestSeq();
      const { revertChange } = await revert(seq);
      expect(revertChange).toMatchObject({
        actor: 'ada',
        action: 'UPDATE',
        targetType: 'NODE',
        targetId: IDS.myalgia,
      });
      expect(revertChange.seq).toBeGreaterThan(seq);
      const restored = await store.getNode(IDS.myalgia);
      expect(restored).toMatchObject({
        name: original.name,
        summary: original.summary,
        aliases: original.aliases,
        xrefs: original.xrefs,
        version: original.version + 2,
      });
      const [newest] = (await store.history({ first: 1 })).changes;
      expect(newest).toMatchObject({ seq: revertChange.seq, action: 'update', actor: 'ada' });
    });

    it('reverts a create (the record is gone) and then that delete (the record is back)', async () => {
      const { store } = get();
      const node = await store.createNode(
        { kind: 'symptom', name: 'Fatigue', summary: 'Tired.' },
        { actor: 'ed' },
      );
      const created = await revert(await latestSeq());
      expect(created.revertChange).toMatchObject({ action: 'DELETE', targetId: node.id, actor: 'ada' });
      expect(await store.getNode(node.id)).toBeNull();
      const deleted = await revert(created.revertChange.seq);
      expect(deleted.revertChange).toMatchObject({ action: 'CREATE', targetId: node.id, actor: 'ada' });
      expect(await store.getNode(node.id)).toMatchObject({ id: node.id, name: 'Fatigue', summary: 'Tired.' });
    });

    it('reverts a claim delete with the same id, ends and evidence ids', async () => {
      const { store } = get();
      const claim = await store.getClaim(RELIEVES);
      if (claim === null) throw new Error('fixture');
      await store.deleteClaim(RELIEVES, claim.version, { actor: 'ed' });
      const { revertChange } = await revert(await latestSeq());
      expect(revertChange).toMatchObject({ action: 'CREATE', targetType: 'CLAIM', targetId: RELIEVES });
      const back = await store.getClaim(RELIEVES);
      expect(back).toMatchObject({
        relation: claim.relation,
        from: claim.from,
        to: claim.to,
        summary: claim.summary,
      });
      expect(back?.evidence.map((item) => item.id)).toEqual(claim.evidence.map((item) => item.id));
    });

    it('reverts an added evidence item by removing it', async () => {
      const { store } = get();
      const claim = await store.getClaim(RELIEVES);
      if (claim === null) throw new Error('fixture');
      const added = await store.addEvidence(
        RELIEVES,
        { sourceId: IDS.eular, note: 'Another note.', level: 'guideline', stance: 'supports' },
        claim.version,
        { actor: 'ed' },
      );
      expect(added.evidence).toHaveLength(claim.evidence.length + 1);
      const { revertChange } = await revert(await latestSeq());
      expect(revertChange).toMatchObject({ action: 'REMOVE_EVIDENCE', targetId: RELIEVES, actor: 'ada' });
      const after = await store.getClaim(RELIEVES);
      expect(after?.evidence.map((item) => item.id)).toEqual(claim.evidence.map((item) => item.id));
      expect(after?.evidence).toEqual(claim.evidence);
      expect(after?.version).toBe(added.version + 1);
      const [newest, previous] = (await store.history({ targetId: RELIEVES, first: 2 })).changes;
      expect(newest).toMatchObject({
        seq: revertChange.seq,
        action: 'remove-evidence',
        actor: 'ada',
        targetType: 'claim',
      });
      expect(previous).toMatchObject({ action: 'add-evidence', actor: 'ed' });
    });

    it('reverts a source update: every bibliographic field comes back, one version up', async () => {
      const { store } = get();
      const original = await store.getSource(IDS.katz);
      if (original === null) throw new Error('fixture');
      await store.updateSource(
        IDS.katz,
        {
          sourceKind: 'review',
          title: 'A different title',
          name: 'Katz 2008',
          summary: 'Edited.',
          aliases: ['The Katz paper'],
          xrefs: ['PMID:17000000'],
          authors: ['Katz DL'],
          year: 2008,
          venue: null,
          url: 'https://example.org/katz',
          doi: null,
          pmid: '17000000',
          published: '2008-01-02',
        },
        original.version,
        { actor: 'ed' },
      );
      const seq = await latestSeq();
      const { revertChange } = await revert(seq);
      expect(revertChange).toMatchObject({
        actor: 'ada',
        action: 'UPDATE',
        targetType: 'SOURCE',
        targetId: IDS.katz,
      });
      expect(revertChange.seq).toBe(seq + 1);
      const restored = await store.getSource(IDS.katz);
      if (restored === null) throw new Error('source gone');
      const { version, updatedAt, ...fields } = original;
      expect(restored).toMatchObject({ ...fields, version: version + 2 });
      expect(restored.updatedAt >= updatedAt).toBe(true);
      expect(revertChange.before).toMatchObject({ title: 'A different title', version: version + 1 });
      expect(revertChange.after).toEqual(restored);
      const [newest] = (await store.history({ targetId: IDS.katz, first: 1 })).changes;
      expect(newest).toMatchObject({
        seq: revertChange.seq,
        action: 'update',
        actor: 'ada',
        targetType: 'source',
      });
    });

    it('reverts a removed evidence item: the same item is back and the claim goes one version up', async () => {
      const { store } = get();
      const claim = await store.getClaim(BUILDS_ON);
      if (claim === null) throw new Error('fixture');
      const disputing = claim.evidence.find((item) => item.stance === 'disputes');
      if (disputing === undefined) throw new Error('fixture');
      const removed = await store.removeEvidence(BUILDS_ON, disputing.id, claim.version, { actor: 'ed' });
      expect(removed.contested).toBe(false);
      const seq = await latestSeq();
      const { revertChange } = await revert(seq);
      expect(revertChange).toMatchObject({
        actor: 'ada',
        action: 'ADD_EVIDENCE',
        targetType: 'CLAIM',
        targetId: BUILDS_ON,
      });
      expect(revertChange.seq).toBe(seq + 1);
      const back = await store.getClaim(BUILDS_ON);
      expect(back?.evidence).toEqual(claim.evidence);
      expect(back?.evidence.find((item) => item.id === disputing.id)).toEqual(disputing);
      expect(back).toMatchObject({
        version: claim.version + 2,
        contested: true,
        supportCount: claim.supportCount,
        disputeCount: claim.disputeCount,
      });
      const [newest, previous] = (await store.history({ targetId: BUILDS_ON, first: 2 })).changes;
      expect(newest).toMatchObject({ seq: revertChange.seq, action: 'add-evidence', actor: 'ada' });
      expect(previous).toMatchObject({ seq, action: 'remove-evidence', actor: 'ed' });
    });

    it('puts a removed item back where it stood, not at the end, in one change', async () => {
      const { store } = get();
      const claim = await store.getClaim(RELIEVES);
      if (claim === null) throw new Error('fixture');
      const note = (text: string) =>
        ({ sourceId: IDS.katz, note: text, level: 'hypothesis', stance: 'supports' }) as const;
      const two = await store.addEvidence(RELIEVES, note('Second item.'), claim.version, {
        actor: 'curator',
      });
      const three = await store.addEvidence(RELIEVES, note('Third item.'), two.version, { actor: 'curator' });
      const middle = three.evidence[1];
      if (middle === undefined) throw new Error('no middle item');
      await store.removeEvidence(RELIEVES, middle.id, three.version, { actor: 'ed' });
      const seq = await latestSeq();
      await revert(seq);
      expect((await store.getClaim(RELIEVES))?.evidence).toEqual(three.evidence);
      expect(await latestSeq()).toBe(seq + 1);
    });

    it('puts back every field of a removed item: quote, note, locator, level, stance, source, flag, appraisal', async () => {
      const { store } = get();
      const claim = await store.getClaim(RELIEVES);
      if (claim === null) throw new Error('fixture');
      const rich = await store.addEvidence(
        RELIEVES,
        {
          sourceId: IDS.katz,
          quote: 'Exercise improved muscle blood flow.',
          note: 'A small trial.',
          locator: 'p. 4, table 2',
          level: 'rct',
          stance: 'disputes',
          unverified: true,
          design: 'open-label pilot',
          participants: 18,
          population: 'women with fibromyalgia',
          funding: 'device maker',
          concerns: ['risk-of-bias', 'imprecise'],
          ratingNote: 'No control arm blinding.',
          studyId: 'pilot-2020',
        },
        claim.version,
        { actor: 'curator' },
      );
      const item = rich.evidence.at(-1);
      if (item === undefined) throw new Error('no evidence added');
      await store.removeEvidence(RELIEVES, item.id, rich.version, { actor: 'ed' });
      await revert(await latestSeq());
      const back = await store.getClaim(RELIEVES);
      expect(back?.evidence).toEqual(rich.evidence);
      expect(back?.evidence.at(-1)).toEqual({
        id: item.id,
        sourceId: IDS.katz,
        quote: 'Exercise improved muscle blood flow.',
        note: 'A small trial.',
        locator: 'p. 4, table 2',
        level: 'rct',
        stance: 'disputes',
        unverified: true,
        design: 'open-label pilot',
        participants: 18,
        population: 'women with fibromyalgia',
        funding: 'device maker',
        concerns: ['risk-of-bias', 'imprecise'],
        ratingUp: [],
        ratingNote: 'No control arm blinding.',
        studyId: 'pilot-2020',
        pooledDesign: null,
        recommendation: null,
        reportedCertainty: null,
        domainsAssessed: false,
      });
      expect(back?.version).toBe(rich.version + 2);
    });

    it('reverts a claim update: relation and summary come back, evidence untouched, one change', async () => {
      const { store } = get();
      const claim = await store.getClaim(BUILDS_ON);
      if (claim === null) throw new Error('fixture');
      await store.updateClaim(
        BUILDS_ON,
        { relation: 'CONFLICTS_WITH', summary: 'They contradict each other.' },
        claim.version,
        { actor: 'ed' },
      );
      const seq = await latestSeq();
      const { revertChange } = await revert(seq);
      expect(revertChange).toMatchObject({
        actor: 'ada',
        action: 'UPDATE',
        targetType: 'CLAIM',
        targetId: BUILDS_ON,
      });
      expect(revertChange.seq).toBe(seq + 1);
      expect(await latestSeq()).toBe(revertChange.seq);
      const back = await store.getClaim(BUILDS_ON);
      expect(back).toMatchObject({
        relation: 'BUILDS_ON',
        from: claim.from,
        to: claim.to,
        summary: null,
        evidence: claim.evidence,
        contested: true,
        version: claim.version + 2,
      });
      const out = await store.claimsOf(IDS.hypoperfusion, 'out');
      expect(out.filter((item) => item.to === IDS.sensitization).map((item) => item.relation)).toEqual([
        'BUILDS_ON',
      ]);
      expect(revertChange.before).toMatchObject({ relation: 'CONFLICTS_WITH' });
      expect(revertChange.after).toMatchObject({ relation: 'BUILDS_ON', summary: null });
    });

    it('reverts a summary edit to the summary before it, not to none', async () => {
      const { store } = get();
      const claim = await store.getClaim(RELIEVES);
      if (claim === null) throw new Error('fixture');
      const first = await store.updateClaim(RELIEVES, { summary: 'First.' }, claim.version, { actor: 'ed' });
      await store.updateClaim(RELIEVES, { summary: 'Second.' }, first.version, { actor: 'ed' });
      await revert(await latestSeq());
      expect(await store.getClaim(RELIEVES)).toMatchObject({
        relation: 'RELIEVES',
        summary: 'First.',
        version: claim.version + 3,
      });
    });

    it('lets the store refuse when the record has moved on (update of a since-deleted node)', async () => {
      const { store } = get();
      const node = await store.createNode({ kind: 'symptom', name: 'Fatigue' }, { actor: 'ed' });
      await store.updateNode(node.id, { summary: 'Tired.' }, 1, { actor: 'ed' });
      const seq = await latestSeq();
      await store.deleteNode(node.id, 2, { actor: 'ed' });
      const result = await get().client.run(REVERT, { seq }, ADMIN);
      expect(onlyError(result).extensions).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('answers NOT_FOUND, changing nothing, when the claim or source has since been deleted', async () => {
      const { store } = get();
      const claim = await store.getClaim(BUILDS_ON);
      if (claim === null) throw new Error('fixture');
      const [supporting, disputing] = claim.evidence;
      if (supporting === undefined || disputing === undefined) throw new Error('fixture');
      const removed = await store.removeEvidence(BUILDS_ON, disputing.id, claim.version, { actor: 'ed' });
      const removal = await latestSeq();
      const added = await store.addEvidence(
        BUILDS_ON,
        { sourceId: IDS.katz, note: 'Another note.', level: 'hypothesis', stance: 'supports' },
        removed.version,
        { actor: 'ed' },
      );
      const addition = await latestSeq();
      await store.updateClaim(BUILDS_ON, { summary: 'Changed.' }, added.version, { actor: 'ed' });
      const update = await latestSeq();
      await store.deleteClaim(BUILDS_ON, added.version + 1, { actor: 'ed' });

      const source = await store.createSource({ sourceKind: 'book', title: 'A book' }, { actor: 'ed' });
      await store.updateSource(source.id, { year: 2001 }, source.version, { actor: 'ed' });
      const sourceUpdate = await latestSeq();
      await store.deleteNode(source.id, source.version + 1, { actor: 'ed' });

      const before = await store.exportGraph();
      const last = await latestSeq();
      for (const seq of [removal, addition, update, sourceUpdate]) {
        const result = await get().client.run(REVERT, { seq }, ADMIN);
        expect(onlyError(result).extensions, `revert of change ${seq}`).toMatchObject({ code: 'NOT_FOUND' });
      }
      expect(await store.exportGraph()).toEqual(before);
      expect(await latestSeq()).toBe(last);
    });

    it('answers CONFLICT, changing nothing, when a claim now holds the relation the revert would restore', async () => {
      const { store } = get();
      const claim = await store.getClaim(BUILDS_ON);
      if (claim === null) throw new Error('fixture');
      const updated = await store.updateClaim(BUILDS_ON, { relation: 'CONFLICTS_WITH' }, claim.version, {
        actor: 'ed',
      });
      const seq = await latestSeq();
      // Evidence added since: the revert would remove it first, so it must refuse before that write.
      await store.addEvidence(
        BUILDS_ON,
        { sourceId: IDS.katz, note: 'Added after the update.', level: 'hypothesis', stance: 'supports' },
        updated.version,
        { actor: 'ed' },
      );
      await store.createClaim(
        {
          id: 'claim:hypoperfusion-builds-on-sensitization-again',
          relation: 'BUILDS_ON',
          from: IDS.hypoperfusion,
          to: IDS.sensitization,
          evidence: [
            { sourceId: IDS.katz, note: 'It does build on it.', level: 'hypothesis', stance: 'supports' },
          ],
        },
        { actor: 'ed' },
      );
      const before = await store.exportGraph();
      const last = await latestSeq();
      const result = await get().client.run(REVERT, { seq }, ADMIN);
      expect(onlyError(result).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ALREADY_EXISTS',
        id: 'claim:hypoperfusion-builds-on-sensitization-again',
      });
      expect(await store.exportGraph()).toEqual(before);
      expect(await latestSeq()).toBe(last);
    });

    it('answers NOT_FOUND or CONFLICT when the evidence item itself has moved on', async () => {
      const { store } = get();
      const claim = await store.getClaim(RELIEVES);
      if (claim === null) throw new Error('fixture');
      // An added item removed since: nothing is left to remove.
      const added = await store.addEvidence(
        RELIEVES,
        { sourceId: IDS.katz, note: 'Added, then removed.', level: 'hypothesis', stance: 'supports' },
        claim.version,
        { actor: 'ed' },
      );
      const addition = await latestSeq();
      const item = added.evidence.at(-1);
      if (item === undefined) throw new Error('no evidence added');
      const removed = await store.removeEvidence(RELIEVES, item.id, added.version, { actor: 'ed' });
      const removal = await latestSeq();
      let before = await store.exportGraph();
      const gone = await get().client.run(REVERT, { seq: addition }, ADMIN);
      expect(onlyError(gone).extensions).toMatchObject({ code: 'NOT_FOUND', id: item.id });
      expect(await store.exportGraph()).toEqual(before);

      // A removed item put back since: it cannot be added twice.
      const { id: _id, ...content } = item;
      await store.addEvidence(RELIEVES, { id: item.id, ...content }, removed.version, { actor: 'ed' });
      before = await store.exportGraph();
      const twice = await get().client.run(REVERT, { seq: removal }, ADMIN);
      expect(onlyError(twice).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ALREADY_EXISTS',
        id: item.id,
      });
      expect(await store.exportGraph()).toEqual(before);

      // A removed item whose source has been deleted since: there is nothing left for it to cite.
      const book = await store.createSource({ sourceKind: 'book', title: 'A book' }, { actor: 'ed' });
      const current = await store.getClaim(RELIEVES);
      if (current === null) throw new Error('fixture');
      const cited = await store.addEvidence(
        RELIEVES,
        { sourceId: book.id, note: 'From the book.', level: 'anecdote', stance: 'supports' },
        current.version,
        { actor: 'ed' },
      );
      const citing = cited.evidence.at(-1);
      if (citing === undefined) throw new Error('no evidence added');
      await store.removeEvidence(RELIEVES, citing.id, cited.version, { actor: 'ed' });
      const uncited = await latestSeq();
      await store.deleteNode(book.id, book.version, { actor: 'ed' });
      before = await store.exportGraph();
      const orphan = await get().client.run(REVERT, { seq: uncited }, ADMIN);
      expect(onlyError(orphan).extensions).toMatchObject({ code: 'NOT_FOUND', id: book.id });
      expect(await store.exportGraph()).toEqual(before);
    });

    it('is for admins only and answers NOT_FOUND for an unknown change', async () => {
      const seq = await latestSeq();
      const before = await get().store.exportGraph();
      expect(onlyError(await get().client.run(REVERT, { seq }, null)).extensions).toEqual({
        code: 'UNAUTHENTICATED',
      });
      expect(onlyError(await get().client.run(REVERT, { seq }, READER)).extensions).toEqual({
        code: 'FORBIDDEN',
      });
      expect(onlyError(await get().client.run(REVERT, { seq }, EDITOR)).extensions).toEqual({
        code: 'FORBIDDEN',
      });
      expect(await get().store.exportGraph()).toEqual(before);
      const unknown = await get().client.run(REVERT, { seq: seq + 1000 }, ADMIN);
      expect(onlyError(unknown).extensions).toMatchObject({ code: 'NOT_FOUND' });
    });
  });
}
