/**
 * The editorial workflow over HTTP with review required, run against each store: who may propose,
 * approve, publish directly, report, resolve and release; reading a release by its number; and the
 * limits on anonymous reports.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFixtureGraph, IDS } from '../contract/fixture-graph.ts';
import type { StoresHarness } from './auth-flow-tests.ts';
import { errorCode, onlyError, postGraphQL, send, startApp, type RunningApp } from './http-harness.ts';

const PROPOSE = `mutation ($summary: String!) {
  propose(
    change: { updateNode: { id: "${IDS.myalgia}", expectedVersion: 1, patch: { summary: $summary } } }
    comment: "Patients describe it this way."
  ) { id version status proposer changeKind description targetLabel baseVersion currentVersion stale }
}`;
const APPROVE = `mutation ($id: ID!, $v: Int!) {
  approveProposal(id: $id, expectedVersion: $v, comment: "Checked against the source.") {
    status decidedBy publishedChange { actor action review { mode proposalId approvedBy } }
  }
}`;
const DIRECT = `mutation { updateNode(id: "${IDS.myalgia}", expectedVersion: 1, patch: { summary: "Direct." }) { version } }`;
const SUMMARY = `{ node(id: "${IDS.myalgia}") { summary version } }`;
const REPORT = `mutation ($claim: ID!) { reportProblem(claimId: $claim, problem: SOURCE_MISSING, text: "No source for this.") { id status problem } }`;

interface Tokens {
  readonly reader: string;
  readonly alice: string;
  readonly bob: string;
  readonly admin: string;
}

/** Registers the workflow suite for one store; a null harness registers it as skipped. */
export function describeReviewWorkflow(name: string, harness: (() => StoresHarness) | null): void {
  describe.skipIf(harness === null)(`HTTP review workflow: ${name}`, () => {
    let current: StoresHarness;
    let running: RunningApp | null = null;
    let tokens: Tokens;
    let claimId = '';

    beforeEach(async () => {
      if (harness === null) throw new Error('unreachable: the suite is skipped without a harness');
      current = harness();
      const { store, users } = await current.open();
      await buildFixtureGraph(store);
      claimId = (await store.claimsOf(IDS.myalgia, 'in'))[0]?.id ?? '';
      tokens = {
        reader: (await users.addUser('rita', 'reader')).token,
        alice: (await users.addUser('alice', 'editor')).token,
        bob: (await users.addUser('bob', 'editor')).token,
        admin: (await users.addUser('root', 'admin')).token,
      };
      running = await startApp(store, users, { reviewPolicy: 'required', limits: { reportsPerHour: 3 } });
    });
    afterEach(async () => {
      await running?.app.close();
      running = null;
      await current.dispose();
    });
    const url = () => {
      if (running === null) throw new Error('no app outside a test');
      return running.url;
    };

    it('sends editors through review: direct edits are refused, proposals wait, another editor publishes', async () => {
      const refused = await postGraphQL(url(), DIRECT, { token: tokens.alice });
      expect(onlyError(refused.body).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'REVIEW_REQUIRED',
      });
      const viewer = await postGraphQL(url(), '{ viewer { name mustPropose } }', { token: tokens.alice });
      expect(viewer.body.data).toEqual({ viewer: { name: 'alice', mustPropose: true } });

      const proposed = await postGraphQL(url(), PROPOSE, {
        token: tokens.alice,
        variables: { summary: 'Aching muscles.' },
      });
      const proposal = (proposed.body.data as { propose: Record<string, unknown> }).propose;
      expect(proposal).toMatchObject({
        status: 'OPEN',
        proposer: 'alice',
        changeKind: 'UPDATE_NODE',
        description: 'Edit node',
        targetLabel: 'Myalgia',
        baseVersion: 1,
        currentVersion: 1,
        stale: false,
      });
      expect((await postGraphQL(url(), SUMMARY)).body.data).toMatchObject({ node: { version: 1 } });

      const own = await postGraphQL(url(), APPROVE, {
        token: tokens.alice,
        variables: { id: proposal['id'], v: 1 },
      });
      expect(errorCode(own.body)).toBe('FORBIDDEN');
      const approved = await postGraphQL(url(), APPROVE, {
        token: tokens.bob,
        variables: { id: proposal['id'], v: 1 },
      });
      expect(approved.body.data).toEqual({
        approveProposal: {
          status: 'PUBLISHED',
          decidedBy: 'bob',
          publishedChange: {
            actor: 'alice',
            action: 'UPDATE',
            review: { mode: 'REVIEWED', proposalId: proposal['id'], approvedBy: 'bob' },
          },
        },
      });
      expect((await postGraphQL(url(), SUMMARY)).body.data).toEqual({
        node: { summary: 'Aching muscles.', version: 2 },
      });
    });

    it('shows a proposal as stale once its record moves on, and approving it is a conflict, not a merge', async () => {
      const proposed = await postGraphQL(url(), PROPOSE, {
        token: tokens.alice,
        variables: { summary: 'Mine.' },
      });
      const id = (proposed.body.data as { propose: { id: string } }).propose.id;
      const direct = await postGraphQL(url(), DIRECT, { token: tokens.admin });
      expect(direct.body.data).toEqual({ updateNode: { version: 2 } });
      const listed = await postGraphQL(url(), '{ proposals(status: [OPEN]) { id stale currentVersion } }', {
        token: tokens.bob,
      });
      expect(listed.body.data).toEqual({ proposals: [{ id, stale: true, currentVersion: 2 }] });
      const approved = await postGraphQL(
        url(),
        `mutation { approveProposal(id: "${id}", expectedVersion: 1) { status reason } }`,
        {
          token: tokens.bob,
        },
      );
      expect(approved.body.data).toMatchObject({ approveProposal: { status: 'CONFLICT' } });
      expect((await postGraphQL(url(), SUMMARY)).body.data).toEqual({
        node: { summary: 'Direct.', version: 2 },
      });
    });

    it('records an admin’s direct publish as such', async () => {
      await postGraphQL(url(), DIRECT, { token: tokens.admin });
      const history = await postGraphQL(
        url(),
        `{ history(targetId: "${IDS.myalgia}", first: 1) { nodes { actor review { mode proposalId approvedBy } } } }`,
      );
      expect(history.body.data).toEqual({
        history: {
          nodes: [{ actor: 'root', review: { mode: 'DIRECT', proposalId: null, approvedBy: null } }],
        },
      });
    });

    it('keeps the queues and the feed for editors, and proposing for signed-in editors', async () => {
      for (const query of [
        '{ proposals { id } }',
        '{ reports { id } }',
        '{ activity { entries { seq } } }',
      ]) {
        expect(errorCode((await postGraphQL(url(), query)).body)).toBe('UNAUTHENTICATED');
        expect(errorCode((await postGraphQL(url(), query, { token: tokens.reader })).body)).toBe('FORBIDDEN');
      }
      const anonymous = await postGraphQL(url(), PROPOSE, { variables: { summary: 'x' } });
      expect(anonymous.status).toBe(401);
      const reader = await postGraphQL(url(), PROPOSE, { token: tokens.reader, variables: { summary: 'x' } });
      expect(reader.status).toBe(403);
    });

    it('takes reports from anyone, a few per hour per address, into the editors’ queue', async () => {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const filed = await postGraphQL(url(), REPORT, { variables: { claim: claimId } });
        expect(filed.body.data).toMatchObject({
          reportProblem: { status: 'OPEN', problem: 'SOURCE_MISSING' },
        });
      }
      const fourth = await postGraphQL(url(), REPORT, { variables: { claim: claimId } });
      expect(fourth.status).toBe(429);
      expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
      // A report cannot carry an edit past the editor check.
      const smuggled = await postGraphQL(
        url(),
        `mutation { reportProblem(claimId: "${claimId}", problem: OTHER, text: "x") { id } ${DIRECT.slice(10, -1)} }`,
      );
      expect(smuggled.status).toBe(401);

      const queue = await postGraphQL(
        url(),
        '{ reports(status: [OPEN]) { id version claimId claim { id } text } }',
        {
          token: tokens.bob,
        },
      );
      const reports = (queue.body.data as { reports: { id: string; claimId: string }[] }).reports;
      expect(reports).toHaveLength(3);
      expect(reports[0]).toMatchObject({ claimId, claim: { id: claimId }, text: 'No source for this.' });
      const resolved = await postGraphQL(
        url(),
        `mutation { resolveReport(id: "${reports[0]?.id}", expectedVersion: 1, note: "Added the EULAR source.") { status resolvedBy note } }`,
        { token: tokens.bob },
      );
      expect(resolved.body.data).toEqual({
        resolveReport: { status: 'RESOLVED', resolvedBy: 'bob', note: 'Added the EULAR source.' },
      });
      const feed = await postGraphQL(url(), '{ activity(actor: "bob") { entries { type summary } } }', {
        token: tokens.alice,
      });
      expect(feed.body.data).toEqual({
        activity: {
          entries: [{ type: 'report-resolved', summary: 'Resolved a report: Added the EULAR source.' }],
        },
      });
    });

    it('lets admins freeze releases that anyone can read and compare, by number', async () => {
      const CREATE =
        'mutation { createRelease(name: "2026.12", note: "First.") { number name nodes claims citation } }';
      expect(errorCode((await postGraphQL(url(), CREATE, { token: tokens.bob })).body)).toBe('FORBIDDEN');
      const created = await postGraphQL(url(), CREATE, { token: tokens.admin });
      expect(created.body.data).toMatchObject({
        createRelease: {
          number: 1,
          name: '2026.12',
          citation: expect.stringMatching(/^FibroGraph release 1 \(2026\.12\), /) as unknown,
        },
      });
      await postGraphQL(url(), DIRECT, { token: tokens.admin });

      // The same query, live and as released: different answers, so neither is served from the other's cache.
      expect((await postGraphQL(url(), SUMMARY)).body.data).toEqual({
        node: { summary: 'Direct.', version: 2 },
      });
      const released = await send(`${url()}/graphql?release=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ readingRelease { number name } ${SUMMARY.slice(1, -1)} }` }),
      });
      expect(released.body.data).toMatchObject({
        readingRelease: { number: 1, name: '2026.12' },
        node: { version: 1 },
      });

      const diff = await postGraphQL(
        url(),
        '{ releaseDiff(from: 1) { to { number } nodesChanged { id name fields } claimsAdded { id } } }',
      );
      expect(diff.body.data).toEqual({
        releaseDiff: {
          to: null,
          nodesChanged: [{ id: IDS.myalgia, name: 'Myalgia', fields: ['summary'] }],
          claimsAdded: [],
        },
      });

      const write = await send(`${url()}/graphql?release=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` },
        body: JSON.stringify({ query: DIRECT }),
      });
      expect(write.status).toBe(400);
      expect(onlyError(write.body).message).toMatch(/read-only/);
      for (const [param, status] of [
        ['0', 400],
        ['abc', 400],
        ['9', 404],
      ] as const) {
        const bad = await send(`${url()}/graphql?release=${param}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ stats { nodes } }' }),
        });
        expect(bad.status).toBe(status);
      }
      const listed = await postGraphQL(url(), '{ releases { number name note createdBy } }');
      expect(listed.body.data).toEqual({
        releases: [{ number: 1, name: '2026.12', note: 'First.', createdBy: 'root' }],
      });
    });
  });
}
