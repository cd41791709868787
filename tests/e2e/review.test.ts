/**
 * The review workflow in real headless Chromium, against a server where review is required: an
 * editor proposes, an admin reviews and publishes from the review desk; a reader reports a problem
 * without an account and an editor resolves it; a release is made and read. Screenshots 22-*.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  browserRequired,
  browserUnavailable,
  launchChromium,
  seriousAxeViolations,
} from '../support/browser.ts';
import { openPage, screenshot, signIn, waitForGraph } from './explorer-page.ts';
import { startExplorer, webBuildMissing, type ExplorerServer } from './explorer-server.ts';

const unavailable = browserUnavailable() ?? webBuildMissing();
if (unavailable !== null && browserRequired()) throw new Error(`browser tests cannot run: ${unavailable}`);

const NODE = 'symptom:cold-intolerance';
const CLAIM_PAGE = '/?node=therapy:aerobic-exercise&sel=claim:aerobic-exercise--relieves--chronic-pain';

describe.skipIf(unavailable !== null)('the review workflow in headless Chromium', () => {
  let browser: Browser;
  let server: ExplorerServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startExplorer({ reviewPolicy: 'required' })]);
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  /** One GraphQL request, as the user of `token` (anonymous without one); its data. */
  async function api<T = Record<string, unknown>>(query: string, token?: string): Promise<T> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query }),
    });
    return ((await response.json()) as { data: T }).data;
  }

  /** A node's version now. */
  async function versionOf(id: string): Promise<number> {
    return (await api<{ node: { version: number } }>(`{ node(id: "${id}") { version } }`)).node.version;
  }

  /** A laptop-sized page signed in with `token`, its review desk open. */
  async function openDesk(token: string) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, problems } = await openPage(context, server.url);
    await waitForGraph(page);
    await signIn(page, token);
    await page.getByRole('button', { name: 'Review desk' }).click();
    return { context, page, problems, desk: page.getByRole('region', { name: 'Editor' }) };
  }

  test('an editor proposes a change, an admin approves it from the review desk, and it is published', async () => {
    const proposerContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, problems } = await openPage(proposerContext, `${server.url}/?node=${NODE}&sel=${NODE}`);
    await waitForGraph(page);
    const editor = await signIn(page, server.editorToken);
    const details = page.getByTestId('details-panel');
    const original = (await details.locator('.details-summary').first().innerText()).trim();

    // The editor's save is a proposal: it needs a reason, and the graph does not change yet.
    await details.getByRole('button', { name: 'Edit node' }).click();
    await editor.getByLabel('Summary').fill('A summary proposed in the browser test.');
    await editor.getByRole('button', { name: 'Propose for review' }).click();
    await editor
      .getByText(/Say why, for the editor who reviews it/)
      .first()
      .waitFor();
    await editor.getByLabel(/Why this change/).fill('Clearer wording (browser test).');
    await screenshot(page, '22-propose');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Propose for review' }).click();
    await editor.getByText(/Proposed for review: Edit node “Cold intolerance”/).waitFor();
    await page.reload();
    await waitForGraph(page);
    expect((await details.locator('.details-summary').first().innerText()).trim()).toBe(original);

    // Editors can see the proposal in place: the node it would change is marked on the map.
    const canvas = page.getByTestId('graph-canvas');
    expect(await canvas.getAttribute('data-pending')).toBe('0');
    await page.getByRole('button', { name: 'Proposals on the map' }).click();
    await expect.poll(() => canvas.getAttribute('data-pending')).toBe('1');
    await screenshot(page, '22-proposals-on-map');

    // The proposer sees it waiting and cannot approve it.
    await page.getByRole('button', { name: 'Review desk' }).click();
    const desk = page.getByRole('region', { name: 'Editor' });
    const card = desk.getByRole('article', { name: /Edit node Cold intolerance/ });
    await card.waitFor();
    expect(await card.getByRole('button', { name: /Approve/ }).count()).toBe(0);
    expect(await card.getByRole('button', { name: /Withdraw/ }).count()).toBe(1);
    expect(problems).toEqual([]);
    await proposerContext.close();

    // The admin approves it.
    const reviewerContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const reviewer = await openPage(reviewerContext, `${server.url}/?node=${NODE}&sel=${NODE}`);
    await waitForGraph(reviewer.page);
    await signIn(reviewer.page, server.adminToken);
    await reviewer.page.getByRole('button', { name: 'Review desk' }).click();
    const queue = reviewer.page.getByRole('region', { name: 'Editor' });
    const pending = queue.getByRole('article', { name: /Edit node Cold intolerance/ });
    await pending.waitFor();
    expect(await pending.innerText()).toContain('Clearer wording (browser test).');
    await pending.getByRole('button', { name: 'Approve…' }).click();
    await pending.getByLabel('Comment (optional)').fill('Checked.');
    await screenshot(reviewer.page, '22-review-desk');
    expect(await seriousAxeViolations(reviewer.page)).toEqual([]);
    await pending.getByRole('button', { name: 'Approve and publish' }).click();
    await queue.getByText(/Approved and published: Edit node “Cold intolerance”/).waitFor();
    const readerDetails = reviewer.page.getByTestId('details-panel');
    await readerDetails.getByText('A summary proposed in the browser test.').first().waitFor();
    // The node's history in the explorer says who proposed it and who approved it.
    await readerDetails.getByRole('button', { name: 'History' }).click();
    const latest = queue.locator('.history-list > li').first();
    await latest.waitFor();
    expect(await latest.locator('.history-head').innerText()).toMatch(/erin-editor.*approved by ada-admin/s);

    // History names the proposer, and the approver in the review stamp (via the API).
    const history = await api(
      `{ history(targetId: "${NODE}", first: 1) { nodes { actor review { mode approvedBy } } } }`,
    );
    expect(history).toEqual({
      history: { nodes: [{ actor: 'erin-editor', review: { mode: 'REVIEWED', approvedBy: 'ada-admin' } }] },
    });
    expect(reviewer.problems).toEqual([]);
    await reviewerContext.close();
  });

  test('a proposal whose record changed meanwhile is marked, and its proposer puts it on top of the new version', async () => {
    const target = 'symptom:brain-fog';
    const version = await versionOf(target);
    await api(
      `mutation { propose(change: { updateNode: { id: "${target}", expectedVersion: ${version}, patch: { summary: "Proposed before the admin's edit (browser test)." } } }, comment: "Shorter.") { id } }`,
      server.editorToken,
    );
    await api(
      `mutation { updateNode(id: "${target}", expectedVersion: ${version}, patch: { aliases: ["Fibro fog", "Edited meanwhile (browser test)"] }) { version } }`,
      server.adminToken,
    );

    const { context, page, problems, desk } = await openDesk(server.editorToken);
    const card = desk.getByRole('article', { name: /Edit node Brain fog/ });
    await card.getByText(/The record has changed since this was proposed/).waitFor();
    await screenshot(page, '22-stale-proposal');
    await card.getByRole('button', { name: 'Put my change on top…' }).click();
    await card.getByRole('button', { name: 'Put it on top of the current version' }).click();
    await card.getByText('Say why your change still holds on the current version.').waitFor();
    await card.getByLabel(/Why your change still holds/).fill('The new alias does not touch the summary.');
    await card.getByRole('button', { name: 'Put it on top of the current version' }).click();
    await desk.getByText(/now applies to the current version/).waitFor();
    await expect.poll(() => card.getByText(/The record has changed/).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    const { proposals } = await api<{
      proposals: { id: string; version: number; targetId: string; stale: boolean }[];
    }>('{ proposals(status: [OPEN]) { id version targetId stale } }', server.adminToken);
    const rebased = proposals.find((entry) => entry.targetId === target);
    expect(rebased).toMatchObject({ stale: false });
    const approved = await api(
      `mutation { approveProposal(id: "${rebased?.id}", expectedVersion: ${rebased?.version}) { status } }`,
      server.adminToken,
    );
    expect(approved).toEqual({ approveProposal: { status: 'PUBLISHED' } });
    expect(await api(`{ node(id: "${target}") { summary aliases } }`)).toEqual({
      node: {
        summary: "Proposed before the admin's edit (browser test).",
        aliases: ['Fibro fog', 'Edited meanwhile (browser test)'],
      },
    });
  });

  test('a proposer changes their open proposal in the edit form; the discussion stays and it waits for review again', async () => {
    const target = 'symptom:chronic-pain';
    await api(
      `mutation { propose(change: { updateNode: { id: "${target}", expectedVersion: ${await versionOf(target)}, patch: { summary: "First wording (browser test)." } } }, comment: "Plainer.") { id } }`,
      server.editorToken,
    );
    const { context, page, problems, desk } = await openDesk(server.editorToken);
    await desk
      .getByRole('article', { name: /Edit node Chronic pain/ })
      .getByRole('button', { name: 'Change…' })
      .click();
    // The form starts from what was proposed, not from the record.
    const summary = desk.getByLabel('Summary');
    await expect.poll(() => summary.inputValue()).toBe('First wording (browser test).');
    expect(await desk.getByRole('button', { name: /Delete/ }).count()).toBe(0);
    await summary.fill('Second wording, after the discussion (browser test).');
    await desk.getByLabel(/What you changed, and why/).fill('As the reviewer asked.');
    await screenshot(page, '22-change-proposal');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await desk.getByRole('button', { name: 'Save the changed proposal' }).click();
    await desk.getByText(/Your proposal is changed: Edit node “Chronic pain”/).waitFor();
    expect(problems).toEqual([]);
    await context.close();

    const open = await api<{
      proposals: { targetId: string; version: number; change: unknown; comments: { text: string }[] }[];
    }>('{ proposals(status: [OPEN]) { targetId version change comments { text } } }', server.adminToken);
    const changed = open.proposals.find((entry) => entry.targetId === target);
    expect(changed).toMatchObject({
      version: 2,
      change: { patch: { summary: 'Second wording, after the discussion (browser test).' } },
    });
    expect(changed?.comments.map((comment) => comment.text)).toEqual(['Changed: As the reviewer asked.']);
  });

  test('a reader reports a problem without an account; an editor sees it in the queue and resolves it', async () => {
    const readerContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, problems } = await openPage(readerContext, `${server.url}${CLAIM_PAGE}`);
    await waitForGraph(page);
    const details = page.getByTestId('details-panel');
    await details.getByRole('button', { name: 'Report a problem with this claim' }).click();
    const form = details.getByRole('form', { name: 'Report a problem' });
    await form.getByLabel('A source is missing').check();
    await form.getByLabel(/Details/).fill('The guideline grade is not cited here (browser test).');
    await screenshot(page, '22-report');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Send report' }).click();
    await details.getByText(/your report is in the editors’ queue/).waitFor();
    expect(problems).toEqual([]);
    await readerContext.close();

    const editorContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const editorPage = await openPage(editorContext, server.url);
    await waitForGraph(editorPage.page);
    await signIn(editorPage.page, server.editorToken);
    await editorPage.page.getByRole('button', { name: 'Review desk' }).click();
    const desk = editorPage.page.getByRole('region', { name: 'Editor' });
    await desk.getByRole('tab', { name: 'Reports' }).click();
    const report = desk.getByRole('article', { name: 'Report: A source is missing' });
    await report.waitFor();
    expect(await report.innerText()).toContain('The guideline grade is not cited here (browser test).');
    await report.getByRole('button', { name: 'Resolve' }).click();
    await report.getByText('Say what was done about it.').waitFor();
    await report.getByLabel(/What was done/).fill('Checked: the grade is on the claim’s guideline item.');
    await report.getByRole('button', { name: 'Resolve' }).click();
    await desk.getByText('Report resolved.').waitFor();
    await desk.getByText('No open reports.').waitFor();

    // The activity feed has both the report and its resolution, and filters by person.
    await desk.getByRole('tab', { name: 'Activity' }).click();
    await desk.getByText(/Resolved a report: Checked/).waitFor();
    await desk.getByLabel('Person').fill('reader');
    await desk.getByText(/Reported source missing/).waitFor();
    await expect.poll(() => desk.getByText(/Resolved a report/).count()).toBe(0);
    await screenshot(editorPage.page, '22-activity');
    expect(editorPage.problems).toEqual([]);
    await editorContext.close();
  });

  test('an admin makes a release; readers open it from the list, read it, and see what changed since', async () => {
    const { context, page, problems, desk } = await openDesk(server.adminToken);
    await desk.getByRole('tab', { name: 'Releases' }).click();
    await desk.getByLabel('Name').fill('e2e.1');
    await desk.getByRole('button', { name: 'Make the release' }).click();
    await desk.getByText(/Release 1 made\. FibroGraph release 1 \(e2e\.1\)/).waitFor();

    // An admin's direct edit after the release: the release does not change, the diff shows it.
    await api(
      `mutation { updateNode(id: "symptom:brain-fog", expectedVersion: ${await versionOf('symptom:brain-fog')}, patch: { aliases: ["Fibro fog", "Fog (e2e)"] }) { version } }`,
      server.adminToken,
    );
    await page.goto(`${server.url}/?node=symptom:brain-fog&sel=symptom:brain-fog`);
    await waitForGraph(page);
    const releases = page.getByTestId('releases-panel');
    await releases.getByRole('button', { name: 'What changed since' }).click();
    await releases.getByText(/Changed “Brain fog”: aliases/).waitFor();
    await releases.getByRole('link', { name: 'Read release 1' }).click();
    await page
      .getByTestId('release-banner')
      .getByText(/You are reading release 1 “e2e\.1”/)
      .waitFor();
    await waitForGraph(page);
    expect(page.url()).toMatch(/release=1&/);
    expect(page.url()).toContain('sel=symptom:brain-fog');
    const details = page.getByTestId('details-panel');
    await details.getByRole('heading', { name: 'Brain fog' }).waitFor();
    expect(await details.innerText()).not.toContain('Fog (e2e)');
    // A release is frozen: no edits are offered while reading one.
    expect(await details.getByRole('button', { name: 'Edit node' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New node' }).count()).toBe(0);
    await screenshot(page, '22-release');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Read the current graph' }).click();
    await details.getByText('Fog (e2e)').first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
