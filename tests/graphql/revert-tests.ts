/** Mutation.revertChange: admins undo a change with a new change; others are refused. */
import { describe, expect, it } from 'vitest';
import { IDS } from '../contract/fixture-graph.ts';
import type { ApiFixture } from './graphql-api-suite.ts';
import { ADMIN, EDITOR, READER, dataOf, onlyError } from './graphql-client.ts';

const RELIEVES = 'claim:aerobic-exercise--relieves--myalgia';
const REVERT = `mutation ($seq: Int!) { revertChange(seq: $seq) { seq actor action targetType targetId before after } }`;

interface RevertData {
  revertChange: { seq: number; actor: string; action: string; targetType: string; targetId: string };
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
